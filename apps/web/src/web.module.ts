import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ClockModule, ConfigModule, HealthModule, LoggerModule, type AppConfig } from '@ehcp/config';
import { ApiClient } from './api/api-client';
import { OidcService } from './auth/oidc.service';
import { SignInController } from './auth/sign-in.controller';
import { WebErrorFilter } from './errors/web-error.filter';
import { ApiReadinessCheck, SessionRedisReadinessCheck } from './health/web-readiness.checks';
import { ErasePersonalDataController } from './pages/admin/erase-personal-data.controller';
import { NoAccessController } from './pages/no-access.controller';
import { CaseStepsController } from './steps/case-steps.controller';
import { QaAuditFormController } from './pages/qa/qa-audit-form.controller';
import { QaAuditsController } from './pages/qa/qa-audits.controller';
import { QaStartController } from './pages/qa/qa-start.controller';
import { TimelinessModule } from './timeliness/timeliness.module';
import { FamilyModule } from './family/family.module';
import { CasePageController } from './pages/case-page.controller';
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
        ClockModule,
        WebCoreModule,
        HealthModule.forRoot([ApiReadinessCheck, SessionRedisReadinessCheck], [WebCoreModule]),
        TimelinessModule,
        FamilyModule,
      ],
      controllers: [
        SignInController,
        // CaseStepsController before any `cases/:caseId` route: /cases/new is its own page.
        CaseStepsController,
        NoAccessController,
        WorkTrayController,
        CasePageController,
        // QA officer and admin pages (issue 16).
        QaStartController,
        QaAuditFormController,
        QaAuditsController,
        ErasePersonalDataController,
      ],
      providers: [OidcService, { provide: APP_FILTER, useClass: WebErrorFilter }],
    };
  }
}
