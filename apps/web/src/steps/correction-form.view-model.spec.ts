import {
  canCorrect,
  canVoid,
  changesOf,
  correctionFormOf,
  currentValuesOf,
  factTitleOf,
} from './correction-form.view-model';
import type { CaseEvent } from './step-form.view-model';

const fact = (type: string, data: Record<string, unknown>): CaseEvent => ({
  revision: 4,
  type,
  recordedAt: '2025-01-01T10:00:00Z',
  data,
});

describe('correction forms', () => {
  const decision = fact('AssessmentDecisionMade', { decision: 'assess', decidedOn: '2025-01-06' });

  it('asks for the fact’s correctable dates and choices and a reason', () => {
    const form = correctionFormOf('c-1', decision);
    expect(form.title).toBe('Correct: Assessment decision made');
    expect(form.command).toBe('/cases/c-1/corrections');
    expect(form.fields.map((f) => [f.name, f.type])).toEqual([
      ['decision', 'select'],
      ['decidedOn', 'date'],
      ['reason', 'text'],
    ]);
  });

  it('sends only what changed; a cleared optional date is null', () => {
    expect(currentValuesOf(decision)).toEqual({ decision: 'assess', decidedOn: '2025-01-06' });
    expect(changesOf(decision, { decision: 'assess', decidedOn: '2025-01-07' })).toEqual({
      decidedOn: '2025-01-07',
    });
    const exception = fact('TimescaleExceptionRecorded', {
      reason: 'absence_from_area',
      startedOn: '2025-01-06',
      endedOn: '2025-02-01',
    });
    expect(changesOf(exception, { reason: 'absence_from_area', startedOn: '2025-01-06' })).toEqual({
      endedOn: null,
    });
  });

  it('reads a dotted field one level down', () => {
    const audit = fact('QaAuditRecorded', { planVersion: 'final', sections: { A: 'good' } });
    expect(currentValuesOf(audit)['sections.A']).toBe('good');
  });

  it('knows what may be corrected or voided', () => {
    expect(canCorrect(decision)).toBe(true);
    expect(canVoid(decision)).toBe(true);
    expect(canVoid(fact('RequestReceived', {}))).toBe(false);
    expect(canCorrect(fact('PersonalDataErased', {}))).toBe(false);
    expect(canCorrect(fact('FactCorrected', {}))).toBe(false);
    expect(factTitleOf('AdviceReceived')).toBe('Advice received');
  });
});
