import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, HealthModule, LoggerModule, type AppConfig } from '@ehcp/config';
import { ApiClient } from './api/api-client';
import { OidcService } from './auth/oidc.service';
import { SignInController } from './auth/sign-in.controller';
import { WebErrorFilter } from './errors/web-error.filter';
import { ApiReadinessCheck, SessionRedisReadinessCheck } from './health/web-readiness.checks';
import { CasePageController } from './pages/case-page.controller';
import { PlaceholderController } from './pages/placeholder.controller';
import { WorkTrayController } from './pages/work-tray.controller';
import { WebRedisCloser, webRedisProvider, WEB_REDIS } from './session/redis.provider';

/** Shared by every page module: the API client and the session store's Redis. */
@Module({ providers: [ApiClient, webRedisProvider, WebRedisCloser], exports: [ApiClient, WEB_REDIS] })
export class WebCoreModule {}

@Module({})
export class WebModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WebModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        WebCoreModule,
        HealthModule.forRoot([ApiReadinessCheck, SessionRedisReadinessCheck], [WebCoreModule]),
      ],
      controllers: [SignInController, PlaceholderController, WorkTrayController, CasePageController],
      providers: [OidcService, { provide: APP_FILTER, useClass: WebErrorFilter }],
    };
  }
}
