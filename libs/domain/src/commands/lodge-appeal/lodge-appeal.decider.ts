import type { LodgeAppeal } from '../../ehcp-case/ehcp-case.commands';
import type { AppealLodged } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
  type Refusal,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCase, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import type { AppealSubject } from '../../ehcp-case/ehcp-case.vocabulary';
import { ceasesOnOf } from '../../deadlines/cessation.rules';
import { assertNever } from '../../shared/assert-never';

const NO_DECISION: Refusal = [
  'APPEAL_DECISION_NOT_MADE',
  'No appealable decision has been made on this case',
];

/**
 * (2nd ed.) CFA s51, DOMAIN.md "Appeals and Tribunal orders": an appeal to the First-tier Tribunal
 * (SEND), recorded when the LA learns of it. The decision appealed must stand on the case (a
 * refusal to assess or to re-assess, "not issue", the plan for its contents or placement, a
 * decision to cease) and the appeal cannot be dated before it. Accepted where such a decision can
 * stand: after a refusal to assess, after "not issue", and while a plan is maintained.
 */
export function lodgeAppeal({ data, today }: LodgeAppeal, state: EhcpCaseState): [AppealLodged] {
  const current = requireCase(state);
  const lodgedOn = requirePastDate(data.lodgedOn, 'lodgedOn', today);
  requireStage(current, {
    allowed: ['refused_to_assess', 'not_issued', ...MAINTAINED_STAGES],
    early: NO_DECISION,
  });
  requireNewId(
    current.appeals.some((appeal) => appeal.appealId === data.appealId),
    'APPEAL_ALREADY_EXISTS',
    `Appeal ${data.appealId}`,
  );
  const decidedOn = appealableDecisionOn(current, data.against);
  if (decidedOn === null)
    refuse([
      'APPEAL_DECISION_NOT_MADE',
      `No decision stands on this case that an appeal (${data.against}) is against`,
    ]);
  requireNotBefore(lodgedOn, decidedOn, [
    'APPEAL_BEFORE_DECISION',
    'Appeal dated before the decision appealed',
  ]);
  requireNotCeasedOn(current, lodgedOn);
  return [{ type: 'AppealLodged', data: { appealId: data.appealId, lodgedOn, against: data.against } }];
}

/**
 * The date of the decision an appeal against `against` is about, or null when none stands: the
 * refusal to assess and "not issue" while not reversed; the plan (its first issue) for its contents
 * or placement; the decision to cease while the case is ceasing (one withdrawn by an order or a
 * concession no longer stands); for a refusal to re-assess, the earliest one (any refused request).
 */
function appealableDecisionOn(state: EhcpCase, against: AppealSubject): string | null {
  switch (against) {
    case 'refusal_to_assess':
      return standingDecisionOn(state.assessmentDecisions.at(-1), 'refuse');
    case 'not_issue':
      return standingDecisionOn(state.planDecisions.at(-1), 'not_issue');
    case 'plan_contents':
    case 'placement':
      return state.finalPlan?.issuedOn ?? null;
    case 'cessation':
      return state.stage === 'ceasing' ? (state.cessationDecisions.at(-1)?.decidedOn ?? null) : null;
    case 'refusal_to_reassess':
      return (
        state.reassessments
          .flatMap((r) => (r.decision?.decision === 'refuse' ? [r.decision.decidedOn] : []))
          .sort()
          .at(0) ?? null
      );
    default:
      return assertNever(against);
  }
}

function standingDecisionOn<D extends string>(
  latest: { readonly decision: D; readonly decidedOn: string } | undefined,
  appealable: D,
): string | null {
  return latest?.decision === appealable ? latest.decidedOn : null;
}

/**
 * DOMAIN.md "Cessation": once a decision to cease has taken effect the plan is gone, and a late
 * appeal cannot bring it back (it would otherwise make the cessation pending again).
 */
function requireNotCeasedOn(state: EhcpCase, lodgedOn: string): void {
  const ceasesOn = ceasesOnOf(state);
  if (ceasesOn !== null && lodgedOn >= ceasesOn)
    refuse(['PLAN_CEASED', `The plan ceased on ${ceasesOn}, on or before the appeal`]);
}
