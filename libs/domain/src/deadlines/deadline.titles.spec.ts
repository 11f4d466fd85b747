import { DEADLINE_TITLES } from './deadline.titles';
import { DEADLINE_KINDS } from './deadline.types';

// Work tray, deadline lists and alert e-mails name each deadline in plain words (issue 15, item 6).
describe('DEADLINE_TITLES', () => {
  it('gives every deadline kind its own short title in plain words, no kind codes', () => {
    const titles = DEADLINE_KINDS.map((kind) => DEADLINE_TITLES[kind]);
    expect(new Set(titles).size).toBe(DEADLINE_KINDS.length);
    for (const title of titles) {
      expect(title).toMatch(/^[A-Z][A-Za-z ,:'-]+$/);
      expect(title.length).toBeLessThanOrEqual(80);
    }
  });

  it('names the second edition kinds as the council would say them', () => {
    expect(DEADLINE_TITLES.decision_to_assess).toBe('Decide whether to assess');
    expect(DEADLINE_TITLES.transfer_notice).toBe('Tell the family what happens after the plan moved here');
    expect(DEADLINE_TITLES.reassessment_decision).toBe('Decide whether to re-assess');
    expect(DEADLINE_TITLES.reassessment_plan).toBe('Finish the re-assessment');
    expect(DEADLINE_TITLES.order_assessment_notice).toBe(
      'Tribunal order: tell the family the council will assess',
    );
  });
});
