import { decide } from './ehcp-case.decider';
import { evolve } from './ehcp-case.evolve';
import { initialState } from './ehcp-case.state';
import {
  CASE_STREAM_PREFIX,
  caseIdOf,
  caseStreamOf,
  decodeCaseEvent,
  ehcpCaseDecider,
} from './ehcp-case.stream';

describe('the case stream', () => {
  const caseId = '0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e';

  it('is named ehcp-case-<caseId>, a stored contract', () => {
    expect(CASE_STREAM_PREFIX).toBe('ehcp-case-');
    expect(caseStreamOf(caseId)).toBe(`ehcp-case-${caseId}`);
  });

  it('gives back the case id of a case stream, and refuses any other stream', () => {
    expect(caseIdOf(caseStreamOf(caseId))).toBe(caseId);
    expect(() => caseIdOf(`tally-${caseId}`)).toThrow(`tally-${caseId} is not a case stream`);
  });

  it('decodes a stored event to its { type, data } envelope', () => {
    const recorded = {
      id: 'e1',
      type: 'CaseClosed',
      data: { closedOn: '2025-01-20', reason: 'request_withdrawn' },
      metadata: { userId: 'u1' },
      revision: 3n,
    };
    expect(decodeCaseEvent(recorded)).toEqual({
      type: 'CaseClosed',
      data: { closedOn: '2025-01-20', reason: 'request_withdrawn' },
    });
  });

  it("is decided with the domain's own initial state, evolve and decide", () => {
    expect(ehcpCaseDecider).toEqual({ initialState, evolve, decide });
  });
});
