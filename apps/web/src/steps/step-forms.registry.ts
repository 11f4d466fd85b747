import {
  ADVICE_SOURCES,
  APPEAL_OUTCOMES,
  APPEAL_SUBJECTS,
  ASSESSMENT_DECISIONS,
  CESSATION_REASONS,
  CLOSURE_REASONS,
  CONSULTATION_OUTCOMES,
  EXCEPTION_REASONS,
  PLAN_DECISIONS,
  REASSESSMENT_DECISIONS,
  REASSESSMENT_REQUESTERS,
  REQUESTERS,
  REVIEW_DECISIONS,
  VIEWS_METHODS,
  VIEWS_STAGES,
  YEAR_TRANSFER_KINDS,
  type CaseStage,
} from '@ehcp/domain';
import { VIEWS_METHOD_LABELS, VIEWS_STAGE_LABELS } from '../family/case-family.view-model';

// The caseworker's step forms, declared once: the generic view model, template and controller turn
// each entry into a GOV.UK form that posts exactly one API command.

/** An earlier fact a step belongs to (an advice request, a review...): chosen from the case's history. */
export interface RefSource {
  /** The event that opens it, and the data field holding its id. */
  readonly openedBy: string;
  readonly idField: string;
  /** Events (same id field) after which it is no longer offered. */
  readonly closedBy: readonly string[];
  /** Data fields shown in its label: a choice, then a date. */
  readonly labelFields: readonly string[];
}

interface FieldBase {
  /** Where the value goes in the command body (dotted: `placement.institution`), or a `{param}` of the path. */
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
  /** The error when it is left empty, where "Enter the ..." or "Select ..." would read badly. */
  readonly missing?: string;
}

export type StepField =
  | (FieldBase & { readonly type: 'date' })
  | (FieldBase & {
      readonly type: 'select';
      readonly options: readonly string[];
      /** Words for some options, where the value's own words (labelOf) would read badly. */
      readonly optionLabels?: Readonly<Record<string, string>>;
    })
  | (FieldBase & { readonly type: 'text' })
  /** (issue 17) A few lines of plain text (the child's views in their words). */
  | (FieldBase & { readonly type: 'textarea'; readonly maxLength: number })
  | (FieldBase & { readonly type: 'year' })
  | (FieldBase & { readonly type: 'boolean' })
  | (FieldBase & { readonly type: 'placement' })
  | (FieldBase & { readonly type: 'team' })
  | (FieldBase & { readonly type: 'ref'; readonly source: RefSource });

export interface StepForm {
  /** The path segment of the web route: /cases/{caseId}/steps/{key}. */
  readonly key: string;
  readonly title: string;
  readonly hint?: string;
  /** The api command: `{caseId}` and `{param}`s of ref fields are filled in. */
  readonly command: string;
  readonly fields: readonly StepField[];
  /** Stages that offer it as a next step. */
  readonly stages: readonly CaseStage[];
  readonly button: string;
  /** The success banner on the case page. */
  readonly done: string;
}

const MAINTAINED: readonly CaseStage[] = ['plan_maintained', 'reassessing', 'ceasing'];
const ACTIVE: readonly CaseStage[] = ['requested', 'assessing', 'drafting', 'draft_issued'];
const DRAFTING_LIKE: readonly CaseStage[] = ['assessing', 'drafting', 'draft_issued', 'reassessing'];

const ref = (name: string, label: string, source: RefSource): StepField => ({
  type: 'ref',
  name,
  label,
  source,
});
const date = (name: string, label: string, hint?: string): StepField => ({
  type: 'date',
  name,
  label,
  hint: hint ?? 'For example, 27 3 2025',
});

const ADVICE: RefSource = {
  openedBy: 'AdviceRequested',
  idField: 'adviceId',
  closedBy: ['AdviceReceived'],
  labelFields: ['source', 'requestedOn'],
};
const EXCEPTION: RefSource = {
  openedBy: 'TimescaleExceptionRecorded',
  idField: 'exceptionId',
  closedBy: ['TimescaleExceptionEnded'],
  labelFields: ['reason', 'startedOn'],
};
const CONSULTATION: RefSource = {
  openedBy: 'InstitutionConsulted',
  idField: 'consultationId',
  closedBy: ['ConsultationResponseReceived'],
  labelFields: ['institution', 'consultedOn'],
};
const REVIEW: RefSource = {
  openedBy: 'ReviewMeetingHeld',
  idField: 'reviewId',
  closedBy: ['ReviewDecisionMade'],
  labelFields: ['meetingHeldOn'],
};
const NOTICE: RefSource = {
  openedBy: 'AmendmentNoticeIssued',
  idField: 'noticeId',
  closedBy: ['AmendedPlanIssued', 'NoAmendmentDecided'],
  labelFields: ['issuedOn'],
};
const REASSESSMENT: RefSource = {
  openedBy: 'ReassessmentRequested',
  idField: 'requestId',
  closedBy: ['PlanKeptUnchanged'],
  labelFields: ['requestedBy', 'receivedOn'],
};
const APPEAL: RefSource = {
  openedBy: 'AppealLodged',
  idField: 'appealId',
  closedBy: ['AppealOutcomeRecorded'],
  labelFields: ['against', 'lodgedOn'],
};
const MEDIATION: RefSource = {
  openedBy: 'MediationStarted',
  idField: 'mediationId',
  closedBy: ['MediationEnded'],
  labelFields: ['startedOn'],
};

export const STEP_FORMS: readonly StepForm[] = [
  {
    key: 'assessment-decision',
    title: 'Decide whether to assess',
    hint: 'The decision must be sent within 6 weeks of the request (regulation 5(1)).',
    command: '/cases/{caseId}/assessment-decision',
    fields: [
      { type: 'select', name: 'decision', label: 'Decision', options: ASSESSMENT_DECISIONS },
      date('decidedOn', 'Date of the decision'),
    ],
    stages: ['requested', 'refused_to_assess'],
    button: 'Record the decision',
    done: 'Decision whether to assess recorded',
  },
  {
    key: 'advice-request',
    title: 'Request advice',
    command: '/cases/{caseId}/advice-requests',
    fields: [
      {
        type: 'select',
        name: 'source',
        label: 'Who is the advice from?',
        missing: 'Select who the advice is from',
        options: ADVICE_SOURCES,
      },
      date('requestedOn', 'Date advice was requested'),
    ],
    stages: DRAFTING_LIKE,
    button: 'Record the request',
    done: 'Advice request recorded',
  },
  {
    key: 'advice-received',
    title: 'Receive advice',
    command: '/cases/{caseId}/advice-requests/{adviceId}/received',
    fields: [
      ref('adviceId', 'Which advice request?', ADVICE),
      date('receivedOn', 'Date advice was received'),
    ],
    stages: DRAFTING_LIKE,
    button: 'Record the advice',
    done: 'Advice received recorded',
  },
  {
    key: 'exception',
    title: 'Record an exception to the time limits',
    command: '/cases/{caseId}/exceptions',
    fields: [
      { type: 'select', name: 'reason', label: 'Reason', options: EXCEPTION_REASONS },
      date('startedOn', 'Date the exception started'),
      { ...date('endedOn', 'Date the exception ended'), optional: true },
      { type: 'text', name: 'note', label: 'Note', optional: true, hint: 'Do not include the child’s name.' },
    ],
    stages: [...ACTIVE, 'reassessing'],
    button: 'Record the exception',
    done: 'Exception recorded',
  },
  {
    key: 'exception-end',
    title: 'End an exception',
    command: '/cases/{caseId}/exceptions/{exceptionId}/end',
    fields: [ref('exceptionId', 'Which exception?', EXCEPTION), date('endedOn', 'Date the exception ended')],
    stages: [...ACTIVE, 'reassessing'],
    button: 'Record the end',
    done: 'Exception ended',
  },
  {
    key: 'plan-decision',
    title: 'Decide whether to issue a plan',
    hint: 'Within 16 weeks of the request (regulation 10(1)).',
    command: '/cases/{caseId}/plan-decision',
    fields: [
      { type: 'select', name: 'decision', label: 'Decision', options: PLAN_DECISIONS },
      date('decidedOn', 'Date of the decision'),
    ],
    stages: ['assessing'],
    button: 'Record the decision',
    done: 'Decision whether to issue a plan recorded',
  },
  {
    key: 'draft-plan',
    title: 'Send the draft plan',
    command: '/cases/{caseId}/draft-plan',
    fields: [date('issuedOn', 'Date the draft plan was sent')],
    stages: ['drafting', 'reassessing'],
    button: 'Record the draft plan',
    done: 'Draft plan recorded',
  },
  {
    key: 'representations',
    title: 'Receive representations on the draft plan',
    command: '/cases/{caseId}/representations',
    fields: [
      date('receivedOn', 'Date representations were received'),
      { type: 'text', name: 'requestedInstitution', label: 'School or college requested', optional: true },
    ],
    stages: ['draft_issued', 'reassessing'],
    button: 'Record the representations',
    done: 'Representations recorded',
  },
  {
    key: 'consultation',
    title: 'Consult a school or college',
    command: '/cases/{caseId}/consultations',
    fields: [
      { type: 'text', name: 'institution', label: 'School or college' },
      date('consultedOn', 'Date consulted'),
    ],
    stages: ['draft_issued', 'reassessing'],
    button: 'Record the consultation',
    done: 'Consultation recorded',
  },
  {
    key: 'consultation-response',
    title: 'Receive a consultation response',
    command: '/cases/{caseId}/consultations/{consultationId}/response',
    fields: [
      ref('consultationId', 'Which consultation?', CONSULTATION),
      { type: 'select', name: 'outcome', label: 'Response', options: CONSULTATION_OUTCOMES },
      date('receivedOn', 'Date the response was received'),
    ],
    stages: ['draft_issued', 'reassessing'],
    button: 'Record the response',
    done: 'Consultation response recorded',
  },
  {
    key: 'final-plan',
    title: 'Issue the final plan',
    hint: 'Within 20 weeks of the request, and not before the 15 days for representations have passed.',
    command: '/cases/{caseId}/final-plan',
    fields: [
      date('issuedOn', 'Date the final plan was issued'),
      { type: 'placement', name: 'placement', label: 'Placement' },
    ],
    stages: ['draft_issued', 'reassessing'],
    button: 'Record the final plan',
    done: 'Final plan recorded',
  },
  {
    key: 'review-meeting',
    title: 'Record an annual review meeting',
    command: '/cases/{caseId}/reviews',
    fields: [date('meetingHeldOn', 'Date of the meeting')],
    stages: MAINTAINED,
    button: 'Record the meeting',
    done: 'Review meeting recorded',
  },
  {
    key: 'review-decision',
    title: 'Record the review decision',
    command: '/cases/{caseId}/reviews/{reviewId}/decision',
    fields: [
      ref('reviewId', 'Which review?', REVIEW),
      { type: 'select', name: 'decision', label: 'Decision', options: REVIEW_DECISIONS },
      date('decidedOn', 'Date of the decision'),
    ],
    stages: MAINTAINED,
    button: 'Record the decision',
    done: 'Review decision recorded',
  },
  {
    key: 'amendment-notice',
    title: 'Send an amendment notice',
    command: '/cases/{caseId}/amendment-notices',
    fields: [date('issuedOn', 'Date the notice was sent')],
    stages: MAINTAINED,
    button: 'Record the notice',
    done: 'Amendment notice recorded',
  },
  {
    key: 'amendment-representations',
    title: 'Receive representations on an amendment notice',
    command: '/cases/{caseId}/amendment-notices/{noticeId}/representations',
    fields: [
      ref('noticeId', 'Which notice?', NOTICE),
      date('receivedOn', 'Date representations were received'),
    ],
    stages: MAINTAINED,
    button: 'Record the representations',
    done: 'Representations recorded',
  },
  {
    key: 'amended-plan',
    title: 'Issue the amended plan',
    command: '/cases/{caseId}/amended-plan',
    fields: [
      ref('noticeId', 'Which notice?', NOTICE),
      date('issuedOn', 'Date the amended plan was issued'),
      { type: 'placement', name: 'placement', label: 'Placement (if it changed)', optional: true },
    ],
    stages: MAINTAINED,
    button: 'Record the amended plan',
    done: 'Amended plan recorded',
  },
  {
    key: 'no-amendment',
    title: 'Decide not to amend the plan',
    hint: 'Regulation 22(4).',
    command: '/cases/{caseId}/amendment-notices/{noticeId}/no-amendment',
    fields: [ref('noticeId', 'Which notice?', NOTICE), date('decidedOn', 'Date of the decision')],
    stages: MAINTAINED,
    button: 'Record the decision',
    done: 'Decision not to amend recorded',
  },
  {
    key: 'phase-transfer',
    title: 'Plan a phase transfer',
    hint: 'A planned year may lie in the future.',
    command: '/cases/{caseId}/phase-transfers',
    fields: [
      { type: 'select', name: 'kind', label: 'Transfer', options: YEAR_TRANSFER_KINDS },
      { type: 'year', name: 'transferYear', label: 'Year of the transfer', hint: 'For example, 2027' },
    ],
    stages: MAINTAINED,
    button: 'Record the transfer',
    done: 'Phase transfer recorded',
  },
  {
    key: 'transfer-notice',
    title: 'Send the transfer notice',
    hint: 'Regulation 15(4): tell the family whether you will assess.',
    command: '/cases/{caseId}/transfer-notice',
    fields: [
      date('issuedOn', 'Date the notice was sent'),
      { type: 'boolean', name: 'proposesAssessment', label: 'Does the notice propose an assessment?' },
    ],
    stages: ['plan_maintained'],
    button: 'Record the notice',
    done: 'Transfer notice recorded',
  },
  {
    key: 'reassessment-request',
    title: 'Record a request to re-assess',
    command: '/cases/{caseId}/reassessment-requests',
    fields: [
      {
        type: 'select',
        name: 'requestedBy',
        label: 'Who asked?',
        missing: 'Select who asked for the re-assessment',
        options: REASSESSMENT_REQUESTERS,
      },
      date('receivedOn', 'Date the request was received'),
    ],
    stages: ['plan_maintained'],
    button: 'Record the request',
    done: 'Re-assessment request recorded',
  },
  {
    key: 'reassessment-decision',
    title: 'Decide whether to re-assess',
    command: '/cases/{caseId}/reassessment-requests/{requestId}/decision',
    fields: [
      ref('requestId', 'Which request?', REASSESSMENT),
      { type: 'select', name: 'decision', label: 'Decision', options: REASSESSMENT_DECISIONS },
      date('decidedOn', 'Date of the decision'),
    ],
    stages: ['plan_maintained'],
    button: 'Record the decision',
    done: 'Re-assessment decision recorded',
  },
  {
    key: 'plan-unchanged',
    title: 'End the re-assessment with the plan unchanged',
    command: '/cases/{caseId}/reassessment-requests/{requestId}/unchanged',
    fields: [
      ref('requestId', 'Which re-assessment?', REASSESSMENT),
      date('decidedOn', 'Date of the decision'),
    ],
    stages: ['reassessing'],
    button: 'Record the decision',
    done: 'Plan kept unchanged',
  },
  {
    key: 'appeal',
    title: 'Record an appeal',
    command: '/cases/{caseId}/appeals',
    fields: [
      {
        type: 'select',
        name: 'against',
        label: 'What is the appeal against?',
        missing: 'Select what the appeal is against',
        options: APPEAL_SUBJECTS,
      },
      date('lodgedOn', 'Date the appeal was lodged'),
    ],
    stages: ['refused_to_assess', 'not_issued', ...MAINTAINED],
    button: 'Record the appeal',
    done: 'Appeal recorded',
  },
  {
    key: 'appeal-outcome',
    title: 'Record an appeal outcome',
    command: '/cases/{caseId}/appeals/{appealId}/outcome',
    fields: [
      ref('appealId', 'Which appeal?', APPEAL),
      { type: 'select', name: 'outcome', label: 'Outcome', options: APPEAL_OUTCOMES },
      date('decidedOn', 'Date of the outcome'),
    ],
    stages: ['refused_to_assess', 'not_issued', ...MAINTAINED, 'ceased'],
    button: 'Record the outcome',
    done: 'Appeal outcome recorded',
  },
  {
    key: 'mediation',
    title: 'Record the start of mediation',
    command: '/cases/{caseId}/mediations',
    fields: [date('startedOn', 'Date mediation started')],
    stages: ['refused_to_assess', 'not_issued', ...MAINTAINED],
    button: 'Record mediation',
    done: 'Mediation recorded',
  },
  {
    key: 'mediation-end',
    title: 'Record the end of mediation',
    command: '/cases/{caseId}/mediations/{mediationId}/end',
    fields: [ref('mediationId', 'Which mediation?', MEDIATION), date('endedOn', 'Date mediation ended')],
    stages: ['refused_to_assess', 'not_issued', ...MAINTAINED],
    button: 'Record the end',
    done: 'End of mediation recorded',
  },
  {
    key: 'views',
    title: 'Record the child’s or young person’s views',
    hint: 'The council must have regard to their views, wishes and feelings (Children and Families Act 2014, section 19).',
    command: '/cases/{caseId}/views',
    fields: [
      date('gatheredOn', 'Date the views were gathered'),
      {
        type: 'select',
        name: 'method',
        label: 'How were they gathered?',
        missing: 'Select how the views were gathered',
        options: VIEWS_METHODS,
        optionLabels: VIEWS_METHOD_LABELS,
      },
      {
        type: 'select',
        name: 'stage',
        label: 'What were they gathered for?',
        missing: 'Select what the views were gathered for',
        options: VIEWS_STAGES,
        optionLabels: VIEWS_STAGE_LABELS,
      },
      {
        type: 'textarea',
        name: 'summary',
        label: 'Summary of their views',
        hint: 'In their words where you can. The summary is kept encrypted. Do not include other people’s names.',
        optional: true,
        maxLength: 2000,
      },
    ],
    stages: [...ACTIVE, ...MAINTAINED],
    button: 'Record the views',
    done: 'Child’s or young person’s views recorded',
  },
  {
    key: 'cessation-decision',
    title: 'Decide to cease the plan',
    command: '/cases/{caseId}/cessation-decision',
    fields: [
      { type: 'select', name: 'reason', label: 'Reason', options: CESSATION_REASONS },
      date('decidedOn', 'Date of the decision'),
    ],
    stages: ['plan_maintained'],
    button: 'Record the decision',
    done: 'Decision to cease recorded',
  },
  {
    key: 'closure',
    title: 'Close the case',
    command: '/cases/{caseId}/closure',
    fields: [
      { type: 'select', name: 'reason', label: 'Reason', options: CLOSURE_REASONS },
      date('closedOn', 'Date the case closed'),
    ],
    stages: [...ACTIVE, 'refused_to_assess', 'not_issued'],
    button: 'Close the case',
    done: 'Case closed',
  },
];

/** A new request for assessment (POST /cases). */
export const NEW_REQUEST_FORM: StepForm = {
  key: 'new',
  title: 'Record a new request for assessment',
  command: '/cases',
  fields: [
    { type: 'team', name: 'team', label: 'Team' },
    date('requestReceivedOn', 'Date the request was received'),
    {
      type: 'select',
      name: 'requestedBy',
      label: 'Who made the request?',
      missing: 'Select who made the request',
      options: REQUESTERS,
    },
    { type: 'text', name: 'child.firstName', label: 'Child’s first name' },
    { type: 'text', name: 'child.lastName', label: 'Child’s last name' },
    date('child.dateOfBirth', 'Child’s date of birth', 'For example, 27 3 2015'),
  ],
  stages: [],
  button: 'Record the request',
  done: 'Request recorded',
};

/** A plan transferred in from another authority (POST /cases/transfers-in). */
export const TRANSFER_IN_FORM: StepForm = {
  key: 'transfer-in',
  title: 'Record a plan transferred in',
  hint: 'A plan maintained by another local authority that is now yours (regulation 15).',
  command: '/cases/transfers-in',
  fields: [
    { type: 'team', name: 'team', label: 'Team' },
    { type: 'text', name: 'fromAuthority', label: 'Authority the plan came from' },
    date('transferredOn', 'Date the plan transferred'),
    date('planMadeOn', 'Date the plan was made'),
    { ...date('lastReviewedOn', 'Date the plan was last reviewed'), optional: true },
    { type: 'placement', name: 'placement', label: 'Placement' },
    { type: 'text', name: 'child.firstName', label: 'Child’s first name' },
    { type: 'text', name: 'child.lastName', label: 'Child’s last name' },
    date('child.dateOfBirth', 'Child’s date of birth', 'For example, 27 3 2015'),
  ],
  stages: [],
  button: 'Record the transfer',
  done: 'Transferred plan recorded',
};

/** Correcting the child's personal details (PUT /cases/{caseId}/child). */
export const CHILD_DETAILS_FORM: StepForm = {
  key: 'child',
  title: 'Change the child’s details',
  command: '/cases/{caseId}/child',
  fields: [
    { type: 'text', name: 'firstName', label: 'First name' },
    { type: 'text', name: 'lastName', label: 'Last name' },
    date('dateOfBirth', 'Date of birth', 'For example, 27 3 2015'),
    {
      type: 'text',
      name: 'reason',
      label: 'Why are you changing them?',
      missing: 'Enter why you are changing the child’s details',
    },
  ],
  stages: [],
  button: 'Save the changes',
  done: 'Child’s details changed',
};

export function stepFormOf(key: string): StepForm | undefined {
  return STEP_FORMS.find((form) => form.key === key);
}

/** The step forms a case at this stage offers, in the registry's order. */
export function stepFormsForStage(stage: string): readonly StepForm[] {
  return STEP_FORMS.filter((form) => (form.stages as readonly string[]).includes(stage));
}
