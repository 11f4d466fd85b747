import { namePartsOf, type SearchHasher } from './search-tokens';

/** What a search box's text is matched as: any one of these finds a case. */
export interface SearchTerms {
  /** Matched against the reference, case-insensitively, exactly or as its beginning. */
  readonly reference: string;
  /** The text read as a date of birth (YYYY-MM-DD or D/M/YYYY), else null. */
  readonly dateOfBirth: string | null;
  /** Hashed name parts: a case matches when it holds every one. Empty: not a name search. */
  readonly nameTokens: readonly string[];
}

/** Reads the search box's text: a reference, a date of birth, and name words (hashed, never kept in clear). */
export function searchTermsOf(q: string, hash: SearchHasher): SearchTerms {
  const text = q.trim();
  return {
    reference: text,
    dateOfBirth: dateOfBirthOf(text),
    nameTokens: [...new Set(namePartsOf(text))].map(hash),
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const BRITISH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `2016-04-12` or `12/4/2016` (day first, as in the UK) as an ISO date, when it is a real day. */
export function dateOfBirthOf(text: string): string | null {
  const iso = ISO.exec(text);
  const british = BRITISH.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : british ? [british[3], british[2], british[1]] : null;
  if (parts === null) return null;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}` : null;
}
