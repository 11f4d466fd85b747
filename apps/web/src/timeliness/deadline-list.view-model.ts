import { govukDate } from '../views/govuk-date.filter';

/** A deadline as GET /deadlines lists it (API.md Deadline + caseId, team). */
export interface ListedDeadline {
  readonly caseId: string;
  readonly team: string;
  readonly kind: string;
  readonly title: string;
  readonly rule: string;
  readonly dueOn: string;
  readonly status: string;
  readonly daysRemaining: number | null;
}

export const DEADLINES_PAGE_SIZE = 25;

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due_soon: { text: 'Due soon', classes: 'govuk-tag--yellow' },
  on_track: { text: 'On track', classes: 'govuk-tag--green' },
  met: { text: 'Met', classes: 'govuk-tag--grey' },
  met_late: { text: 'Met late', classes: 'govuk-tag--orange' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

/** Days remaining in words: "3 days left", "Due today", "2 days overdue". */
export function daysText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'Due today';
  const count = Math.abs(days);
  const unit = count === 1 ? 'day' : 'days';
  return days > 0 ? `${count} ${unit} left` : `${count} ${unit} overdue`;
}

/** The filters in words, for the heading: "Overdue" deadlines "to decide whether to assess" in "north". */
export function deadlineListViewModel(
  items: readonly ListedDeadline[],
  total: number,
  query: { status?: string; team?: string; page?: string },
) {
  const page = Math.max(1, Number(query.page) || 1);
  const pages = Math.max(1, Math.ceil(total / DEADLINES_PAGE_SIZE));
  const title =
    query.status === 'overdue'
      ? 'Overdue deadlines'
      : query.status === 'due_soon'
        ? 'Deadlines due soon'
        : 'Open deadlines';
  return {
    title,
    total,
    kindTitle: items[0]?.title,
    rows: items.map((item) => ({
      caseId: item.caseId,
      caseRef: item.caseId.slice(0, 8),
      title: item.title,
      rule: item.rule,
      team: item.team,
      due: govukDate(item.dueOn),
      days: daysText(item.daysRemaining),
      tag: STATUS_TAGS[item.status] ?? { text: item.status, classes: 'govuk-tag--grey' },
    })),
    page,
    pages,
  };
}

/** govukPagination's previous / next links, keeping the filters. */
export function paginationOf(query: Record<string, string | undefined>, page: number, pages: number) {
  const href = (to: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, page: String(to) }).filter((entry): entry is [string, string] => !!entry[1]),
    );
    return `/deadlines?${params.toString()}`;
  };
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}
