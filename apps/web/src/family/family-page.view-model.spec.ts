import type { FamilyStepJson, FamilyViewJson } from './family-view.types';
import {
  FAMILY_PAGE_TITLE,
  familyPageViewModel,
  familyStepOf,
  nextStepOf,
  viewsSentenceOf,
} from './family-page.view-model';

const step = (overrides: Partial<FamilyStepJson>): FamilyStepJson => ({
  id: 'decision_to_assess',
  kind: 'decision_to_assess',
  title: 'Decide whether to assess',
  ref: null,
  startsOn: '2025-01-06',
  dueOn: '2025-02-17',
  metOn: null,
  status: 'on_track',
  daysLate: null,
  exceptionApplies: false,
  ...overrides,
});

const contact = { email: 'send@council.gov.uk', phone: '01632 960000' };
const help = {
  sendiass: { name: 'Northshire SENDIASS', url: 'https://sendiass.example' },
  ipsea: { name: 'IPSEA', url: 'https://www.ipsea.org.uk' },
};

describe('the family page (issue 17: where things are, in plain words)', () => {
  describe('a step', () => {
    it('given a step done on time, says it was done and when, and what the law says (reg 5(1))', () => {
      const view = familyStepOf(step({ metOn: '2025-02-10', status: 'met' }));
      expect(view).toEqual({
        heading: 'The council decided whether to assess your child',
        tag: { text: 'Done', classes: 'govuk-tag--green' },
        when: 'Done on 10 February 2025.',
        law: 'The council must tell you whether it will assess your child within 6 weeks of your request.',
        late: null,
        exception: null,
      });
    });

    it('given a step done 12 days late, says so plainly', () => {
      const view = familyStepOf(step({ metOn: '2025-03-01', status: 'met_late', daysLate: 12 }));
      expect(view.tag.text).toBe('Done late');
      expect(view.late).toBe('This was 12 days late.');
    });

    it('given an open step past its date, says it is late by how many days (1 day, not 1 days)', () => {
      const view = familyStepOf(step({ status: 'overdue', daysLate: 1 }));
      expect(view.heading).toBe('The council decides whether to assess your child');
      expect(view.when).toBe('Due by 17 February 2025.');
      expect(view.tag).toEqual({ text: 'Late', classes: 'govuk-tag--red' });
      expect(view.late).toBe('This is 1 day late.');
    });

    it('given a late step with an exception in the law (reg 5(4)), says the law allows more time', () => {
      const view = familyStepOf(
        step({ metOn: '2025-03-01', status: 'met', daysLate: 12, exceptionApplies: true }),
      );
      expect(view.late).toBe('This was 12 days after the usual time limit.');
      expect(view.exception).toMatch(/more time/);
      expect(view.tag.text).toBe('Done');
      expect(familyStepOf(step({ status: 'overdue', daysLate: 3, exceptionApplies: true })).tag.text).toBe(
        'More time allowed',
      );
    });

    it('given a kind the page has no words for yet, uses the api’s title', () => {
      const view = familyStepOf(step({ kind: 'something_new', title: 'Something new' }));
      expect(view.heading).toBe('Something new');
      expect(view.law).toBe('');
    });
  });

  describe('what happens next', () => {
    it('is the open step due first', () => {
      const next = nextStepOf([
        step({ metOn: '2025-02-10', status: 'met' }),
        step({ id: 'final_plan', kind: 'final_plan', dueOn: '2025-05-26' }),
        step({ id: 'advice-a1', kind: 'advice', dueOn: '2025-03-31' }),
      ]);
      expect(next).toEqual({
        heading: 'An expert sends the council their advice about your child',
        when: 'This should happen by 31 March 2025.',
        late: null,
      });
    });

    it('says when a late next step should have happened', () => {
      expect(nextStepOf([step({ status: 'overdue', daysLate: 5 })])).toEqual({
        heading: 'The council decides whether to assess your child',
        when: 'This should have happened by 17 February 2025.',
        late: 'This is 5 days late.',
      });
    });

    it('is nothing when every step is done', () => {
      expect(nextStepOf([step({ metOn: '2025-02-10', status: 'met' })])).toBeNull();
    });
  });

  it('says when and how the child’s views were gathered (CFA 2014 s19), not what they said', () => {
    expect(
      viewsSentenceOf({ gatheredOn: '2025-01-20', method: 'meeting', stage: 'assessment', summary: 'x' }),
    ).toBe('On 20 January 2025, your child shared their views at a meeting, for the assessment.');
  });

  it('gives the page: title, dates written out, steps, views, contact and help; no summary', () => {
    const view: FamilyViewJson = {
      reference: 'EHC-2025-0001',
      childFirstName: 'Amara',
      team: { code: 'north', name: 'North team' },
      stage: 'assessing',
      asOf: '2025-03-03',
      expiresOn: '2025-06-01',
      steps: [step({ metOn: '2025-03-01', status: 'met_late', daysLate: 12 })],
      views: [
        { gatheredOn: '2025-02-20', method: 'advocate', stage: 'assessment', summary: 'I like maths' },
        { gatheredOn: '2025-01-20', method: 'questionnaire', stage: 'assessment', summary: null },
      ],
    };
    const page = familyPageViewModel(view, contact, help);
    expect(page).toMatchObject({
      pageTitle: FAMILY_PAGE_TITLE,
      childFirstName: 'Amara',
      reference: 'EHC-2025-0001',
      asOf: '3 March 2025',
      expiresOn: '1 June 2025',
      next: null,
      teamName: 'North team',
      contact,
      help,
    });
    expect(page.steps).toHaveLength(1);
    expect(page.views[0]).toMatch(/^On 20 January 2025/);
    expect(JSON.stringify(page)).not.toContain('I like maths');
  });
});
