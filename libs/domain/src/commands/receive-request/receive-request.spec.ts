import { decide } from '../../ehcp-case/ehcp-case.decider';
import { initialState } from '../../ehcp-case/ehcp-case.state';
import { CHILD, on, REQUEST_ON } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const receive = (data: Partial<Parameters<typeof command<'ReceiveRequest'>>[1]> = {}, today?: string) =>
  command(
    'ReceiveRequest',
    {
      caseId: 'case-1',
      reference: 'EHC-0001',
      team: 'north',
      requestReceivedOn: REQUEST_ON,
      requestedBy: 'parent',
      child: CHILD,
      ...data,
    },
    today,
  );

describe('ReceiveRequest', () => {
  it('opens the case with the child only in data.personal', () => {
    given([]).when(receive()).then([on.requestReceived()]);
  });

  it('defaults the optional reference and caseworker to null and drops unknown child fields', () => {
    const child = { ...CHILD, nhsNumber: '123' } as typeof CHILD;
    given([])
      .when(receive({ reference: undefined, caseworkerId: undefined, child }))
      .then([
        {
          type: 'RequestReceived',
          data: {
            caseId: 'case-1',
            reference: null,
            team: 'north',
            requestReceivedOn: REQUEST_ON,
            requestedBy: 'parent',
            caseworkerId: null,
            personal: CHILD,
          },
        },
      ]);
  });

  it('refuses a second request on the same case: CASE_ALREADY_EXISTS', () => {
    given(history.requested).when(receive()).thenThrows('CASE_ALREADY_EXISTS');
  });

  it('refuses a request dated after today: DATE_IN_FUTURE', () => {
    given([]).when(receive({}, '2025-08-31')).thenThrows('DATE_IN_FUTURE', 'requestReceivedOn');
  });

  it('refuses a date that is not a calendar date: INVALID_DATE', () => {
    given([])
      .when(receive({ requestReceivedOn: '2025-02-29' }))
      .thenThrows('INVALID_DATE', 'requestReceivedOn');
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '10/12/2015' } }))
      .thenThrows('INVALID_DATE', 'child.dateOfBirth');
  });

  it('refuses a date of birth after today without echoing it: DATE_IN_FUTURE', () => {
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '2026-01-01' } }, '2025-12-31'))
      .thenThrows('DATE_IN_FUTURE', 'child.dateOfBirth');
    expect(() =>
      decide(receive({ child: { ...CHILD, dateOfBirth: '2026-01-01' } }, '2025-12-31'), initialState),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('2026-01-01') }));
    expect(() => decide(receive({ child: { ...CHILD, dateOfBirth: '2015-02-29' } }), initialState)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('2015-02-29') }),
    );
  });

  // Issue 14: a child born after the request (2026-11-30 for a request of 2025-09-01) was accepted.
  it('refuses a date of birth after the request, without echoing it: INVALID_DATE (CFA 2014 s36(1))', () => {
    const child = { ...CHILD, dateOfBirth: '2026-11-30' };
    given([]).when(receive({ child }, '2026-12-06')).thenThrows('INVALID_DATE', 'child.dateOfBirth');
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '2025-09-02' } }))
      .thenThrows('INVALID_DATE', 'child.dateOfBirth');
    expect(() => decide(receive({ child }, '2026-12-06'), initialState)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('2026-11-30') }),
    );
  });

  it('accepts a child born on the day of the request', () => {
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: REQUEST_ON } }))
      .then([on.requestReceived({ personal: { ...CHILD, dateOfBirth: REQUEST_ON } })]);
  });

  it('refuses a date of birth more than 25 years before the request: INVALID_DATE (CFA 2014 s83(2), s46)', () => {
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '2000-08-31' } }))
      .thenThrows('INVALID_DATE', 'child.dateOfBirth');
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '1999-09-01' } }))
      .thenThrows('INVALID_DATE', 'child.dateOfBirth');
    expect(() => decide(receive({ child: { ...CHILD, dateOfBirth: '2000-08-31' } }), initialState)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('2000-08-31') }),
    );
  });

  it('accepts a young person exactly 25 years old on the day of the request', () => {
    given([])
      .when(receive({ child: { ...CHILD, dateOfBirth: '2000-09-01' } }))
      .then([on.requestReceived({ personal: { ...CHILD, dateOfBirth: '2000-09-01' } })]);
    // 25 years before 28 February 2029 is 28 February 2004: a child born on 29 February 2004 is younger.
    given([])
      .when(
        receive(
          { requestReceivedOn: '2029-02-28', child: { ...CHILD, dateOfBirth: '2004-02-29' } },
          '2029-03-01',
        ),
      )
      .then([expect.objectContaining({ type: 'RequestReceived' })]);
  });

  it('refuses a request dated before 1990 (0000-01-01 is ISO but no store takes it): INVALID_DATE', () => {
    for (const requestReceivedOn of ['0000-02-29', '0000-01-01', '1989-12-31'])
      given([]).when(receive({ requestReceivedOn })).thenThrows('INVALID_DATE');
    given([])
      .when(receive({ requestReceivedOn: '1990-01-01', child: { ...CHILD, dateOfBirth: '1980-05-01' } }))
      .then([expect.objectContaining({ type: 'RequestReceived' })]);
  });

  it('refuses a date of birth before 1900 without echoing it: INVALID_DATE', () => {
    const child = { ...CHILD, dateOfBirth: '0000-02-29' };
    given([]).when(receive({ child })).thenThrows('INVALID_DATE', 'child.dateOfBirth');
    expect(() => decide(receive({ child }), initialState)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('0000-02-29') }),
    );
  });

  it('refuses a name, reference or caseworker no store can keep (NUL, a lone surrogate): INVALID_TEXT', () => {
    given([])
      .when(receive({ child: { ...CHILD, firstName: 'A\u0000da' } }))
      .thenThrows('INVALID_TEXT', 'child.firstName');
    given([])
      .when(receive({ reference: 'EHC\udc00' }))
      .thenThrows('INVALID_TEXT', 'reference');
    given([])
      .when(receive({ caseworkerId: 'cw\u001b' }))
      .thenThrows('INVALID_TEXT', 'caseworkerId');
    expect(() => decide(receive({ child: { ...CHILD, lastName: 'Love\u0000lace' } }), initialState)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^child\.lastName must not contain/) }),
    );
  });

  it('refuses an invalid today: INVALID_DATE', () => {
    given([]).when(receive({}, 'today')).thenThrows('INVALID_DATE', 'today');
  });
});
