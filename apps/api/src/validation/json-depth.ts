import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How deep a request body may nest. Commands nest two levels (a QA audit's sections); the bound
 * only has to be far below what recursive code downstream (class-transformer, class-validator, the
 * request fingerprint) survives: a 5,000-deep object used to end in a stack overflow and a 500.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether the raw JSON nests deeper than `max`, counted over the bytes before any parsing (UTF-8
 * never puts an ASCII byte inside a multi-byte character, so brackets and quotes are safe to spot).
 * Brackets inside strings do not count. Malformed JSON is left for the parser to refuse.
 */
export function jsonDepthExceeds(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const byte of json) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte) && ++depth > max) return true;
    else if (CLOSE.has(byte)) depth--;
  }
  return false;
}

/** Thrown by the body parser's `verify` hook; bodyErrorsMiddleware turns it into a 400. */
export class JsonTooDeep extends Error {
  /** body-parser keeps an error's `type`: the middleware switches on it. */
  readonly type = 'entity.too.deep';

  constructor() {
    super(`The request body nests more than ${MAX_JSON_DEPTH} levels deep.`);
    this.name = 'JsonTooDeep';
  }
}

/** body-parser `verify` hook: runs on the raw bytes, before JSON.parse sees them. */
export function refuseDeepJson(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) throw new JsonTooDeep();
}
