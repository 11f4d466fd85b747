import { correctedEvent, isVoidable } from '../../corrections/correctable-facts';
import {
  refusalOfCorrectedHistory,
  type Decide,
  type HistoryRefusal,
} from '../../corrections/corrected-history';
import {
  requireChanges,
  requireNoChanges,
  requireReason,
  requireTarget,
} from '../../corrections/correction.guards';
import type { CorrectFact } from '../../ehcp-case/ehcp-case.commands';
import type {
  CorrectionChanges,
  FactCorrected,
  FactVoided,
  PlanTransferredIn,
} from '../../ehcp-case/ehcp-case.events';
import { refuse, requireCase, requireNewId } from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState, RecordedFact } from '../../ehcp-case/ehcp-case.state';
import { overallGradeOf } from '../../qa/qa-grade';
import { DomainError } from '../../shared/domain-error';
import { requireTransferDates } from '../transfer-in/transfer-in.decider';

/**
 * (2nd ed.) DOMAIN.md "Corrections": a recorded fact (named by its stream revision) is corrected (a
 * date or a choice, with a reason) or voided as recorded in error. The history keeps both; the case
 * is read as if the corrected value had been recorded in the first place, so a correction that would
 * make the history invalid is refused with the code the original command would have got.
 */
export function correctFact(
  { data, today }: CorrectFact,
  state: EhcpCaseState,
  decide: Decide,
): [FactCorrected] | [FactVoided] {
  const current = requireCase(state);
  const reason = requireReason(data.reason);
  requireNewId(
    current.history.correctionIds.includes(data.correctionId),
    'CORRECTION_ALREADY_EXISTS',
    `Correction ${data.correctionId}`,
  );
  const target = requireTarget(current.history, data.revision);
  const { correctionId, revision } = data;
  const type = target.event.type;
  if (data.action === 'void') {
    requireNoChanges(data.changes);
    if (!isVoidable(type)) refuse(['CORRECTION_NOT_ALLOWED', `A ${type} cannot be voided`]);
    requireValidHistory(current, target, null, today, decide);
    return [
      { type: 'FactVoided', data: { correctionId, revision, voidedType: type, reason, voidedOn: today } },
    ];
  }
  const changes = requireChanges(type, data.changes, today);
  requireValidOpening(target, changes);
  const corrected = requireValidHistory(current, target, changes, today, decide);
  return [
    {
      type: 'FactCorrected',
      data: {
        correctionId,
        revision,
        correctedType: type,
        changes: { ...changes, ...derivedChanges(corrected, changes) },
        reason,
        correctedOn: today,
      },
    },
  ];
}

/**
 * The fact that opened the case (the request, or (2nd ed.) a plan transferred in) has no command to
 * decide it again: its personal data is not in the state. Its corrected fields are checked one by
 * one (`requireChanges`), and a transfer's dates together, as TransferIn checks them (reg 15: the
 * plan made, and last reviewed, on or before the transfer): TRANSFER_DATES_INVALID naming the change.
 * The facts after it are decided again against it like any others (`requireValidHistory`).
 */
function requireValidOpening(target: RecordedFact, changes: CorrectionChanges): void {
  if (target.event.type !== 'PlanTransferredIn') return;
  const { transferredOn, planMadeOn, lastReviewedOn } = correctedEvent(target.event, changes)
    .data as PlanTransferredIn['data'];
  requireTransferDates({ transferredOn, planMadeOn, lastReviewedOn }, (conflicting) => {
    const changed = conflicting.find((field) => Object.hasOwn(changes, field)) ?? conflicting[0];
    return `changes.${changed}`;
  });
}

/**
 * Refuses the correction (`changes`) or voiding (null) of `target` if the corrected history is
 * invalid; returns the corrected fact.
 */
function requireValidHistory(
  current: EhcpCase,
  target: RecordedFact,
  changes: CorrectionChanges | null,
  today: string,
  decide: Decide,
): RecordedFact {
  const corrected = { revision: target.revision, event: correctedEvent(target.event, changes ?? {}) };
  const facts = current.history.facts.flatMap((fact) =>
    fact !== target ? [fact] : changes === null ? [] : [corrected],
  );
  const refusal = refusalOfCorrectedHistory(current.history.facts, facts, target.revision, today, decide);
  if (refusal) throw correctionRefusal(refusal, target.revision, changes);
  return corrected;
}

/** The original command's refusal, saying where the corrected history breaks. */
function correctionRefusal(
  { fact, error }: HistoryRefusal,
  target: number,
  changes: CorrectionChanges | null,
): DomainError {
  const where =
    fact.revision === target ? 'The corrected fact' : `The ${fact.event.type} at revision ${fact.revision}`;
  return new DomainError(error.code, `${where} would be refused: ${error.message}`, fieldOf(error, changes));
}

/** An invalid value names the change it came from; anything else, the fact the correction names. */
function fieldOf({ field }: DomainError, changes: CorrectionChanges | null): string {
  return changes !== null && field !== undefined && Object.hasOwn(changes, field)
    ? `changes.${field}`
    : 'revision';
}

/**
 * What the domain derives from corrected fields, recorded with them as it was at first recording (so
 * that evolve only applies changes): a QA audit's overall grade, when a section grade changed.
 */
function derivedChanges({ event }: RecordedFact, changes: CorrectionChanges): CorrectionChanges {
  const regraded = Object.keys(changes).some((field) => field.startsWith('sections.'));
  return event.type === 'QaAuditRecorded' && regraded
    ? { overallGrade: overallGradeOf(event.data.sections) }
    : {};
}
