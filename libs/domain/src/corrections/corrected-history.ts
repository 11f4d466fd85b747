import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { evolveFact, replayFacts } from '../ehcp-case/ehcp-case.evolve';
import type { EhcpCaseState, RecordedFact } from '../ehcp-case/ehcp-case.state';
import { DomainError, isDomainError } from '../shared/domain-error';
import { commandOf } from './fact-commands';

/** The case's `decide`, handed in (it dispatches to the correction deciders too). */
export type Decide = (command: EhcpCaseCommand, state: EhcpCaseState) => readonly EhcpCaseEvent[];

/** Where a refused corrected history went wrong, for the correction's own error. */
export interface HistoryRefusal {
  readonly fact: RecordedFact;
  readonly error: DomainError;
}

/**
 * (2nd ed.) A correction that would make the history invalid is refused with the code the original
 * command would have got: from the corrected fact on, every fact is decided again, in stream order,
 * by the command that recorded it, against the corrected case (the facts before it are untouched).
 * A fact that today's rules refuse in the uncorrected history too (recorded under older rules) is
 * not the correction's doing and does not stop it. Returns the first refusal, or null.
 */
export function refusalOfCorrectedHistory(
  original: readonly RecordedFact[],
  corrected: readonly RecordedFact[],
  target: number,
  today: string,
  decide: Decide,
): HistoryRefusal | null {
  const from = original.findIndex((fact) => fact.revision === target);
  const before = replayFacts(original.slice(0, from));
  const tolerated = new Map<number, string>();
  walk(original.slice(from), before, today, decide, ({ fact, error }) => {
    tolerated.set(fact.revision, error.code);
    return false;
  });
  return walk(
    corrected.slice(from),
    before,
    today,
    decide,
    ({ fact, error }) => tolerated.get(fact.revision) !== error.code,
  );
}

/** Decides each fact again and folds it, until `stops` says a refusal is the answer. */
function walk(
  facts: readonly RecordedFact[],
  from: EhcpCaseState,
  today: string,
  decide: Decide,
  stops: (refusal: HistoryRefusal) => boolean,
): HistoryRefusal | null {
  let state = from;
  for (const fact of facts) {
    const error = refusalOf(fact, state, today, decide);
    if (error && stops({ fact, error })) return { fact, error };
    // The uncorrected history always folds (it was folded when recorded); the corrected one goes on
    // only past a refusal the uncorrected history has too, where an InvalidEventError would be a
    // real inconsistency, left to reach the caller as such.
    state = evolveFact(state, fact.event);
  }
  return null;
}

function refusalOf(
  fact: RecordedFact,
  state: EhcpCaseState,
  today: string,
  decide: Decide,
): DomainError | null {
  const command = commandOf(fact.event, today);
  if (command === null) return null;
  try {
    decide(command, state);
    return null;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
}
