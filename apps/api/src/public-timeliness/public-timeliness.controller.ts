import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@ehcp/config';
import { ApiProblemResponse, ProblemDocument } from '../problem-details/problem-document';
import { PublicTimelinessDto } from './public-timeliness.dto';
import { PublicTimelinessParams } from './public-timeliness.params';
import { PUBLIC_CACHE_SECONDS, PublicTimelinessService } from './public-timeliness.service';

/** The council's timeliness as it publishes it: open data, no personal data, no sign-in. */
@ApiTags('published figures')
@ApiExtraModels(ProblemDocument)
@Controller('public')
export class PublicTimelinessController {
  constructor(private readonly timeliness: PublicTimelinessService) {}

  @Get('timeliness')
  @Public({ rateLimited: true })
  @ApiOperation({
    summary: "The council's published timeliness: 20 weeks, 6 weeks and annual reviews, by month and team",
    description:
      '(2nd ed.) No sign-in. For [from, to] (default: the twelve months ending today; at most 24 months): ' +
      'per month and over the period, for the council and each team (every team TEAMS lists), the numbers of ' +
      "GET /timeliness/monthly and /timeliness/sen2?by=team beside England's published rates, after " +
      'statistical disclosure control: a count of 1 to 4 is null and named in `suppressed` ("fewer than 5"), ' +
      'as is any count that would give one away by subtraction (also in `secondary`), and a percentage built ' +
      'on one is null and named in `withheld`. Cached for 5 minutes. Rate-limited by client address.',
  })
  @ApiOkResponse({
    type: PublicTimelinessDto,
    headers: {
      'Cache-Control': {
        description: `public, max-age=${PUBLIC_CACHE_SECONDS}`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblemResponse(400, 'A bad date, a reversed period or one over 24 months (VALIDATION_FAILED)')
  @ApiProblemResponse(429, 'Rate limit exceeded (RATE_LIMITED); see Retry-After')
  async get(
    @Query() query: PublicTimelinessParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicTimelinessDto> {
    const figures = await this.timeliness.figures(this.timeliness.periodOf(query.from, query.to));
    // Only a success is cacheable: the middleware's no-store stands on every problem.
    response.setHeader('Cache-Control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
    return figures;
  }
}
