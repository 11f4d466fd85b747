import { decide } from '../../ehcp-case/ehcp-case.decider';
import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { initialState, type EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { sen2Of } from '../../sen2/sen2.calculator';
import { timelineOf } from '../../sen2/sen2.timeline';
import { CHILD, on, PLACEMENT } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// DOMAIN.md (2nd ed.) "Transfer in": a plan maintained by another local authority becomes this
// authority's on the transfer date T (SEND Regs 2014 reg 15). The case opens as a maintained plan
// made on P and last reviewed on L (if ever).

type TransferData = Parameters<typeof command<'TransferIn'>>[1];

const transfer = (data: Partial<TransferData> = {}, today?: string) =>
  command(
    'TransferIn',
    {
      caseId: 'case-1',
      reference: 'EHC-0001',
      team: 'north',
      transferredOn: '2025-12-01',
      fromAuthority: 'Somerset County Council',
      planMadeOn: '2024-01-15',
      lastReviewedOn: '2025-01-10',
      placement: PLACEMENT,
      child: CHILD,
      ...data,
    },
    today,
  );

describe('TransferIn (reg 15)', () => {
  it('opens the case as a plan transferred in, the child only in data.personal', () => {
    given([]).when(transfer()).then([on.transferredIn()]);
  });

  it('takes a plan never reviewed (lastReviewedOn absent or null), and defaults reference and caseworker to null', () => {
    const never = on.transferredIn({ reference: null, lastReviewedOn: null });
    given([])
      .when(transfer({ reference: undefined, caseworkerId: undefined, lastReviewedOn: undefined }))
      .then([never]);
    given([])
      .when(transfer({ reference: null, lastReviewedOn: null }))
      .then([never]);
  });

  it('copies the child and the placement field by field (nothing else reaches the event)', () => {
    const child = { ...CHILD, nhsNumber: '123' } as typeof CHILD;
    const placement = { ...PLACEMENT, note: 'x' } as typeof PLACEMENT;
    given([])
      .when(transfer({ child, placement, caseworkerId: 'cw-1' }))
      .then([on.transferredIn({ caseworkerId: 'cw-1' })]);
  });

  it('accepts a plan made, and last reviewed, on the transfer date itself', () => {
    given([])
      .when(transfer({ planMadeOn: '2025-12-01', lastReviewedOn: '2025-12-01' }))
      .then([on.transferredIn({ planMadeOn: '2025-12-01', lastReviewedOn: '2025-12-01' })]);
  });

  it('opens a maintained plan made on P, opened on T and by no request (never a new plan)', () => {
    const state = replay(history.transferredIn) as EhcpCase;
    expect(state).toMatchObject({
      stage: 'plan_maintained',
      openedByRequest: false,
      requestReceivedOn: '2025-12-01',
      finalPlan: { issuedOn: '2024-01-15', placement: PLACEMENT },
      transferIn: {
        fromAuthority: 'Somerset County Council',
        transferredOn: '2025-12-01',
        planMadeOn: '2024-01-15',
        lastReviewedOn: '2025-01-10',
        notice: null,
      },
    });
  });

  it('refuses a case that already exists (a request or a transfer): CASE_ALREADY_EXISTS', () => {
    given(history.requested).when(transfer()).thenThrows('CASE_ALREADY_EXISTS');
    given(history.transferredIn).when(transfer()).thenThrows('CASE_ALREADY_EXISTS');
  });

  describe('refuses invalid dates, naming the field', () => {
    it.each<[string, Partial<TransferData>, string, 'INVALID_DATE' | 'DATE_IN_FUTURE']>([
      ['a transfer after today', { transferredOn: '2028-01-01' }, 'transferredOn', 'DATE_IN_FUTURE'],
      [
        'a transfer that is no calendar date',
        { transferredOn: '2025-02-29' },
        'transferredOn',
        'INVALID_DATE',
      ],
      ['a plan made on no calendar date', { planMadeOn: '15/01/2024' }, 'planMadeOn', 'INVALID_DATE'],
      ['a plan made before 1990', { planMadeOn: '0024-01-15' }, 'planMadeOn', 'INVALID_DATE'],
      ['a review on no calendar date', { lastReviewedOn: '2025-13-01' }, 'lastReviewedOn', 'INVALID_DATE'],
    ])('%s', (_, data, field, code) => {
      given([]).when(transfer(data)).thenThrows(code, field);
    });
  });

  describe('refuses dates that contradict each other: TRANSFER_DATES_INVALID', () => {
    it.each<[string, Partial<TransferData>, string]>([
      ['a plan made after the transfer (P > T)', { planMadeOn: '2025-12-02' }, 'planMadeOn'],
      ['a review before the plan was made (L < P)', { lastReviewedOn: '2024-01-14' }, 'lastReviewedOn'],
      ['a review after the transfer (L > T)', { lastReviewedOn: '2025-12-02' }, 'lastReviewedOn'],
    ])('%s', (_, data, field) => {
      given([]).when(transfer(data)).thenThrows('TRANSFER_DATES_INVALID', field);
    });
  });

  describe("the child's date of birth (as for a request, against the plan's making)", () => {
    it('refuses a child born after the plan was made, without echoing the date: INVALID_DATE', () => {
      const child = { ...CHILD, dateOfBirth: '2024-02-01' };
      given([]).when(transfer({ child })).thenThrows('INVALID_DATE', 'child.dateOfBirth');
      expect(() => decide(transfer({ child }), initialState)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('2024-02-01') }),
      );
    });

    it('refuses a child more than 25 years old when the plan was made: INVALID_DATE (CFA s46)', () => {
      given([])
        .when(transfer({ child: { ...CHILD, dateOfBirth: '1999-01-14' } }))
        .thenThrows('INVALID_DATE', 'child.dateOfBirth');
    });

    it('refuses a date of birth after today: DATE_IN_FUTURE', () => {
      given([])
        .when(transfer({ child: { ...CHILD, dateOfBirth: '2026-01-01' } }, '2025-12-31'))
        .thenThrows('DATE_IN_FUTURE', 'child.dateOfBirth');
    });
  });
});

describe('a plan transferred in is never a new plan of this authority (DOMAIN.md "Transfer in", SEN2)', () => {
  const state = replay([
    on.transferredIn({ transferredOn: '2025-12-01', planMadeOn: '2025-01-06', lastReviewedOn: null }),
  ]) as EhcpCase;

  it('its SEN2 timeline says it was not opened by a request', () => {
    expect(timelineOf(state)).toMatchObject({
      openedByRequest: false,
      assessmentDecidedOn: null,
      firstFinalPlanIssuedOn: '2025-01-06',
    });
  });

  it('counts in none of the 20-week measures, nor as a request decided', () => {
    const timeline = timelineOf(state);
    if (timeline === null) throw new Error('no timeline');
    const figures = sen2Of([timeline], { from: '2025-01-01', to: '2025-12-31' });
    expect(figures).toMatchObject({ plans_issued_den: 0, plans_excluded_appeal: 0, requests_decided: 0 });
  });
});
