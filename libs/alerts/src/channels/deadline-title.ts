import { DEADLINE_KINDS, DEADLINE_TITLES, type DeadlineKind } from '@ehcp/domain';

/**
 * (2nd ed.) A deadline kind in plain words (DEADLINE_TITLES) for an e-mail. A notification stores its
 * deadline as raised, so a kind no longer known (a rule since removed) is shown as its code.
 */
export function deadlineTitleOf(kind: string): string {
  return (DEADLINE_KINDS as readonly string[]).includes(kind) ? DEADLINE_TITLES[kind as DeadlineKind] : kind;
}
