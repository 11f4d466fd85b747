export { configSchema, type AppConfig } from './config.schema';
export { TEAM_CODE_PATTERN, type TeamSetting } from './teams.schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
export { webConfigProblems, devSignInEnabled } from './web-config';
export { ConfigModule, APP_CONFIG } from './config.module';
export { READINESS_CHECKS, type ReadinessCheck } from './runtime/readiness-check';
export { HealthModule } from './runtime/health.module';
export { LoggerModule } from './runtime/logger.module';
export { MetricsModule, metricsRegistry } from './runtime/metrics';
export { runApp, type RunAppOptions } from './runtime/run-app';
export {
  Public,
  IS_PUBLIC_ROUTE,
  IS_RATE_LIMITED_ROUTE,
  type PublicRouteOptions,
} from './runtime/public.decorator';
// The runtime toolkit: time, waiting and derived ids, one implementation each.
export { Clock, SystemClock, ManualClock, ClockModule } from './runtime/clock';
export { londonDate, londonInstant } from './runtime/london-time';
export { sleep } from './runtime/sleep';
export { withTimeout } from './runtime/with-timeout';
export { backoffMs, type BackoffPolicy } from './runtime/backoff';
export { uuidV5 } from './runtime/uuid-v5';
export { isDependencyUnavailable } from './runtime/dependency-failure';
