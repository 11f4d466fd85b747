import { CHILD, DRAFT_SECTIONS, PLACEMENT, TOKEN_HASH } from '../testing/case-events';
import { command, history } from '../testing/ehcp-case.fixtures';
import { given } from '../testing/given-when-then';
import type { DomainErrorCode } from '../shared/domain-error';
import type { EhcpCaseCommand, EhcpCaseCommandType } from './ehcp-case.commands';
import type { EhcpCaseEvent } from './ehcp-case.events';

const D = '2027-07-15';

/** One valid-looking command of every type, dated after every fact of the fixture histories. */
const sample: { readonly [T in EhcpCaseCommandType]: EhcpCaseCommand } = {
  ReceiveRequest: command('ReceiveRequest', {
    caseId: 'case-1',
    team: 'north',
    requestReceivedOn: D,
    requestedBy: 'school',
    child: CHILD,
  }),
  AssignCaseworker: command('AssignCaseworker', { caseworkerId: 'cw', assignedOn: D }),
  DecideAssessment: command('DecideAssessment', { decision: 'assess', decidedOn: D }),
  RequestAdvice: command('RequestAdvice', { adviceId: 'adv-9', source: 'health', requestedOn: D }),
  ReceiveAdvice: command('ReceiveAdvice', { adviceId: 'adv-1', receivedOn: D }),
  RecordException: command('RecordException', {
    exceptionId: 'exc-9',
    reason: 'absence_from_area',
    startedOn: D,
  }),
  EndException: command('EndException', { exceptionId: 'exc-9', endedOn: D }),
  DecidePlan: command('DecidePlan', { decision: 'issue', decidedOn: D }),
  IssueDraftPlan: command('IssueDraftPlan', { issuedOn: D }),
  ReceiveRepresentations: command('ReceiveRepresentations', { receivedOn: D }),
  ConsultInstitution: command('ConsultInstitution', {
    consultationId: 'con-9',
    institution: 'X',
    consultedOn: D,
  }),
  ReceiveConsultationResponse: command('ReceiveConsultationResponse', {
    consultationId: 'con-1',
    receivedOn: D,
    outcome: 'cannot_meet_needs',
  }),
  IssueFinalPlan: command('IssueFinalPlan', { issuedOn: D, placement: PLACEMENT }),
  RecordQaAudit: command('RecordQaAudit', {
    auditId: 'qa-9',
    planVersion: 'draft',
    auditedOn: D,
    auditorRole: 'health',
    sections: DRAFT_SECTIONS,
  }),
  HoldReviewMeeting: command('HoldReviewMeeting', { reviewId: 'rev-9', meetingHeldOn: D }),
  DecideReview: command('DecideReview', { reviewId: 'rev-1', decision: 'maintain', decidedOn: D }),
  IssueAmendmentNotice: command('IssueAmendmentNotice', { noticeId: 'not-9', issuedOn: D }),
  ReceiveAmendmentRepresentations: command('ReceiveAmendmentRepresentations', {
    noticeId: 'not-1',
    receivedOn: D,
  }),
  IssueAmendedPlan: command('IssueAmendedPlan', { noticeId: 'not-1', issuedOn: D }),
  DecideNotToAmend: command('DecideNotToAmend', { noticeId: 'not-1', decidedOn: D }),
  PlanPhaseTransfer: command('PlanPhaseTransfer', { transferId: 'tr-9', kind: 'post16', transferYear: 2030 }),
  CeasePlan: command('CeasePlan', { ceasedOn: D, reason: 'moved to adult services' }),
  CloseCase: command('CloseCase', { closedOn: D, reason: 'other' }),
  ErasePersonalData: command('ErasePersonalData', {}),
  CorrectFact: command('CorrectFact', {
    correctionId: 'cor-9',
    revision: 1,
    action: 'void',
    reason: 'recorded on the wrong case',
  }),
  CorrectChild: command('CorrectChild', { ...CHILD, reason: 'surname misspelt' }),
  TransferIn: command('TransferIn', {
    caseId: 'case-1',
    team: 'north',
    transferredOn: D,
    fromAuthority: 'Somerset County Council',
    planMadeOn: '2024-01-15',
    placement: PLACEMENT,
    child: CHILD,
  }),
  IssueTransferNotice: command('IssueTransferNotice', { issuedOn: D, proposesAssessment: false }),
  RequestReassessment: command('RequestReassessment', {
    requestId: 'rea-9',
    receivedOn: D,
    requestedBy: 'parent',
  }),
  DecideReassessment: command('DecideReassessment', {
    requestId: 'rea-1',
    decision: 'reassess',
    decidedOn: D,
  }),
  KeepPlanUnchanged: command('KeepPlanUnchanged', { requestId: 'rea-1', decidedOn: D }),
  LodgeAppeal: command('LodgeAppeal', { appealId: 'app-9', lodgedOn: D, against: 'plan_contents' }),
  RecordAppealOutcome: command('RecordAppealOutcome', {
    appealId: 'app-1',
    outcome: 'dismissed',
    decidedOn: D,
  }),
  StartMediation: command('StartMediation', { mediationId: 'med-9', startedOn: D }),
  EndMediation: command('EndMediation', { mediationId: 'med-1', endedOn: D }),
  DecideCessation: command('DecideCessation', { decidedOn: D, reason: 'needs_met_without_plan' }),
  RecordViews: command('RecordViews', {
    viewsId: 'vw-9',
    gatheredOn: D,
    method: 'meeting',
    stage: 'assessment',
    summary: null,
  }),
  IssueFamilyLink: command('IssueFamilyLink', { linkId: 'fl-9', tokenHash: TOKEN_HASH, expiresInDays: 90 }),
  RevokeFamilyLink: command('RevokeFamilyLink', { linkId: 'fl-1' }),
  RecordFamilyView: command('RecordFamilyView', { linkId: 'fl-1' }),
};

const allTypes = Object.keys(sample) as EhcpCaseCommandType[];

const OPENING: readonly EhcpCaseCommandType[] = ['ReceiveRequest', 'TransferIn'];

/** (2nd ed.) Corrections: a recorded fact or the child's details can be corrected at any stage. */
const CORRECTIONS: readonly EhcpCaseCommandType[] = ['CorrectFact', 'CorrectChild'];
/** (2nd ed.) Mediation (regs 33-37) at any stage but closed, a ceased plan's cessation included. */
const MEDIATION: readonly EhcpCaseCommandType[] = ['StartMediation', 'EndMediation'];
/** (2nd ed.) A refusal to assess and "not issue" are appealable (CFA s51): appeals and their outcome. */
const APPEALS_AND_MEDIATION: readonly EhcpCaseCommandType[] = [
  'LodgeAppeal',
  'RecordAppealOutcome',
  ...MEDIATION,
];
/**
 * (2nd ed.) The family's link is the council's own access record, not a step of the case: any stage,
 * closed included (a family may look after closure; a link unknown to the case is its own 404).
 */
const FAMILY_LINKS: readonly EhcpCaseCommandType[] = [
  'IssueFamilyLink',
  'RevokeFamilyLink',
  'RecordFamilyView',
];
/** (2nd ed.) CFA s19: the child's views may be recorded late, at any stage but closed. */
const VIEWS_AND_FAMILY_LINKS: readonly EhcpCaseCommandType[] = ['RecordViews', ...FAMILY_LINKS];

/**
 * What each ended stage still accepts (DOMAIN.md: exceptions and QA audits at any time; erasure
 * and corrections always; a second request or transfer in is CASE_ALREADY_EXISTS). Every other
 * command is refused with the stage's code.
 */
const endedStages: readonly [
  string,
  readonly EhcpCaseEvent[],
  DomainErrorCode,
  readonly EhcpCaseCommandType[],
][] = [
  [
    'closed',
    history.closed,
    'CASE_CLOSED',
    [
      'ReceiveRequest',
      'TransferIn',
      'RecordException',
      'EndException',
      'RecordQaAudit',
      'ErasePersonalData',
      ...CORRECTIONS,
      ...FAMILY_LINKS,
    ],
  ],
  [
    'refused_to_assess',
    history.refused,
    'ASSESSMENT_REFUSED',
    [
      'ReceiveRequest',
      'TransferIn',
      'AssignCaseworker',
      'DecideAssessment',
      'RecordException',
      'EndException',
      'RecordQaAudit',
      'CloseCase',
      'ErasePersonalData',
      ...CORRECTIONS,
      ...APPEALS_AND_MEDIATION,
      ...VIEWS_AND_FAMILY_LINKS,
    ],
  ],
  [
    'not_issued',
    history.notIssued,
    'PLAN_NOT_ISSUED',
    [
      'ReceiveRequest',
      'TransferIn',
      'AssignCaseworker',
      'DecideAssessment',
      'ReceiveAdvice',
      'RecordException',
      'EndException',
      'DecidePlan',
      'RecordQaAudit',
      'CloseCase',
      'ErasePersonalData',
      ...CORRECTIONS,
      ...APPEALS_AND_MEDIATION,
      ...VIEWS_AND_FAMILY_LINKS,
    ],
  ],
  [
    'ceased',
    history.ceased,
    'PLAN_CEASED',
    [
      'ReceiveRequest',
      'TransferIn',
      'AssignCaseworker',
      'RecordException',
      'EndException',
      'RecordQaAudit',
      'CloseCase',
      'ErasePersonalData',
      ...CORRECTIONS,
      ...MEDIATION,
      ...VIEWS_AND_FAMILY_LINKS,
    ],
  ],
  // (2nd ed.) A decision to cease (2027-01-10, no appeal) that took effect on 2027-03-11, before
  // TODAY: the plan has ceased, but an appeal (or mediation) recorded late can still stop it.
  [
    'ceasing past the day it ceases',
    history.ceasing,
    'PLAN_CEASED',
    [
      'ReceiveRequest',
      'TransferIn',
      'AssignCaseworker',
      'RecordException',
      'EndException',
      'RecordQaAudit',
      'CloseCase',
      'ErasePersonalData',
      ...CORRECTIONS,
      'LodgeAppeal',
      'RecordAppealOutcome',
      'StartMediation',
      'EndMediation',
      ...VIEWS_AND_FAMILY_LINKS,
    ],
  ],
];

describe('decide', () => {
  // (2nd ed.) A case opens with a request or with a plan transferred in (reg 15).
  describe.each(allTypes.filter((type) => !OPENING.includes(type)))('%s before the request', (type) => {
    it('is refused: CASE_NOT_FOUND', () => {
      given([]).when(sample[type]).thenThrows('CASE_NOT_FOUND');
    });
  });

  describe.each(endedStages)('on a %s case', (_stage, events, code, accepted) => {
    it.each(allTypes.filter((type) => !accepted.includes(type)))(`refuses %s: ${code}`, (type) => {
      given(events).when(sample[type]).thenThrows(code);
    });
  });

  it('refuses every command whose today is not a date: INVALID_DATE', () => {
    for (const type of allTypes) {
      given(history.planMaintained)
        .when({ ...sample[type], today: '31/12/2027' })
        .thenThrows('INVALID_DATE');
    }
  });
});
