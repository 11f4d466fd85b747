import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import { plusDays, plusMonths } from '../shared/local-date';
import { CESSATION_APPEAL_MONTHS } from './deadline.rules';

/**
 * (2nd ed.) DOMAIN.md "Cessation": the day a decision to cease takes effect, from the events alone.
 * The latest decision D stands; an appeal against the cessation recorded as lodged on or after D
 * decides: dismissed or withdrawn, the plan ceases on the outcome date; conceded or ordered to
 * continue, never; still open, not yet known (null). With no such appeal the plan ceases on
 * D + 2 months + 1 day (the appeal period has ended). Null when no decision to cease stands.
 */
export function ceasesOnOf(state: Pick<EhcpCase, 'cessationDecisions' | 'appeals'>): string | null {
  const decision = state.cessationDecisions.at(-1);
  if (decision === undefined) return null;
  const appeal = state.appeals.findLast((a) => a.against === 'cessation' && a.lodgedOn >= decision.decidedOn);
  if (appeal === undefined) return plusDays(plusMonths(decision.decidedOn, CESSATION_APPEAL_MONTHS), 1);
  switch (appeal.outcome?.outcome) {
    case 'dismissed':
    case 'withdrawn':
      return appeal.outcome.decidedOn;
    default:
      return null;
  }
}
