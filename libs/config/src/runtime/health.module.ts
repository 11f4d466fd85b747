import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

@Module({})
export class HealthModule {
  /** `/health/live` and `/health/ready`; `checks` are the app's dependencies, resolved from its modules. */
  static forRoot(checks: Type<ReadinessCheck>[], imports: DynamicModule['imports'] = []): DynamicModule {
    const aggregate: Provider = {
      provide: READINESS_CHECKS,
      useFactory: (...resolved: ReadinessCheck[]) => resolved,
      inject: checks,
    };
    return {
      module: HealthModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        ...(imports ?? []),
      ],
      controllers: [HealthController],
      providers: [...checks, aggregate],
    };
  }
}
