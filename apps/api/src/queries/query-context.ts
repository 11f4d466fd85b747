import { Inject, Injectable } from '@nestjs/common';
import { LocalDate } from '@js-joda/core';
import { assertHasTeams, assertTeamAccess, teamsVisibleTo, type AuthenticatedUser } from '@ehcp/auth';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { ReadModelPosition } from '@ehcp/read-models';
import { ValidationProblem } from '../problem-details/api-problem';

/** Periods are bounded so that a monthly series stays a sensible size. */
const MAX_PERIOD_YEARS = 10;

/** 503 with Retry-After: the read models have not caught up with the client's own write yet. */
export class ReadModelsBehind extends Error {
  readonly status = 503;
  readonly code = 'READ_MODELS_BEHIND';
  readonly title = 'Service Unavailable';
  readonly headers = { 'Retry-After': '1' };

  constructor(waitedMs: number) {
    super(`The read models did not reach minPosition within ${waitedMs / 1000} s; retry shortly.`);
    this.name = 'ReadModelsBehind';
  }
}

/** What every query needs besides its own read model: consistency, team scope, dates. */
@Injectable()
export class QueryContext {
  /** "Due soon" reaches as far as the largest warning offset (DOMAIN.md). */
  readonly warnDays: number;
  /** API.md: how long a query waits for `minPosition` (READ_YOUR_WRITES_WAIT_MS, 5 s). */
  private readonly readYourWritesMs: number;

  constructor(
    private readonly position: ReadModelPosition,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.warnDays = Math.max(...config.ALERT_WARN_DAYS);
    this.readYourWritesMs = config.READ_YOUR_WRITES_WAIT_MS;
  }

  /** Read-your-writes: returns once the read models include `minPosition` (if given), else 503. */
  async consistentWith(minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    if (!(await this.position.waitFor(minPosition, this.readYourWritesMs)))
      throw new ReadModelsBehind(this.readYourWritesMs);
  }

  /**
   * The teams to query: `team` when the user may see it (else 403), or every team the user sees
   * (null: all). A token with no team is a 403 (never empty figures); an unknown `team` was
   * already a 400 (ApiValidationPipe, TEAMS).
   */
  teams(user: AuthenticatedUser, team: string | undefined): readonly string[] | null {
    assertHasTeams(user);
    if (team === undefined) return teamsVisibleTo(user);
    assertTeamAccess(user, team);
    return [team];
  }

  /** As `teams`, for a list of teams (each checked, duplicates dropped); omitted or empty: all. */
  teamsOf(user: AuthenticatedUser, teams: readonly string[] | undefined): readonly string[] | null {
    assertHasTeams(user);
    if (teams === undefined || teams.length === 0) return teamsVisibleTo(user);
    for (const team of teams) assertTeamAccess(user, team);
    return [...new Set(teams)].sort();
  }

  /** Today in Europe/London, from the injected clock. */
  today(): string {
    return this.clock.today();
  }

  /** [from, to], defaulting to the twelve months that end today; 400 when reversed or too long. */
  period(from: string | undefined, to: string | undefined): { from: string; to: string } {
    const end = to ?? this.today();
    const start = from ?? LocalDate.parse(end).minusYears(1).plusDays(1).toString();
    if (start > end) throw ValidationProblem.of('from', 'from must not be after to');
    if (LocalDate.parse(start).plusYears(MAX_PERIOD_YEARS).toString() <= end)
      throw ValidationProblem.of('to', `the period must be shorter than ${MAX_PERIOD_YEARS} years`);
    return { from: start, to: end };
  }
}
