import type { ChildJson, WorkTrayItemJson, WorkTrayJson } from './case-api.types';
import { daysRemainingWords, stageWords, STAGES, statusTag, type StatusTag } from './case-words.view-model';

export const TRAY_PAGE_SIZE = 20;
/** The api refuses a longer search (API.md: `q` is 1-100 characters). */
const MAX_SEARCH_LENGTH = 100;

/** What the work tray's GET forms ask for: filters, a search, a page. */
export interface TrayFilters {
  readonly stage?: string;
  readonly caseworker?: string;
  readonly q?: string;
  readonly page: number;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The query string's fields, tidied: an unknown stage or a bad page is dropped, not an error page. */
export function trayFiltersOf(query: Record<string, unknown>): TrayFilters {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const stage = text(query.stage);
  const page = Number(text(query.page) ?? 1);
  return {
    stage: stage && (STAGES as readonly string[]).includes(stage) ? stage : undefined,
    caseworker: text(query.caseworker),
    q: text(query.q),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** A search the api would refuse, as the search box's error (so the page answers it, not the api). */
export function searchErrorsOf(filters: TrayFilters): FieldError[] {
  return filters.q && filters.q.length > MAX_SEARCH_LENGTH
    ? [{ field: 'q', message: `Search for ${MAX_SEARCH_LENGTH} characters or fewer` }]
    : [];
}

/** GET /cases's query for these filters. */
export function trayApiQueryOf(filters: TrayFilters): Record<string, string | number | undefined> {
  return {
    stage: filters.stage,
    caseworkerId: filters.caseworker,
    q: filters.q,
    page: filters.page,
    pageSize: TRAY_PAGE_SIZE,
  };
}

/** `/cases?...` for these filters with some changed (undefined removes one). */
export function trayHref(
  filters: TrayFilters,
  change: Partial<Record<keyof TrayFilters, string | number | undefined>> = {},
): string {
  const merged: Record<string, string | number | undefined> = { ...filters, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const key of ['q', 'stage', 'caseworker', 'page'] as const) {
    const value = merged[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

export interface TrayRow {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: string;
  readonly deadlineTitle: string;
  readonly dueOn: string | null;
  readonly daysRemaining: string;
  readonly tag: StatusTag | null;
  /** Only for a search's results: the child's name and date of birth. */
  readonly childName?: string;
  readonly childDateOfBirth?: string | null;
}

function childNameOf(child: ChildJson | null | undefined): string {
  return child ? `${child.firstName} ${child.lastName}` : 'Personal data erased';
}

export function trayRowOf(item: WorkTrayItemJson, isSearch: boolean): TrayRow {
  const deadline = item.nextDeadline;
  return {
    caseId: item.caseId,
    reference: item.reference ?? 'No reference',
    stage: stageWords(item.stage),
    deadlineTitle: deadline ? deadline.title : 'Nothing open',
    dueOn: deadline?.dueOn ?? null,
    daysRemaining: deadline ? daysRemainingWords(deadline.daysRemaining) : '',
    tag: deadline ? statusTag(deadline.status) : null,
    ...(isSearch
      ? { childName: childNameOf(item.child), childDateOfBirth: item.child?.dateOfBirth ?? null }
      : {}),
  };
}

type PaginationItem = { number: string; href: string; current: boolean } | { ellipsis: true };

export interface TrayPagination {
  readonly previous?: { href: string };
  readonly next?: { href: string };
  readonly items: PaginationItem[];
}

/** The page numbers GOV.UK pagination shows: first, last, the current one and its neighbours. */
export function pageNumbersShown(current: number, last: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= last; n += 1) {
    if (n === 1 || n === last || Math.abs(n - current) <= 1) shown.push(n);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/** govukPagination's parameters, or null when everything fits one page. */
export function trayPaginationOf(filters: TrayFilters, total: number): TrayPagination | null {
  const last = Math.ceil(total / TRAY_PAGE_SIZE);
  if (last <= 1) return null;
  const current = Math.min(filters.page, last);
  return {
    ...(current > 1 ? { previous: { href: trayHref(filters, { page: current - 1 }) } } : {}),
    ...(current < last ? { next: { href: trayHref(filters, { page: current + 1 }) } } : {}),
    items: pageNumbersShown(current, last).map((n) =>
      n === null
        ? { ellipsis: true as const }
        : { number: String(n), href: trayHref(filters, { page: n }), current: n === current },
    ),
  };
}

export interface SelectedFilters {
  readonly heading: { text: string };
  readonly clearLink: { text: string; href: string };
  readonly categories: { heading: { text: string }; items: { text: string; href: string }[] }[];
}

/** mojFilter's "Selected filters", each a link that removes it; null when none is chosen. */
export function selectedFiltersOf(filters: TrayFilters): SelectedFilters | null {
  const categories = [
    ...(filters.stage
      ? [
          {
            heading: { text: 'Stage' },
            items: [{ text: stageWords(filters.stage), href: trayHref(filters, { stage: undefined }) }],
          },
        ]
      : []),
    ...(filters.caseworker
      ? [
          {
            heading: { text: 'Caseworker' },
            items: [{ text: filters.caseworker, href: trayHref(filters, { caseworker: undefined }) }],
          },
        ]
      : []),
  ];
  if (categories.length === 0) return null;
  return {
    heading: { text: 'Selected filters' },
    clearLink: {
      text: 'Clear filters',
      href: trayHref(filters, { stage: undefined, caseworker: undefined }),
    },
    categories,
  };
}

/** "Showing 21 to 40 of 45 cases". */
export function showingWords(filters: TrayFilters, shown: number, total: number): string {
  if (total === 0) return '';
  const first = (filters.page - 1) * TRAY_PAGE_SIZE + 1;
  const noun = total === 1 ? 'case' : 'cases';
  return shown === 0 ? `${total} ${noun}` : `Showing ${first} to ${first + shown - 1} of ${total} ${noun}`;
}

export function workTrayViewModel(tray: WorkTrayJson, filters: TrayFilters, userId: string) {
  const isSearch = filters.q !== undefined;
  return {
    filters,
    isSearch,
    rows: tray.items.map((item) => trayRowOf(item, isSearch)),
    total: tray.total,
    showing: showingWords(filters, tray.items.length, tray.total),
    pagination: trayPaginationOf(filters, tray.total),
    selectedFilters: selectedFiltersOf(filters),
    stageItems: [
      { value: '', text: 'Any stage', selected: !filters.stage },
      ...STAGES.map((stage) => ({
        value: stage,
        text: stageWords(stage),
        selected: stage === filters.stage,
      })),
    ],
    myCasesHref: trayHref(filters, { caseworker: userId }),
    clearSearchHref: trayHref(filters, { q: undefined }),
  };
}
