import type { CorrectionChanges, FactEvent } from '../ehcp-case/ehcp-case.events';
import { refuse, requirePastDate } from '../ehcp-case/ehcp-case.guards';
import type { CaseHistory, RecordedFact } from '../ehcp-case/ehcp-case.state';
import { CORRECTABLE_FIELDS, type CorrectableField } from './correctable-facts';

/** Every correction says why (DOMAIN.md): the reason is kept with it in the history. */
export function requireReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '')
    refuse(['CORRECTION_REASON_REQUIRED', 'A correction needs a reason', 'reason']);
  return reason;
}

/**
 * The fact a correction names by its stream revision: it must exist (404) and be a standing fact
 * (409): not voided, not itself a correction (correct the fact again instead).
 */
export function requireTarget(history: CaseHistory, revision: number): RecordedFact {
  if (!Number.isInteger(revision) || revision < 0 || revision > history.revision)
    refuse(['CORRECTION_TARGET_NOT_FOUND', `No event at revision ${revision} on this case`]);
  const fact = history.facts.find((f) => f.revision === revision);
  if (fact) return fact;
  if (history.voidedRevisions.includes(revision))
    refuse(['CORRECTION_NOT_ALLOWED', `The fact at revision ${revision} was voided`]);
  return refuse([
    'CORRECTION_NOT_ALLOWED',
    `Revision ${revision} is a correction: correct the fact it names, or the child's details, again`,
  ]);
}

/** The changes of a `correct`: at least one, each a correctable field of the fact with a valid value. */
export function requireChanges(type: FactEvent['type'], changes: unknown, today: string): CorrectionChanges {
  if (!isChangeSet(changes) || Object.keys(changes).length === 0)
    refuse(['CORRECTION_CHANGES_INVALID', 'A correction changes at least one field', 'changes']);
  const correctable = CORRECTABLE_FIELDS[type];
  const valid: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(changes)) {
    const field = `changes.${name}`;
    if (!Object.hasOwn(correctable, name)) {
      const names = Object.keys(correctable);
      refuse([
        'CORRECTION_FIELD_NOT_CORRECTABLE',
        names.length === 0
          ? `Nothing of ${type} can be corrected`
          : `${name} of ${type} cannot be corrected (only ${names.join(', ')})`,
        field,
      ]);
    }
    valid[name] = requireValue(correctable[name], value, field, today);
  }
  return valid;
}

/** A void removes the fact whole: it takes no changes. */
export function requireNoChanges(changes: unknown): void {
  if (changes === undefined || changes === null) return;
  if (!isChangeSet(changes) || Object.keys(changes).length > 0)
    refuse(['CORRECTION_CHANGES_INVALID', 'A void takes no changes', 'changes']);
}

function isChangeSet(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireValue(
  kind: CorrectableField,
  value: unknown,
  field: string,
  today: string,
): string | number | null {
  switch (kind) {
    case 'date':
      return requirePastDate(value, field, today);
    case 'optional_date':
      return value === null ? null : requirePastDate(value, field, today);
    case 'year':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      return refuse(['CORRECTION_VALUE_INVALID', `${field} must be a whole year`, field]);
    default:
      if (typeof value === 'string' && kind.includes(value)) return value;
      return refuse(['CORRECTION_VALUE_INVALID', `${field} must be one of: ${kind.join(', ')}`, field]);
  }
}
