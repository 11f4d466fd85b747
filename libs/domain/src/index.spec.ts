import * as domain from './index';

describe('@ehcp/domain public contract', () => {
  it('exports the decider, evolve, the deadline rules, SEN2 and QA functions', () => {
    for (const name of [
      'decide',
      'evolve',
      'replay',
      'deadlinesOf',
      'statusOf',
      'exceptionApplies',
      'sen2Of',
      'sen2ByMonth',
      'sen2ByTeam',
      'sen2FiguresOf',
      'timelineOf',
      'overallGradeOf',
      'qaSummaryOf',
      'isDomainError',
      'isIsoDate',
      'caseExists',
      'familyLinkStatusOf',
      'daysLateOf',
    ] as const) {
      expect(typeof domain[name]).toBe('function');
    }
    expect(domain.initialState).toEqual({ stage: 'none' });
  });

  it('lists every event type once', () => {
    // 24 of the first edition, and (2nd ed.) FactCorrected, FactVoided, ChildDetailsCorrected and
    // the ten facts of transfer in, re-assessment, appeals, mediation and the cessation decision,
    // and (issue 17) the child's views and the family link's three.
    expect(domain.EHCP_CASE_EVENT_TYPES).toHaveLength(41);
    expect(new Set(domain.EHCP_CASE_EVENT_TYPES).size).toBe(41);
  });

  it('gives every error code a kind: invalid, not_found or conflict', () => {
    for (const kind of Object.values(domain.DOMAIN_ERROR_KINDS))
      expect(['invalid', 'not_found', 'conflict']).toContain(kind);
    const error = new domain.DomainError('CASE_NOT_FOUND', 'no case');
    expect(error).toMatchObject({
      code: 'CASE_NOT_FOUND',
      kind: 'not_found',
      message: 'no case',
      name: 'DomainError',
    });
    expect(error.field).toBeUndefined();
    expect(new domain.DomainError('INVALID_DATE', 'x', 'decidedOn')).toMatchObject({
      kind: 'invalid',
      field: 'decidedOn',
    });
    expect(domain.isDomainError(error)).toBe(true);
    expect(domain.isDomainError(new Error('x'))).toBe(false);
  });

  it('validates ISO dates', () => {
    expect(domain.isIsoDate('2024-02-29')).toBe(true);
    expect(domain.isIsoDate('2025-02-29')).toBe(false);
    expect(domain.isIsoDate('2025-2-1')).toBe(false);
    expect(domain.isIsoDate(20250201)).toBe(false);
  });

  it('cites a rule for every deadline kind', () => {
    for (const kind of domain.DEADLINE_KINDS) expect(domain.DEADLINE_RULES[kind]).toMatch(/reg|s44|9\.83/);
  });
});
