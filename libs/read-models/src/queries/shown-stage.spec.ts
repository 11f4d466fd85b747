import { shownStageOf } from './shown-stage';

// DOMAIN.md "Cessation": a decision to cease dated 2026-01-10 with no appeal ceases the plan on
// 2026-03-11; from the decision the case is `ceasing`, evaluated on or after that day it has ceased.
describe('shownStageOf', () => {
  it('shows a ceasing plan as ceasing before the day it ceases and ceased from that day', () => {
    expect(shownStageOf('ceasing', '2026-03-11', '2026-03-10')).toBe('ceasing');
    expect(shownStageOf('ceasing', '2026-03-11', '2026-03-11')).toBe('ceased');
    expect(shownStageOf('ceasing', '2026-03-11', '2026-06-01')).toBe('ceased');
  });

  it('keeps ceasing while an appeal against the cessation leaves the day unknown, and any other stage as stored', () => {
    expect(shownStageOf('ceasing', null, '2027-01-01')).toBe('ceasing');
    expect(shownStageOf('plan_maintained', '2026-03-11', '2026-06-01')).toBe('plan_maintained');
  });
});
