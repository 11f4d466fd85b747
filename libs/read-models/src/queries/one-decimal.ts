/**
 * DOMAIN.md's rounding for figures aggregated in SQL: numerator / denominator to one decimal, halves
 * up, in exact integer arithmetic; null when the denominator is 0. The same arithmetic as the domain's
 * sen2Of and qaSummaryOf, which the query tests hold these figures equal to.
 */
export function oneDecimal(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((20 * numerator + denominator) / (2 * denominator)) / 10;
}

export function percentage(part: number, whole: number): number | null {
  return oneDecimal(100 * part, whole);
}
