// Text that a person can type and every store can keep. Refused: C0 control characters other than
// tab, line feed and carriage return, DEL, C1 control characters (PostgreSQL cannot store NUL at
// all; the others are invisible, or terminal escapes waiting for a log viewer), and UTF-16
// surrogates without their pair (no UTF-8 encoding exists for them, so PostgreSQL refuses them
// and a projector would fail on the event for ever). No `u` flag: the scan is over code units.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as typed (never quoting it: it may be personal data), or null. */
export function plainTextProblem(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `must not contain control characters (U+${codeOf(control[0])})`;
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

function codeOf(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

export interface TextFault {
  /** Dotted path of the string (`child.firstName`, `actions.0`); a bad key reports its parent. */
  readonly field: string;
  readonly problem: string;
}

/** The first string (value or key) in `value` that plainTextProblem refuses, depth first. */
export function firstTextFault(value: unknown, field = ''): TextFault | null {
  if (typeof value === 'string') {
    const problem = plainTextProblem(value);
    return problem === null ? null : { field, problem };
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = plainTextProblem(key);
    if (keyProblem !== null) return { field, problem: `has a field name that ${keyProblem}` };
    const fault = firstTextFault(child, field === '' ? key : `${field}.${key}`);
    if (fault !== null) return fault;
  }
  return null;
}
