/** The projector follows streams with this prefix: never change it. */
export const CASE_STREAM_PREFIX = 'ehcp-case-';

/** The event stream of one case. */
export function caseStreamOf(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}
