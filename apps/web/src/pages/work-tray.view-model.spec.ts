import type { WorkTrayItemJson } from './case-api.types';
import {
  pageNumbersShown,
  searchErrorsOf,
  selectedFiltersOf,
  showingWords,
  trayApiQueryOf,
  trayFiltersOf,
  trayHref,
  trayPaginationOf,
  trayRowOf,
  workTrayViewModel,
} from './work-tray.view-model';

const item = (overrides: Partial<WorkTrayItemJson> = {}): WorkTrayItemJson => ({
  caseId: 'c1',
  reference: 'EHC-1',
  team: 'north',
  stage: 'assessing',
  nextDeadline: {
    id: 'plan_decision',
    kind: 'plan_decision',
    title: 'Decide whether to issue a plan',
    dueOn: '2025-01-06',
    metOn: null,
    status: 'overdue',
    daysRemaining: -3,
    exceptionApplies: false,
    rule: 'reg 13(2)',
  },
  ...overrides,
});

describe('work tray view model', () => {
  it('tidies the query: trims, drops an unknown stage and a bad page', () => {
    expect(trayFiltersOf({ stage: 'drafting', caseworker: ' cw-1 ', q: ' ', page: '2' })).toEqual({
      stage: 'drafting',
      caseworker: 'cw-1',
      q: undefined,
      page: 2,
    });
    expect(trayFiltersOf({ stage: 'nonsense', page: '-1' })).toEqual({
      stage: undefined,
      caseworker: undefined,
      q: undefined,
      page: 1,
    });
    expect(trayFiltersOf({ page: 'abc' }).page).toBe(1);
    expect(trayFiltersOf({ page: ['1', '2'] }).page).toBe(1);
  });

  it('refuses a search longer than the api takes, on the search box', () => {
    expect(searchErrorsOf({ q: 'x'.repeat(101), page: 1 })).toEqual([
      { field: 'q', message: 'Search for 100 characters or fewer' },
    ]);
    expect(searchErrorsOf({ q: 'x'.repeat(100), page: 1 })).toEqual([]);
  });

  it('asks the api for 20 cases a page, the caseworker filter as caseworkerId', () => {
    expect(trayApiQueryOf({ stage: 'drafting', caseworker: 'cw-1', q: 'khan', page: 3 })).toEqual({
      stage: 'drafting',
      caseworkerId: 'cw-1',
      q: 'khan',
      page: 3,
      pageSize: 20,
    });
  });

  it('links to the tray with filters changed, page 1 left out', () => {
    const filters = { stage: 'drafting', caseworker: 'cw 1', q: "O'Neill", page: 2 };
    expect(trayHref(filters)).toBe('/cases?q=O%27Neill&stage=drafting&caseworker=cw+1');
    expect(trayHref(filters, { page: 3 })).toBe('/cases?q=O%27Neill&stage=drafting&caseworker=cw+1&page=3');
    expect(trayHref({ page: 1 }, { page: 1 })).toBe('/cases');
    expect(trayHref(filters, { stage: undefined, caseworker: undefined, q: undefined })).toBe('/cases');
  });

  it('makes a row: stage and deadline in words, its tag; the child only for a search', () => {
    expect(trayRowOf(item(), false)).toEqual({
      caseId: 'c1',
      reference: 'EHC-1',
      stage: 'Assessing needs',
      deadlineTitle: 'Decide whether to issue a plan',
      dueOn: '2025-01-06',
      daysRemaining: '3 days overdue',
      tag: { text: 'Overdue', classes: 'govuk-tag--red' },
    });
    const child = { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' };
    expect(trayRowOf(item({ child }), false)).not.toHaveProperty('childName');
    expect(trayRowOf(item({ child }), true)).toMatchObject({
      childName: 'Amelia Khan',
      childDateOfBirth: '2016-04-12',
    });
    expect(trayRowOf(item({ child: null }), true).childName).toBe('Personal data erased');
    expect(trayRowOf(item({ nextDeadline: null, reference: null }), false)).toMatchObject({
      reference: 'No reference',
      deadlineTitle: 'Nothing open',
      dueOn: null,
      tag: null,
    });
  });

  it('shows the first, last and neighbouring page numbers, gaps as ellipses', () => {
    expect(pageNumbersShown(1, 1)).toEqual([1]);
    expect(pageNumbersShown(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbersShown(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbersShown(10, 10)).toEqual([1, null, 9, 10]);
  });

  it('paginates only beyond one page, with previous and next', () => {
    expect(trayPaginationOf({ page: 1 }, 20)).toBeNull();
    expect(trayPaginationOf({ page: 1 }, 21)).toEqual({
      next: { href: '/cases?page=2' },
      items: [
        { number: '1', href: '/cases', current: true },
        { number: '2', href: '/cases?page=2', current: false },
      ],
    });
    const second = trayPaginationOf({ stage: 'drafting', page: 2 }, 45);
    expect(second?.previous).toEqual({ href: '/cases?stage=drafting' });
    expect(second?.next).toEqual({ href: '/cases?stage=drafting&page=3' });
  });

  it('lists the selected filters, each removable, with a clear link keeping the search', () => {
    expect(selectedFiltersOf({ page: 1, q: 'khan' })).toBeNull();
    expect(selectedFiltersOf({ stage: 'drafting', caseworker: 'cw-1', q: 'khan', page: 2 })).toEqual({
      heading: { text: 'Selected filters' },
      clearLink: { text: 'Clear filters', href: '/cases?q=khan' },
      categories: [
        {
          heading: { text: 'Stage' },
          items: [{ text: 'Drafting the plan', href: '/cases?q=khan&caseworker=cw-1' }],
        },
        { heading: { text: 'Caseworker' }, items: [{ text: 'cw-1', href: '/cases?q=khan&stage=drafting' }] },
      ],
    });
  });

  it('says which cases are shown', () => {
    expect(showingWords({ page: 2 }, 5, 25)).toBe('Showing 21 to 25 of 25 cases');
    expect(showingWords({ page: 1 }, 1, 1)).toBe('Showing 1 to 1 of 1 case');
    expect(showingWords({ page: 1 }, 0, 0)).toBe('');
  });

  it('puts it together: stage options with the chosen one selected, "my cases" link', () => {
    const model = workTrayViewModel({ items: [item()], total: 1 }, { stage: 'assessing', page: 1 }, 'cw-1');
    expect(model.isSearch).toBe(false);
    expect(model.rows).toHaveLength(1);
    expect(model.stageItems[0]).toEqual({ value: '', text: 'Any stage', selected: false });
    expect(model.stageItems.find((option) => option.selected)?.value).toBe('assessing');
    expect(model.myCasesHref).toBe('/cases?stage=assessing&caseworker=cw-1');
    expect(model.pagination).toBeNull();
  });
});
