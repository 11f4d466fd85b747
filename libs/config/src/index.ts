export { configSchema, type AppConfig } from './config.schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
export { ConfigModule, APP_CONFIG } from './config.module';
