import type { CeasePlan } from '../../ehcp-case/ehcp-case.commands';
import type { PlanCeased } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * CFA s45 / reg 31: the plan ceases; every open deadline is cancelled on that date. (2nd ed.) A
 * cessation effective that day (PlanCeased keeps its meaning), in every stage where the plan is
 * maintained, so also while a decision to cease (DecideCessation) is pending.
 */
export function ceasePlan({ data, today }: CeasePlan, state: EhcpCaseState): [PlanCeased] {
  const current = requireCase(state);
  const ceasedOn = requirePastDate(data.ceasedOn, 'ceasedOn', today);
  requireStage(current, {
    allowed: MAINTAINED_STAGES,
    early: ['CESSATION_BEFORE_FINAL_PLAN', 'Only a maintained plan can cease'],
  });
  requireNotBefore(ceasedOn, current.lastFactOn, [
    'DATE_BEFORE_LAST_FACT',
    'Cessation dated before the latest recorded fact',
  ]);
  return [{ type: 'PlanCeased', data: { ceasedOn, reason: data.reason } }];
}
