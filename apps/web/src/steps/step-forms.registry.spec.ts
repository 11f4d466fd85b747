import { CASE_STAGES } from '@ehcp/domain';
import { nextStepsOf, recordedBannerOf } from './next-steps.view-model';
import { STEP_FORMS, stepFormsForStage } from './step-forms.registry';

describe('the step forms registry', () => {
  it('has one form per key, each posting a case command with its ref fields in the path or body', () => {
    expect(new Set(STEP_FORMS.map((form) => form.key)).size).toBe(STEP_FORMS.length);
    for (const form of STEP_FORMS) {
      expect(form.command).toMatch(/^\/cases\/\{caseId\}\//);
      const params = [...form.command.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'caseId');
      for (const param of params)
        expect(form.fields.some((f) => f.name === param && f.type === 'ref')).toBe(true);
      for (const stage of form.stages) expect(CASE_STAGES).toContain(stage);
    }
  });

  it('offers the steps valid for a stage', () => {
    const keys = (stage: string) => stepFormsForStage(stage).map((form) => form.key);
    expect(keys('requested')).toContain('assessment-decision');
    expect(keys('assessing')).toEqual(
      expect.arrayContaining(['advice-request', 'advice-received', 'plan-decision']),
    );
    expect(keys('draft_issued')).toEqual(expect.arrayContaining(['representations', 'final-plan']));
    expect(keys('plan_maintained')).toEqual(
      expect.arrayContaining([
        'review-meeting',
        'review-decision',
        'amendment-notice',
        'phase-transfer',
        'reassessment-request',
        'appeal',
        'cessation-decision',
      ]),
    );
    expect(keys('plan_maintained')).not.toContain('final-plan');
    expect(keys('closed')).toEqual([]);
  });

  it('links the next steps and names the banner after one', () => {
    expect(nextStepsOf('c 1', 'requested')[0]).toEqual({
      href: '/cases/c%201/steps/assessment-decision',
      text: 'Decide whether to assess',
    });
    expect(recordedBannerOf('final-plan')).toBe('Final plan recorded');
    expect(recordedBannerOf('correct')).toBe('Correction saved');
    expect(recordedBannerOf('nonsense')).toBeNull();
    expect(recordedBannerOf(undefined)).toBeNull();
  });
});
