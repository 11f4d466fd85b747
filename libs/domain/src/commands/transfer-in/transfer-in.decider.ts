import type { TransferIn } from '../../ehcp-case/ehcp-case.commands';
import type { PlanTransferredIn } from '../../ehcp-case/ehcp-case.events';
import { refuse, requireOptionalPastDate, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import { caseExists, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { requireDateOfBirth } from '../receive-request/receive-request.decider';

/** The dates a transfer in carries about its plan (also what a correction of it may change). */
export interface TransferDates {
  readonly transferredOn: string;
  readonly planMadeOn: string;
  readonly lastReviewedOn: string | null;
}

/**
 * (2nd ed.) SEND Regs 2014 reg 15: a plan maintained by another local authority becomes this
 * authority's on the transfer date T. It opens the case as a maintained plan (made on P, last
 * reviewed on L if ever): `transfer_notice` T + 42 (reg 15(4)) and the first `annual_review` by the
 * later-of rule of reg 15(5) run from it; it is never a new plan of this authority (SEN2).
 */
export function transferIn({ data, today }: TransferIn, state: EhcpCaseState): [PlanTransferredIn] {
  if (caseExists(state)) refuse(['CASE_ALREADY_EXISTS', `Case ${data.caseId} already exists`]);
  const dates = requireTransferDates({
    transferredOn: requirePastDate(data.transferredOn, 'transferredOn', today),
    planMadeOn: requirePastDate(data.planMadeOn, 'planMadeOn', today),
    lastReviewedOn: requireOptionalPastDate(data.lastReviewedOn, 'lastReviewedOn', today),
  });
  // The plan was made for a child already born (CFA 2014 s37), under 25 then.
  const dateOfBirth = requireDateOfBirth(data.child.dateOfBirth, today, dates.planMadeOn);
  return [
    {
      type: 'PlanTransferredIn',
      data: {
        caseId: data.caseId,
        reference: data.reference ?? null,
        team: data.team,
        ...dates,
        fromAuthority: data.fromAuthority,
        placement: { institution: data.placement.institution, type: data.placement.type },
        caseworkerId: data.caseworkerId ?? null,
        // Copied field by field so that nothing but these three ever lands in the personal block.
        personal: { firstName: data.child.firstName, lastName: data.child.lastName, dateOfBirth },
      },
    },
  ];
}

type TransferDateField = keyof TransferDates;

/**
 * The plan was made on or before the transfer (P <= T), and its last review, if any, lies between
 * its making and the transfer (P <= L <= T): otherwise TRANSFER_DATES_INVALID. The error names one
 * of the two dates in conflict, chosen by `name` (by default the first: P against T, L against P or
 * T); a correction names the one it changed.
 */
export function requireTransferDates(
  dates: TransferDates,
  name: (conflicting: readonly [TransferDateField, TransferDateField]) => string = ([first]) => first,
): TransferDates {
  const { transferredOn, planMadeOn, lastReviewedOn } = dates;
  if (planMadeOn > transferredOn)
    refuse([
      'TRANSFER_DATES_INVALID',
      `planMadeOn ${planMadeOn} is after the transfer (${transferredOn}): a plan is transferred once made`,
      name(['planMadeOn', 'transferredOn']),
    ]);
  if (lastReviewedOn !== null && lastReviewedOn < planMadeOn)
    refuse([
      'TRANSFER_DATES_INVALID',
      `lastReviewedOn ${lastReviewedOn} is before the plan was made (${planMadeOn})`,
      name(['lastReviewedOn', 'planMadeOn']),
    ]);
  if (lastReviewedOn !== null && lastReviewedOn > transferredOn)
    refuse([
      'TRANSFER_DATES_INVALID',
      `lastReviewedOn ${lastReviewedOn} is after the transfer (${transferredOn}): this authority reviews it from then`,
      name(['lastReviewedOn', 'transferredOn']),
    ]);
  return dates;
}
