import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from './public.decorator';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

@Public()
@ApiTags('service')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process runs and its event loop answers; says nothing of dependencies. */
  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description:
      'For a liveness probe: 200 while the process runs; says nothing of its dependencies. No token.',
  })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Every dependency answers: 200, else 503 with the failing ones named. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: every dependency answers',
    description:
      'For a readiness probe: 200 when every dependency answers, else 503 naming the failing ones. No token.',
  })
  @HealthCheck()
  ready() {
    return this.health.check(this.checks.map((check) => () => check.isReady()));
  }
}
