import { createHmac } from 'node:crypto';

/** Turns one normalised name part into its stored form: a keyed hash, never the part itself. */
export type SearchHasher = (part: string) => string;

// Straight, typographic and modifier-letter apostrophes, and the backtick people type for one.
const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/gu;
// Anything that is neither a letter, a digit nor an apostrophe separates words: spaces, hyphens
// (every dash), full stops ("St. John").
const SEPARATORS = /[^\p{L}\p{N}'\u2018\u2019\u02BC\u0060\u00B4]+/u;

/**
 * The parts a name is found by: NFKD, diacritics stripped, lower case, split on spaces, hyphens and
 * apostrophes. A word with an apostrophe also gives its joined form, so that "O'Neill-Smith" gives
 * `o`, `neill`, `oneill` and `smith`: "o'neill", "O’Neill", "ONeill" and "neill" all find it. A
 * hyphenated name is found by each part ("smith"), not by the parts run together ("oneillsmith").
 */
export function namePartsOf(name: string): string[] {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const parts = new Set<string>();
  for (const word of folded.split(SEPARATORS)) {
    const pieces = word.split(APOSTROPHES).filter((piece) => piece !== '');
    for (const piece of pieces) parts.add(piece);
    if (pieces.length > 1) parts.add(pieces.join(''));
  }
  return [...parts];
}

/** HMAC-SHA256 of a name part under the search key (base64, 32+ bytes), base64url. */
export function searchHasher(searchHashKeyBase64: string): SearchHasher {
  const key = Buffer.from(searchHashKeyBase64, 'base64');
  return (part) => createHmac('sha256', key).update(part, 'utf8').digest('base64url');
}

/** The distinct hashed tokens of a child's first and last names: what case_search_token holds. */
export function searchTokensOf(
  child: { readonly firstName: string; readonly lastName: string },
  hash: SearchHasher,
): string[] {
  const parts = new Set([...namePartsOf(child.firstName), ...namePartsOf(child.lastName)]);
  return [...parts].map(hash).sort();
}
