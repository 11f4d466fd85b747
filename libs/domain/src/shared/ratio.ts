/**
 * numerator / denominator rounded to one decimal, halves up, in exact integer arithmetic (floating
 * point would turn 58.75 into 58.7). Null when the denominator is 0: no figure, rather than a
 * misleading 0.
 */
export function oneDecimal(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((20 * numerator + denominator) / (2 * denominator)) / 10;
}

/** A percentage to one decimal (see oneDecimal). */
export function percentage(part: number, whole: number): number | null {
  return oneDecimal(100 * part, whole);
}
