import {
  bodyOf,
  commandOf,
  fieldViewsOf,
  formErrorsFrom,
  labelOf,
  longDate,
  parseForm,
  refOptions,
  type CaseEvent,
} from './step-form.view-model';
import { NEW_REQUEST_FORM, stepFormOf, type RefSource, type StepForm } from './step-forms.registry';

const form = (key: string): StepForm => stepFormOf(key)!;
const event = (revision: number, type: string, data: Record<string, unknown>): CaseEvent => ({
  revision,
  type,
  recordedAt: '2025-01-01T10:00:00Z',
  data,
});

describe('labelOf and longDate', () => {
  it('writes vocabulary in plain words', () => {
    expect(labelOf('social_care')).toBe('Social care');
    expect(labelOf('not_issue')).toBe('Do not issue');
  });
  it('writes dates the GOV.UK way', () => expect(longDate('2025-01-06')).toBe('6 January 2025'));
});

describe('parseForm', () => {
  it('reads a decision and its date from the form boxes', () => {
    const parsed = parseForm(form('assessment-decision'), {
      decision: 'assess',
      'decidedOn-day': '6',
      'decidedOn-month': '1',
      'decidedOn-year': '2025',
    });
    expect(parsed).toEqual({ ok: true, values: { decision: 'assess', decidedOn: '2025-01-06' } });
  });

  it('names each missing or impossible answer in GOV.UK words', () => {
    const parsed = parseForm(form('assessment-decision'), {
      'decidedOn-day': '31',
      'decidedOn-month': '2',
      'decidedOn-year': '2025',
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { field: 'decision', message: 'Select decision' },
        { field: 'decidedOn', message: 'Date of the decision must be a real date' },
      ],
    });
  });

  it('leaves optional fields out when empty, and reads years, booleans and placements', () => {
    expect(parseForm(form('phase-transfer'), { kind: 'post16', transferYear: '2027' })).toEqual({
      ok: true,
      values: { kind: 'post16', transferYear: 2027 },
    });
    expect(
      parseForm(form('transfer-notice'), {
        'issuedOn-day': '1',
        'issuedOn-month': '2',
        'issuedOn-year': '2025',
        proposesAssessment: 'no',
      }),
    ).toEqual({ ok: true, values: { issuedOn: '2025-02-01', proposesAssessment: false } });
    const amended = parseForm(form('amended-plan'), {
      noticeId: 'n-1',
      'issuedOn-day': '1',
      'issuedOn-month': '2',
      'issuedOn-year': '2025',
    });
    expect(amended).toEqual({ ok: true, values: { noticeId: 'n-1', issuedOn: '2025-02-01' } });
    expect(parseForm(form('final-plan'), { 'placement-institution': 'Northfield' })).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ field: 'placement', message: 'Enter the type of placement' }]),
    });
  });
});

describe('commandOf', () => {
  it('fills the path with ref fields and nests dotted names in the body', () => {
    expect(commandOf(form('advice-received'), 'c-1', { adviceId: 'a 1', receivedOn: '2025-01-06' })).toEqual({
      path: '/cases/c-1/advice-requests/a%201/received',
      body: { receivedOn: '2025-01-06' },
    });
    const values = {
      team: 'north',
      'child.firstName': 'Amara',
      'child.lastName': 'Okafor',
      'child.dateOfBirth': '2016-04-09',
    };
    expect(commandOf(NEW_REQUEST_FORM, '', values)).toEqual({
      path: '/cases',
      body: { team: 'north', child: { firstName: 'Amara', lastName: 'Okafor', dateOfBirth: '2016-04-09' } },
    });
  });
});

describe('formErrorsFrom', () => {
  it('links the api errors to the inputs, in plain words', () => {
    const errors = [
      { field: 'decidedOn', message: 'decidedOn must not be after today (2025-01-06, Europe/London)' },
      { field: 'placement.institution', message: 'too long' },
      { field: '', message: 'The representation window on the draft runs to 2025-01-20' },
    ];
    const finalPlan: StepForm = {
      ...form('assessment-decision'),
      fields: [...form('assessment-decision').fields, ...form('final-plan').fields],
    };
    expect(formErrorsFrom(finalPlan, errors)).toEqual({
      errors: [
        { field: 'decidedOn', message: 'Date of the decision must be today or in the past' },
        { field: 'placement', message: 'too long' },
        { field: '', message: 'The representation window on the draft runs to 20 January 2025' },
      ],
      fieldIds: { decidedOn: 'decidedOn-day', placement: 'placement-institution' },
    });
  });
});

describe('refOptions', () => {
  it('offers the open items only, in plain words', () => {
    const events = [
      event(1, 'AdviceRequested', { adviceId: 'a-1', source: 'health', requestedOn: '2025-01-06' }),
      event(2, 'AdviceRequested', { adviceId: 'a-2', source: 'social_care', requestedOn: '2025-01-07' }),
      event(3, 'AdviceReceived', { adviceId: 'a-1', receivedOn: '2025-02-01' }),
    ];
    expect(refOptions(events, (form('advice-received').fields[0] as { source: RefSource }).source)).toEqual([
      { value: 'a-2', text: 'Social care, 7 January 2025' },
    ]);
  });
});

describe('bodyOf and fieldViewsOf', () => {
  it('shows known values in the boxes, and a single choice already chosen', () => {
    const body = bodyOf(NEW_REQUEST_FORM, { requestReceivedOn: '2025-01-06', 'child.firstName': 'Amara' });
    expect(body).toEqual({
      'requestReceivedOn-day': '6',
      'requestReceivedOn-month': '1',
      'requestReceivedOn-year': '2025',
      'child-firstName': 'Amara',
    });
    const views = fieldViewsOf(NEW_REQUEST_FORM, body, { team: [{ value: 'north', text: 'north' }] });
    expect(views[0]).toMatchObject({ id: 'team', items: [{ value: 'north', checked: true }] });
    expect(views[1].parts).toMatchObject({ day: '6', month: '1', year: '2025' });
    expect(views[3]).toMatchObject({ id: 'child-firstName', name: 'child.firstName', value: 'Amara' });
  });
});

describe('the child’s views (issue 17: CFA 2014 s19)', () => {
  const views = () => form('views');

  it('reads the date, how, what for and an optional summary into POST /cases/{caseId}/views', () => {
    const body = {
      'gatheredOn-day': '20',
      'gatheredOn-month': '1',
      'gatheredOn-year': '2025',
      method: 'advocate',
      stage: 'assessment',
      summary: '  Likes drawing; finds noise hard.  ',
    };
    const parsed = parseForm(views(), body);
    expect(parsed).toEqual({
      ok: true,
      values: {
        gatheredOn: '2025-01-20',
        method: 'advocate',
        stage: 'assessment',
        summary: 'Likes drawing; finds noise hard.',
      },
    });
    expect(commandOf(views(), 'c1', parsed.ok ? parsed.values : {})).toEqual({
      path: '/cases/c1/views',
      body: {
        gatheredOn: '2025-01-20',
        method: 'advocate',
        stage: 'assessment',
        summary: 'Likes drawing; finds noise hard.',
      },
    });
    expect(parseForm(views(), { ...body, summary: '' })).toEqual({
      ok: true,
      values: { gatheredOn: '2025-01-20', method: 'advocate', stage: 'assessment' },
    });
  });

  it('refuses a summary over 2000 characters, and asks how and what for', () => {
    const parsed = parseForm(views(), { summary: 'x'.repeat(2001) });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.message)).toEqual([
      'Enter the date the views were gathered',
      'Select how the views were gathered',
      'Select what the views were gathered for',
      'Summary of their views must be 2000 characters or fewer',
    ]);
  });

  it('words the choices for people, not as codes', () => {
    const fields = fieldViewsOf(views(), {});
    expect(fields[1].items.map((i) => i.text)).toEqual([
      'At a meeting',
      'Questionnaire',
      'Through an advocate',
      'Another way',
    ]);
    expect(fields[2].items.map((i) => i.text)).toEqual(['Assessment', 'Draft plan', 'Annual review']);
    expect(fields[3]).toMatchObject({
      type: 'textarea',
      label: 'Summary of their views (optional)',
      maxLength: 2000,
    });
  });
});
