import { createHash } from 'node:crypto';
import type { DemoStep } from './case-story';

/**
 * The Idempotency-Key of a case's step: the same step of the same caseload has the same key in every
 * run, so a re-run (after a crash, or to finish cases left half-loaded) appends nothing twice. The
 * step's content is part of it: a caseload generated on another day dates its steps differently, and
 * must not be refused as a reuse of the key with another body (IDEMPOTENCY_KEY_REUSED).
 */
export function stepIdempotencyKey(caseId: string, index: number, step: DemoStep): string {
  const content = createHash('sha256')
    .update(`${step.path}\n${JSON.stringify(step.body)}\n${step.asQaOfficer ? 'qa' : ''}`)
    .digest('base64url')
    .slice(0, 22);
  return `demo-${caseId}-${index}-${content}`;
}
