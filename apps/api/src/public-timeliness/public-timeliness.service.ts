import { Inject, Injectable } from '@nestjs/common';
import { LocalDate } from '@js-joda/core';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { Sen2Query } from '@ehcp/read-models';
import { ValidationProblem } from '../problem-details/api-problem';
import type { PublicTimelinessDto } from './public-timeliness.dto';
import { publicTimelinessOf } from './public-timeliness.of';

/** How long an answer is kept, here and (Cache-Control) by browsers and proxies. */
export const PUBLIC_CACHE_SECONDS = 300;
/** The longest period published at once. */
export const MAX_PUBLIC_MONTHS = 24;
/** Distinct periods kept at once: anyone may ask, so the cache must not grow without bound. */
const MAX_CACHED_PERIODS = 100;

interface Cached {
  readonly until: number;
  readonly answer: Promise<PublicTimelinessDto>;
}

/**
 * The published timeliness of every team TEAMS lists (unset: every team with a fact in the period),
 * computed once per period every five minutes: an open page must not let anyone drive the database.
 */
@Injectable()
export class PublicTimelinessService {
  private readonly cache = new Map<string, Cached>();
  private readonly teamNames: ReadonlyMap<string, string>;

  constructor(
    private readonly sen2: Sen2Query,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.teamNames = new Map((config.TEAMS ?? []).map((team) => [team.code, team.name]));
  }

  /** [from, to], defaulting to the twelve months ending today; 400 when reversed or over 24 months. */
  periodOf(from: string | undefined, to: string | undefined): { from: string; to: string } {
    const end = to ?? this.clock.today();
    const start = from ?? LocalDate.parse(end).minusYears(1).plusDays(1).toString();
    if (start > end) throw ValidationProblem.of('from', 'from must not be after to');
    if (LocalDate.parse(start).plusMonths(MAX_PUBLIC_MONTHS).toString() <= end)
      throw ValidationProblem.of('to', `the period must be at most ${MAX_PUBLIC_MONTHS} months long`);
    return { from: start, to: end };
  }

  async figures(period: { from: string; to: string }): Promise<PublicTimelinessDto> {
    const key = `${period.from}|${period.to}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.answer;
    const answer = this.compute(period);
    this.remember(key, { until: now + PUBLIC_CACHE_SECONDS * 1000, answer });
    // A failure is not kept: the next request tries again.
    answer.catch(() => this.cache.get(key)?.answer === answer && this.cache.delete(key));
    return answer;
  }

  private remember(key: string, entry: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    // Oldest first (insertion order): drop the oldest beyond the bound.
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHED_PERIODS) break;
      this.cache.delete(oldest);
    }
  }

  private async compute(period: { from: string; to: string }): Promise<PublicTimelinessDto> {
    const listed = this.config.TEAMS?.map((team) => team.code) ?? null;
    const byTeam = await this.sen2.byTeam({ ...period, teams: listed });
    const teams = byTeam.teams.map(({ team }) => team);
    const monthly = await this.sen2.monthlyByTeam({ ...period, teams });
    return publicTimelinessOf({
      period,
      councilName: this.config.COUNCIL_NAME,
      byTeam,
      monthly,
      teamName: (code) => this.teamNames.get(code) ?? code,
    });
  }
}
