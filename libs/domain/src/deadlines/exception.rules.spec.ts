import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { ExceptionReason } from '../ehcp-case/ehcp-case.vocabulary';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { deadlinesOf } from './deadline.calculator';
import { DEADLINE_KINDS, type DeadlineKind } from './deadline.types';

const applies = (events: readonly EhcpCaseEvent[], id: string): boolean => {
  const deadline = deadlinesOf(replay(events)).find((d) => d.id === id);
  if (!deadline) throw new Error(`no deadline ${id}`);
  return deadline.exceptionApplies;
};

/** A case with a deadline of every kind, all starting on or after the request of 1 Sep 2025. */
const everyKind: EhcpCaseEvent[] = [
  on.requestReceived({ requestReceivedOn: '2025-09-01' }),
  on.assessed('2025-10-06'),
  on.adviceRequested('adv-1', '2025-10-07'),
  on.toIssue('2025-12-15'),
  on.draftIssued('2025-12-22'),
  on.consulted('con-1', '2025-12-23'),
  on.representations('2026-01-02'),
  on.finalIssued('2026-01-12'),
  on.reviewHeld('rev-1', '2026-12-01'),
  on.reviewDecided('rev-1', 'amend', '2026-12-20'),
  on.noticeIssued('not-1', '2027-01-05'),
  on.transferPlanned('tr-1', 'school_phase', 2028, '2027-01-06'),
  on.post16TransferPlanned('tr-2', '2028-07-31', '2027-01-06'),
];
const idOf: { readonly [K in DeadlineKind]: string } = {
  decision_to_assess: 'decision_to_assess',
  advice: 'advice-adv-1',
  plan_decision: 'plan_decision',
  final_plan: 'final_plan',
  consultation_response: 'consultation_response-con-1',
  annual_review: 'annual_review-rev-1',
  review_decision: 'review_decision-rev-1',
  amendment_notice: 'amendment_notice-rev-1',
  amended_plan: 'amended_plan-not-1',
  phase_transfer: 'phase_transfer-tr-1',
  post16_transfer: 'post16_transfer-tr-2',
};

// DOMAIN.md's exception table, written out independently of EXCEPTION_REASONS_BY_KIND.
const exceptionTable: [ExceptionReason, string, DeadlineKind[]][] = [
  [
    'institution_closure',
    'advice requested from a school/post-16 institution around a closure of 4+ weeks',
    ['decision_to_assess', 'plan_decision', 'final_plan'],
  ],
  [
    'early_years_closure',
    'the same for an early-years provider',
    ['decision_to_assess', 'plan_decision', 'final_plan'],
  ],
  [
    'exceptional_personal_circumstances',
    'exceptional personal circumstances of the child, parent or young person',
    ['decision_to_assess', 'advice', 'plan_decision', 'final_plan'],
  ],
  [
    'absence_from_area',
    'absence from the area for 4+ continuous weeks',
    ['decision_to_assess', 'advice', 'plan_decision', 'final_plan'],
  ],
  ['missed_appointment', 'a missed examination or test appointment', ['advice']],
];

describe('exceptions: DOMAIN.md exception table, every reason against every deadline kind', () => {
  describe.each(exceptionTable)('%s (%s)', (reason, _meaning, appliesTo) => {
    it.each(DEADLINE_KINDS.map((kind) => [kind, appliesTo.includes(kind)] as const))(
      `against %s: applies = %s`,
      (kind, expected) => {
        expect(applies([...everyKind, on.exception(reason, '2025-09-01')], idOf[kind])).toBe(expected);
        expect(applies([...everyKind, on.exception(reason, '2025-06-01', '2025-08-31')], idOf[kind])).toBe(
          false,
        );
      },
    );
  });
});

describe('exceptions: periods (both inclusive)', () => {
  const open = history.requested; // final_plan runs from 1 Sep 2025, open-ended
  const metOn = [...history.planMaintained]; // final_plan met 12 Jan 2026

  it('an open-ended exception applies to an open deadline', () => {
    expect(
      applies([...open, on.exception('exceptional_personal_circumstances', '2027-01-01')], 'final_plan'),
    ).toBe(true);
  });

  it('an exception that starts after an open deadline is due still applies: the deadline runs until met', () => {
    expect(
      applies(
        [...open, on.exception('exceptional_personal_circumstances', '2026-06-01', '2026-06-02')],
        'final_plan',
      ),
    ).toBe(true);
  });

  it('an ended exception that ends on the clock start applies', () => {
    expect(
      applies(
        [...open, on.exception('exceptional_personal_circumstances', '2025-08-01', '2025-09-01')],
        'final_plan',
      ),
    ).toBe(true);
  });

  it('an ended exception that ends the day before the clock start does not apply', () => {
    expect(
      applies(
        [...open, on.exception('exceptional_personal_circumstances', '2025-08-01', '2025-08-31')],
        'final_plan',
      ),
    ).toBe(false);
  });

  it('an exception that starts on the day the deadline was met applies', () => {
    expect(
      applies([...metOn, on.exception('exceptional_personal_circumstances', '2026-01-12')], 'final_plan'),
    ).toBe(true);
  });

  it('an exception that starts the day after the deadline was met does not apply', () => {
    expect(
      applies([...metOn, on.exception('exceptional_personal_circumstances', '2026-01-13')], 'final_plan'),
    ).toBe(false);
  });

  it('a cancelled deadline runs to its cancellation date', () => {
    const refused = history.refused; // plan_decision cancelled 6 Oct 2025
    expect(
      applies(
        [...refused, on.exception('exceptional_personal_circumstances', '2025-10-06')],
        'plan_decision',
      ),
    ).toBe(true);
    expect(
      applies(
        [...refused, on.exception('exceptional_personal_circumstances', '2025-10-07')],
        'plan_decision',
      ),
    ).toBe(false);
  });

  it('ending an exception later narrows its period', () => {
    const started = [...metOn, on.exception('exceptional_personal_circumstances', '2025-06-01')];
    expect(applies(started, 'final_plan')).toBe(true);
    expect(applies([...started, on.exceptionEnded('2025-08-31')], 'final_plan')).toBe(false);
  });

  it('any one of several exceptions is enough', () => {
    const events = [
      ...metOn,
      on.exception('missed_appointment', '2025-10-01', null, 'exc-1'),
      on.exception('early_years_closure', '2025-10-01', '2025-10-02', 'exc-2'),
    ];
    expect(applies(events, 'final_plan')).toBe(true);
  });
});

describe('exceptions: the 28-day absence rule (4 continuous weeks)', () => {
  const absence = (startedOn: string, endedOn: string | null) => [
    ...history.requested,
    on.exception('absence_from_area', startedOn, endedOn),
  ];

  it('an ended absence of 27 days (1 .. 27 Oct) does not apply', () => {
    expect(applies(absence('2025-10-01', '2025-10-27'), 'final_plan')).toBe(false);
  });

  it('an ended absence of 28 days (1 .. 28 Oct) applies', () => {
    expect(applies(absence('2025-10-01', '2025-10-28'), 'final_plan')).toBe(true);
  });

  it('an open-ended absence applies however short so far', () => {
    expect(applies(absence('2025-10-01', null), 'final_plan')).toBe(true);
  });

  it('a short absence stops applying once ended', () => {
    const events = [...absence('2025-10-01', null), on.exceptionEnded('2025-10-10')];
    expect(applies(events, 'final_plan')).toBe(false);
  });

  it('other reasons have no minimum length', () => {
    const events = [
      ...history.requested,
      on.exception('exceptional_personal_circumstances', '2025-10-01', '2025-10-01'),
    ];
    expect(applies(events, 'final_plan')).toBe(true);
  });

  it('does not depend on the date of evaluation', () => {
    const state = replay(absence('2025-10-01', null));
    expect(deadlinesOf(state)).toEqual(deadlinesOf(state));
  });
});
