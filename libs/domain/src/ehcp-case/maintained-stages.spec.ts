import { DRAFT_SECTIONS, GOOD_SECTIONS, on, PLACEMENT } from '../testing/case-events';
import { command, history } from '../testing/ehcp-case.fixtures';
import { given } from '../testing/given-when-then';
import type { EhcpCaseCommand } from './ehcp-case.commands';
import type { EhcpCaseEvent } from './ehcp-case.events';
import { replay } from './ehcp-case.evolve';
import { MAINTAINED_STAGES } from './ehcp-case.state';

// (2nd ed.) A plan is maintained (CFA s37) while it is re-assessed (reg 27) and while a decision to
// cease it has not yet taken effect (CFA s45, reg 31; DOMAIN.md "Cessation": its deadlines stay
// open until then), and a plan transferred in (reg 15) is maintained from the transfer. Every step
// of a maintained plan (reviews, CFA s44 and regs 18-22; audits; cessation) is recorded in each of
// those, and refused once the plan has ceased.

/** Before the day a decision to cease of 2026-09-14 takes effect (2026-11-15). */
const TODAY = '2026-11-14';
const run = <T extends EhcpCaseCommand['type']>(
  type: T,
  data: Parameters<typeof command<T>>[1],
  today = TODAY,
) => command(type, data, today);

const maintained: readonly [string, readonly EhcpCaseEvent[]][] = [
  ['plan_maintained', history.planMaintained],
  [
    'reassessing (reg 27)',
    [
      ...history.planMaintained,
      on.reassessmentRequested('rea-1', '2026-09-01'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-09-14'),
    ],
  ],
  ['ceasing, before the plan ceases', [...history.planMaintained, on.cessationDecided('2026-09-14')]],
  ['transferred in (reg 15)', history.transferredIn],
];

const notice = on.noticeIssued('not-1', '2026-10-01');

/** [command, events before it, the command, what it records] */
const steps: readonly [string, readonly EhcpCaseEvent[], EhcpCaseCommand, readonly EhcpCaseEvent[]][] = [
  [
    'HoldReviewMeeting (reg 20)',
    [],
    run('HoldReviewMeeting', { reviewId: 'rev-9', meetingHeldOn: '2026-10-01' }),
    [on.reviewHeld('rev-9', '2026-10-01')],
  ],
  [
    'DecideReview (reg 20(10), 21)',
    [on.reviewHeld('rev-1', '2026-10-01')],
    run('DecideReview', { reviewId: 'rev-1', decision: 'maintain', decidedOn: '2026-10-05' }),
    [on.reviewDecided('rev-1', 'maintain', '2026-10-05')],
  ],
  [
    'IssueAmendmentNotice (reg 22(2))',
    [],
    run('IssueAmendmentNotice', { noticeId: 'not-9', issuedOn: '2026-10-01' }),
    [on.noticeIssued('not-9', '2026-10-01', null)],
  ],
  [
    'ReceiveAmendmentRepresentations (reg 22(2)(c))',
    [notice],
    run('ReceiveAmendmentRepresentations', { noticeId: 'not-1', receivedOn: '2026-10-05' }),
    [on.amendmentRepresentations('not-1', '2026-10-05')],
  ],
  [
    'IssueAmendedPlan (reg 22(3))',
    [notice],
    run('IssueAmendedPlan', { noticeId: 'not-1', issuedOn: '2026-10-20', placement: PLACEMENT }),
    [on.amendedIssued('not-1', '2026-10-20', PLACEMENT)],
  ],
  [
    'DecideNotToAmend (reg 22(4))',
    [notice],
    run('DecideNotToAmend', { noticeId: 'not-1', decidedOn: '2026-10-05' }),
    [on.noAmendment('not-1', '2026-10-05')],
  ],
  [
    'PlanPhaseTransfer (reg 18)',
    [],
    run('PlanPhaseTransfer', { transferId: 'tr-9', kind: 'school_phase', transferYear: 2028 }),
    [on.transferPlanned('tr-9', 'school_phase', 2028, TODAY)],
  ],
  [
    'RecordQaAudit of the final plan',
    [],
    run('RecordQaAudit', {
      auditId: 'qa-9',
      planVersion: 'final',
      auditedOn: '2026-10-01',
      auditorRole: 'qa_officer',
      sections: GOOD_SECTIONS,
    }),
    [on.qaAudited('qa-9', '2026-10-01', undefined, 'final')],
  ],
  [
    'CeasePlan (CFA s45: a cessation effective that day)',
    [],
    run('CeasePlan', { ceasedOn: '2026-10-01', reason: 'no longer needed' }),
    [on.ceased('2026-10-01')],
  ],
];

describe('(2nd ed.) the steps of a maintained plan in every stage where it is maintained', () => {
  it('MAINTAINED_STAGES are plan_maintained, reassessing and ceasing', () => {
    expect(MAINTAINED_STAGES).toEqual(['plan_maintained', 'reassessing', 'ceasing']);
    expect(maintained.map(([, events]) => replay(events).stage)).toEqual([
      'plan_maintained',
      'reassessing',
      'ceasing',
      'plan_maintained',
    ]);
  });

  describe.each(maintained)('on a plan %s', (_, events) => {
    it.each(steps)('records %s', (_step, before, when, then) => {
      given([...events, ...before])
        .when(when)
        .then(then);
    });
  });

  describe('once a decision to cease (2026-09-14, no appeal) has taken effect on 2026-11-15', () => {
    const ceased = [...history.planMaintained, on.cessationDecided('2026-09-14')];
    it.each(steps.filter(([step]) => !step.startsWith('RecordQaAudit')))(
      'refuses %s: PLAN_CEASED',
      (_step, before, when) => {
        given([...ceased, ...before])
          .when({ ...when, today: '2026-11-15' })
          .thenThrows('PLAN_CEASED');
      },
    );

    it('still records a QA audit (DOMAIN.md: at any time after a draft exists)', () => {
      const [, before, when, then] = steps.find(([step]) => step.startsWith('RecordQaAudit')) ?? [];
      given([...ceased, ...(before ?? [])])
        .when({ ...(when as EhcpCaseCommand), today: '2026-11-15' })
        .then(then ?? []);
    });
  });
});

describe('(2nd ed.) a plan transferred in is reviewed and amended by this authority from the transfer (reg 15)', () => {
  // history.transferredIn: made 2024-01-15, last reviewed 2025-01-10, transferred in on 2025-12-01.
  it('refuses a review meeting dated before the transfer: REVIEW_BEFORE_FINAL_PLAN', () => {
    given(history.transferredIn)
      .when(run('HoldReviewMeeting', { reviewId: 'rev-1', meetingHeldOn: '2025-11-30' }))
      .thenThrows('REVIEW_BEFORE_FINAL_PLAN');
  });

  it('records one on the transfer date', () => {
    given(history.transferredIn)
      .when(run('HoldReviewMeeting', { reviewId: 'rev-1', meetingHeldOn: '2025-12-01' }))
      .then([on.reviewHeld('rev-1', '2025-12-01')]);
  });

  it('refuses an amendment notice dated before the transfer: AMENDMENT_NOTICE_BEFORE_FINAL_PLAN', () => {
    given(history.transferredIn)
      .when(run('IssueAmendmentNotice', { noticeId: 'not-1', issuedOn: '2025-11-30' }))
      .thenThrows('AMENDMENT_NOTICE_BEFORE_FINAL_PLAN');
  });

  it('audits the final plan without a draft (the other authority drafted it), never a draft: QA_AUDIT_BEFORE_DRAFT', () => {
    const audit = (planVersion: 'draft' | 'final') =>
      run('RecordQaAudit', {
        auditId: 'qa-1',
        planVersion,
        auditedOn: '2025-12-10',
        auditorRole: 'qa_officer',
        sections: planVersion === 'draft' ? DRAFT_SECTIONS : GOOD_SECTIONS,
      });
    given(history.transferredIn)
      .when(audit('final'))
      .then([on.qaAudited('qa-1', '2025-12-10', undefined, 'final')]);
    given(history.transferredIn).when(audit('draft')).thenThrows('QA_AUDIT_BEFORE_DRAFT');
  });

  it("audits the draft of this authority's re-assessment of it (reg 27)", () => {
    const reassessed = [
      ...history.transferredIn,
      on.reassessmentRequested('rea-1', '2025-12-03'),
      on.reassessmentDecided('rea-1', 'reassess', '2025-12-08'),
      on.draftIssued('2025-12-09'),
    ];
    given(reassessed)
      .when(
        run('RecordQaAudit', {
          auditId: 'qa-1',
          planVersion: 'draft',
          auditedOn: '2025-12-10',
          auditorRole: 'qa_officer',
          sections: DRAFT_SECTIONS,
        }),
      )
      .then([on.qaAudited('qa-1', '2025-12-10')]);
  });
});
