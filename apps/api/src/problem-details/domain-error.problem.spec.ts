import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from '@ehcp/domain';
import { domainErrorProblem, statusOfKind } from './domain-error.problem';

describe('statusOfKind', () => {
  it.each([
    ['invalid', 400],
    ['not_found', 404],
    ['conflict', 409],
  ] as const)('%s -> %i', (kind, status) => {
    expect(statusOfKind(kind)).toBe(status);
  });

  it('answers every domain error code with 400, 404 or 409', () => {
    for (const kind of Object.values(DOMAIN_ERROR_KINDS))
      expect([400, 404, 409]).toContain(statusOfKind(kind));
  });

  // The contract of API.md, code by code, as the domain's former status table gave it.
  it.each<[DomainErrorCode, number]>([
    ['INVALID_DATE', 400],
    ['DATE_IN_FUTURE', 400],
    ['INVALID_TRANSFER_YEAR', 400],
    ['QA_SECTION_GRADE_INVALID', 400],
    ['INVALID_TEXT', 400],
    ['CASE_NOT_FOUND', 404],
    ['ADVICE_NOT_FOUND', 404],
    ['EXCEPTION_NOT_FOUND', 404],
    ['CONSULTATION_NOT_FOUND', 404],
    ['REVIEW_NOT_FOUND', 404],
    ['NOTICE_NOT_FOUND', 404],
    ['CASE_ALREADY_EXISTS', 409],
    ['FINAL_PLAN_BEFORE_DRAFT', 409],
    ['PERSONAL_DATA_ALREADY_ERASED', 409],
    ['CORRECTION_FIELD_NOT_CORRECTABLE', 400],
    ['CORRECTION_TARGET_NOT_FOUND', 404],
    ['CORRECTION_NOT_ALLOWED', 409],
  ])('%s is %i', (code, status) => {
    expect(statusOfKind(DOMAIN_ERROR_KINDS[code])).toBe(status);
  });

  it('makes only the eleven input codes 400 and only the eleven unknown-id codes 404', () => {
    const codesWith = (status: number) =>
      Object.entries(DOMAIN_ERROR_KINDS).filter(([, kind]) => statusOfKind(kind) === status);
    // Five of the first edition; (2nd ed.) the four CORRECTION_* input codes and CORRECTION_TARGET_NOT_FOUND;
    // TRANSFER_DATES_INVALID and the re-assessment request, appeal and mediation ids; the family link's
    // expiry and id.
    expect(codesWith(400)).toHaveLength(11);
    expect(codesWith(404)).toHaveLength(11);
    expect(codesWith(409)).toHaveLength(Object.keys(DOMAIN_ERROR_KINDS).length - 22);
  });
});

describe('domainErrorProblem', () => {
  it('a conflict: status, code and detail, no errors', () => {
    expect(
      domainErrorProblem(new DomainError('FINAL_PLAN_BEFORE_DRAFT', 'No draft plan has been issued')),
    ).toEqual({ status: 409, code: 'FINAL_PLAN_BEFORE_DRAFT', detail: 'No draft plan has been issued' });
  });

  it('an unknown case: 404, no errors', () => {
    expect(domainErrorProblem(new DomainError('CASE_NOT_FOUND', 'No case x'))).toEqual({
      status: 404,
      code: 'CASE_NOT_FOUND',
      detail: 'No case x',
    });
  });

  it("invalid input: 400 naming the error's field", () => {
    const error = new DomainError(
      'INVALID_DATE',
      'decidedOn must be a calendar date YYYY-MM-DD, got x',
      'decidedOn',
    );
    expect(domainErrorProblem(error)).toEqual({
      status: 400,
      code: 'INVALID_DATE',
      detail: error.message,
      errors: [{ field: 'decidedOn', message: error.message }],
    });
  });

  it('invalid input raised without a field: names the body', () => {
    expect(domainErrorProblem(new DomainError('INVALID_TEXT', 'bad')).errors).toEqual([
      { field: 'body', message: 'bad' },
    ]);
  });

  it('a field on a conflict adds nothing to the document', () => {
    expect(
      domainErrorProblem(new DomainError('DATE_BEFORE_REQUEST', 'too early', 'decidedOn')),
    ).not.toHaveProperty('errors');
  });
});
