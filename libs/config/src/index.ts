export { configSchema, type AppConfig } from './config.schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
export { ConfigModule, APP_CONFIG } from './config.module';
export { READINESS_CHECKS, withTimeout, type ReadinessCheck } from './runtime/readiness-check';
export { HealthModule } from './runtime/health.module';
export { LoggerModule } from './runtime/logger.module';
export { MetricsModule, metricsRegistry } from './runtime/metrics';
export { runApp, type RunAppOptions } from './runtime/run-app';
export { Public, IS_PUBLIC_ROUTE } from './runtime/public.decorator';
