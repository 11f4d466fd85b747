import { ApiError } from '../../api/api-errors';
import { auditCommandFrom, auditFormView, auditRefusalErrors } from './qa-audit-form.view-model';

const GRADED = {
  'sections.A': 'good',
  'sections.B': 'good',
  'sections.C': 'not_applicable',
  'sections.D': 'not_applicable',
  'sections.E': 'requires_improvement',
  'sections.F': 'good',
  'sections.G': 'not_applicable',
  'sections.H1': 'not_applicable',
  'sections.H2': 'not_applicable',
  'sections.I': 'not_applicable',
  'sections.J': 'not_applicable',
  'sections.K': 'outstanding',
};

describe('auditCommandFrom', () => {
  it('makes the api command of a complete form, the date from its three boxes', () => {
    const result = auditCommandFrom({
      planVersion: 'draft',
      'auditedOn-day': '2',
      'auditedOn-month': '6',
      'auditedOn-year': '2025',
      auditorRole: 'qa_officer',
      ...GRADED,
      actions: '  Make outcomes in section E measurable. ',
      _csrf: 'x',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        planVersion: 'draft',
        auditedOn: '2025-06-02',
        auditorRole: 'qa_officer',
        sections: expect.objectContaining({ A: 'good', E: 'requires_improvement', I: 'not_applicable' }),
        actions: 'Make outcomes in section E measurable.',
      },
    });
  });

  it('leaves out empty actions', () => {
    const result = auditCommandFrom({
      planVersion: 'final',
      'auditedOn-day': '2',
      'auditedOn-month': '6',
      'auditedOn-year': '2025',
      auditorRole: 'health',
      ...GRADED,
      'sections.I': 'good',
      actions: ' ',
    });
    expect(result.ok && result.value).not.toHaveProperty('actions');
  });

  it('names each missing answer in plain words under the api field names', () => {
    const result = auditCommandFrom({
      'auditedOn-day': '31',
      'auditedOn-month': '2',
      'auditedOn-year': '2025',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.field)).toEqual([
      'planVersion',
      'auditedOn',
      'auditorRole',
      'sections.A',
      'sections.B',
      'sections.C',
      'sections.D',
      'sections.E',
      'sections.F',
      'sections.G',
      'sections.H1',
      'sections.H2',
      'sections.I',
      'sections.J',
      'sections.K',
    ]);
    expect(errors[1].message).toBe('The date of the audit must be a real date, for example 2 6 2025');
    expect(errors[3].message).toBe('Select a grade for section A');
  });

  it('refuses not applicable for the sections every plan has', () => {
    const result = auditCommandFrom({ ...GRADED, 'sections.B': 'not_applicable' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toContain('sections.B');
  });

  it('refuses actions longer than the api takes', () => {
    const result = auditCommandFrom({ ...GRADED, actions: 'x'.repeat(2001) });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toContain('actions');
  });
});

describe('auditRefusalErrors', () => {
  it('keeps the api field errors, section I’s rule in plain words for the version audited', () => {
    const error = new ApiError(400, 'QA_SECTION_GRADE_INVALID', 'Bad', [
      { field: 'sections.I', message: "Section I of a draft must be 'not_applicable'" },
    ]);
    expect(auditRefusalErrors(error, 'draft')).toEqual([
      {
        field: 'sections.I',
        message: 'Choose ‘Not applicable’ for section I: a draft plan never names a placement',
      },
    ]);
    expect(auditRefusalErrors(error, 'final')[0].message).toBe(
      'Grade section I: a final or amended plan names the placement',
    );
    const other = new ApiError(400, 'VALIDATION_FAILED', 'Bad', [
      { field: 'auditedOn', message: 'in the future' },
    ]);
    expect(auditRefusalErrors(other, 'draft')).toEqual([{ field: 'auditedOn', message: 'in the future' }]);
  });

  it('words a conflict without fields, tied to the field to change', () => {
    expect(auditRefusalErrors(new ApiError(409, 'QA_AUDIT_BEFORE_FINAL_PLAN', 'Conflict'))).toEqual([
      expect.objectContaining({ field: 'planVersion' }),
    ]);
    expect(auditRefusalErrors(new ApiError(409, 'SOMETHING_NEW', 'Something new happened'))).toEqual([
      { field: 'body', message: 'Something new happened' },
    ]);
  });
});

describe('auditFormView', () => {
  it('offers not applicable only where DOMAIN.md allows it, and keeps the choices made', () => {
    const view = auditFormView({ 'sections.B': 'good', planVersion: 'draft' });
    const choices = (section: string) =>
      view.sections.find((s) => s.section === section)?.items.map((i) => i.value);
    expect(choices('B')).toEqual(['outstanding', 'good', 'requires_improvement', 'inadequate']);
    expect(choices('C')).toContain('not_applicable');
    expect(choices('I')).toContain('not_applicable');
    expect(view.sections.find((s) => s.section === 'B')?.items.find((i) => i.checked)?.value).toBe('good');
    expect(view.planVersions.find((i) => i.checked)?.text).toBe('Draft plan');
    expect(view.sections.find((s) => s.section === 'I')?.hint).toMatch(
      /draft plan this must be ‘Not applicable’/,
    );
    expect(view.sections.find((s) => s.section === 'H1')?.legend).toBe(
      'Section H1: Social care provision (Chronically Sick and Disabled Persons Act 1970)',
    );
  });
});
