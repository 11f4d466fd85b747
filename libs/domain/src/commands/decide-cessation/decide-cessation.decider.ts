import type { DecideCessation } from '../../ehcp-case/ehcp-case.commands';
import type { CessationDecided } from '../../ehcp-case/ehcp-case.events';
import {
  requireCase,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * (2nd ed.) CFA s45, SEND Regs 2014 reg 31: the LA's decision to cease the plan, with its reason. It
 * is appealable (CFA s51(2)(f)): the plan stays maintained, and its deadlines open, until the day it
 * ceases (DOMAIN.md "Cessation": D + 2 months + 1 day with no appeal, else the day an appeal is
 * dismissed or withdrawn, never if the Tribunal orders it to continue; `ceasesOnOf`). Taken while
 * the plan is maintained (also while re-assessed); one at a time: a second decision waits for the
 * first to be withdrawn by an order or a concession. Not dated before the latest recorded fact.
 */
export function decideCessation({ data, today }: DecideCessation, state: EhcpCaseState): [CessationDecided] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  requireStage(current, {
    allowed: ['plan_maintained', 'reassessing'],
    early: ['CESSATION_BEFORE_FINAL_PLAN', 'Only a maintained plan can cease'],
    late: ['CESSATION_ALREADY_DECIDED', 'A decision to cease this plan is already pending'],
  });
  requireNotBefore(decidedOn, current.lastFactOn, [
    'DATE_BEFORE_LAST_FACT',
    'Decision to cease dated before the latest recorded fact',
  ]);
  return [{ type: 'CessationDecided', data: { decidedOn, reason: data.reason } }];
}
