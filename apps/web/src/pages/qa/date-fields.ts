/** A GOV.UK date input's three boxes (`<name>-day`, `-month`, `-year`) as the form posts them. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function datePartsOf(body: Record<string, unknown>, name: string): DateParts {
  const part = (suffix: string) => {
    const value = body[`${name}-${suffix}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: part('day'), month: part('month'), year: part('year') };
}

export function isBlank(parts: DateParts): boolean {
  return !parts.day && !parts.month && !parts.year;
}

/** `YYYY-MM-DD` of a real calendar date, or null (31 February, a two-digit year, letters). */
export function isoDateOf(parts: DateParts): string | null {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return null;
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date back into the three boxes, to show a period the page chose. */
export function partsOfIso(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
