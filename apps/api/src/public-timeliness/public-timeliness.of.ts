import {
  ENGLAND_20_WEEK_RATES,
  ENGLAND_REFERENCE_SOURCE,
  publishedTableOf,
  type PublishedRow,
  type Sen2ByTeam,
  type Sen2Figures,
} from '@ehcp/domain';
import type { PublicTimelinessDto, PublishedTeamRowDto } from './public-timeliness.dto';

export interface PublicTimelinessFacts {
  readonly period: { readonly from: string; readonly to: string };
  readonly councilName: string;
  /** Sen2Query.byTeam over the period, for the teams published. */
  readonly byTeam: Sen2ByTeam;
  /** Sen2Query.monthlyByTeam over the period, for the same teams. */
  readonly monthly: {
    readonly teams: readonly {
      readonly team: string;
      readonly months: readonly (Sen2Figures & { month: string })[];
    }[];
    readonly total: readonly (Sen2Figures & { month: string })[];
  };
  readonly teamName: (code: string) => string;
}

/**
 * The published figures: the same numbers as GET /timeliness/monthly and /sen2?by=team, put through
 * disclosure control as one table (teams by months, with their totals) so that no suppressed count can
 * be worked out from the others.
 */
export function publicTimelinessOf(facts: PublicTimelinessFacts): PublicTimelinessDto {
  const codes = facts.byTeam.teams.map(({ team }) => team);
  const monthsOf = new Map(facts.monthly.teams.map(({ team, months }) => [team, months]));
  const teamMonth = (code: string, index: number) => {
    const found = monthsOf.get(code)?.[index];
    if (!found) throw new Error(`no monthly figures for team ${code}`);
    return found;
  };
  const published = publishedTableOf({
    months: facts.monthly.total.map((total, index) => ({
      month: total.month,
      total,
      teams: codes.map((code) => teamMonth(code, index)),
    })),
    period: { total: facts.byTeam.total, teams: facts.byTeam.teams },
  });
  const named = (rows: PublishedRow[]): PublishedTeamRowDto[] =>
    rows.map((row, index) => ({ team: codes[index], name: facts.teamName(codes[index]), ...row }));
  return {
    period: { from: facts.period.from, to: facts.period.to },
    council: { name: facts.councilName },
    england: { source: ENGLAND_REFERENCE_SOURCE, rates: [...ENGLAND_20_WEEK_RATES] },
    months: published.months.map(({ month, total, teams }) => ({ month, total, teams: named(teams) })),
    totals: { total: published.period.total, teams: named(published.period.teams) },
  };
}
