import { daysText, deadlineListViewModel, paginationOf } from './deadline-list.view-model';

describe('deadline list view model', () => {
  it('says the days in words', () => {
    expect(daysText(3)).toBe('3 days left');
    expect(daysText(1)).toBe('1 day left');
    expect(daysText(0)).toBe('Due today');
    expect(daysText(-2)).toBe('2 days overdue');
  });

  it('writes each row with its due date, status tag and rule', () => {
    const model = deadlineListViewModel(
      [
        {
          caseId: '0f4b7a1c-0000-4000-8000-000000000000',
          team: 'north',
          kind: 'assessment_decision',
          title: 'Decide whether to assess',
          rule: 'SEND Regs 2014 reg 5(1)',
          dueOn: '2025-01-06',
          status: 'overdue',
          daysRemaining: -4,
        },
      ],
      26,
      { status: 'overdue' },
    );
    expect(model.title).toBe('Overdue deadlines');
    expect(model.pages).toBe(2);
    expect(model.rows[0]).toMatchObject({
      caseRef: '0f4b7a1c',
      due: '6 January 2025',
      days: '4 days overdue',
      tag: { text: 'Overdue', classes: 'govuk-tag--red' },
    });
  });

  it('pages keeping the filters', () => {
    expect(paginationOf({ status: 'overdue', team: 'north' }, 1, 2)).toEqual({
      previous: undefined,
      next: { href: '/deadlines?status=overdue&team=north&page=2' },
    });
  });
});
