import {
  appealSubjectWords,
  daysRemainingWords,
  eventWords,
  stageWords,
  STAGES,
  statusTag,
  valueWords,
} from './case-words.view-model';

describe('case words', () => {
  it('names every stage in plain words, and an unknown one by its code', () => {
    expect(stageWords('draft_issued')).toBe('Draft plan issued');
    expect(stageWords('plan_maintained')).toBe('Plan maintained');
    expect(stageWords('some_new_stage')).toBe('Some new stage');
    expect(STAGES).toContain('requested');
  });

  it('tags overdue red, due soon yellow, on track green', () => {
    expect(statusTag('overdue')).toEqual({ text: 'Overdue', classes: 'govuk-tag--red' });
    expect(statusTag('due_soon')).toEqual({ text: 'Due soon', classes: 'govuk-tag--yellow' });
    expect(statusTag('on_track')).toEqual({ text: 'On track', classes: 'govuk-tag--green' });
    expect(statusTag('met_late').text).toBe('Met late');
    expect(statusTag('later_status')).toEqual({ text: 'Later status', classes: 'govuk-tag--grey' });
  });

  it('says days remaining in words', () => {
    expect(daysRemainingWords(5)).toBe('5 days left');
    expect(daysRemainingWords(1)).toBe('1 day left');
    expect(daysRemainingWords(0)).toBe('Due today');
    expect(daysRemainingWords(-1)).toBe('1 day overdue');
    expect(daysRemainingWords(-12)).toBe('12 days overdue');
    expect(daysRemainingWords(null)).toBe('');
  });

  it('names events in plain words, an unknown one from its type', () => {
    expect(eventWords('RequestReceived')).toBe('Request for assessment received');
    expect(eventWords('FinalPlanIssued')).toBe('Final plan issued');
    expect(eventWords('SomethingNewHappened')).toBe('Something new happened');
  });

  it('says what an appeal is against, and a choice in words', () => {
    expect(appealSubjectWords('refusal_to_assess')).toBe('the refusal to assess');
    expect(appealSubjectWords('new_subject')).toBe('new subject');
    expect(valueWords('not_issue')).toBe('Not issue');
    expect(valueWords(true)).toBe('Yes');
  });
});
