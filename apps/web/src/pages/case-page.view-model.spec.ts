import type { CaseEventJson, CaseJson, DeadlineJson } from './case-api.types';
import {
  casePageViewModel,
  caseSummaryRows,
  deadlineRowOf,
  eventDetail,
  notificationRowOf,
  timelineItemsOf,
} from './case-page.view-model';

const deadline: DeadlineJson = {
  id: 'decision_to_assess',
  kind: 'decision_to_assess',
  title: 'Decide whether to assess',
  dueOn: '2025-02-17',
  metOn: null,
  status: 'due_soon',
  daysRemaining: 4,
  exceptionApplies: true,
  rule: 'reg 4(1)',
};

const aCase = (overrides: Partial<CaseJson> = {}): CaseJson => ({
  caseId: 'c1',
  reference: 'EHC-1',
  team: 'north',
  caseworkerId: 'cw-1',
  stage: 'requested',
  requestReceivedOn: '2025-01-06',
  child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
  revision: 0,
  deadlines: [deadline],
  ceasesOn: null,
  appeals: [],
  transferredIn: null,
  ...overrides,
});

const text = (rows: { key: { text: string }; value: { text: string } }[]) =>
  Object.fromEntries(rows.map((row) => [row.key.text, row.value.text]));

const event = (overrides: Partial<CaseEventJson>): CaseEventJson => ({
  revision: 0,
  type: 'RequestReceived',
  recordedAt: '2025-01-06T10:00:00Z',
  data: {},
  metadata: { userId: 'cw-1' },
  ...overrides,
});

describe('case page view model', () => {
  it('summarises the case: stage in words, dates the GOV.UK way, the child', () => {
    expect(text(caseSummaryRows(aCase()))).toEqual({
      Reference: 'EHC-1',
      Team: 'north',
      Stage: 'Request received',
      Caseworker: 'cw-1',
      'Request received': '6 January 2025',
      'Open appeals': 'None',
      "Child's name": 'Amelia Khan',
      'Date of birth': '12 April 2016',
    });
  });

  it('shows a transfer in instead of a request, the day a ceasing plan ends, open appeals only', () => {
    const rows = text(
      caseSummaryRows(
        aCase({
          stage: 'ceasing',
          requestReceivedOn: null,
          caseworkerId: null,
          child: null,
          ceasesOn: '2025-06-01',
          transferredIn: {
            fromAuthority: 'Somerset County Council',
            transferredOn: '2025-01-02',
            planMadeOn: '2024-01-15',
            lastReviewedOn: null,
          },
          appeals: [
            { appealId: 'a1', against: 'cessation', lodgedOn: '2025-03-01', outcome: null },
            {
              appealId: 'a2',
              against: 'placement',
              lodgedOn: '2025-02-01',
              outcome: { outcome: 'dismissed', decidedOn: '2025-02-20' },
            },
          ],
        }),
      ),
    );
    expect(rows).toMatchObject({
      Stage: 'Plan ceasing',
      Caseworker: 'Not assigned',
      'Transferred in': 'From Somerset County Council on 2 January 2025',
      'Plan made': '15 January 2024',
      'Last annual review': 'None recorded',
      'Plan ceases on': '1 June 2025',
      'Open appeals': 'Against the decision to cease the plan, lodged 1 March 2025',
      "Child's name": 'Personal data erased',
    });
    expect(rows).not.toHaveProperty('Request received');
  });

  it('shows each deadline: title, due date, days, tag, regulation, exception', () => {
    expect(deadlineRowOf(deadline)).toEqual({
      id: 'decision_to_assess',
      title: 'Decide whether to assess',
      dueOn: '17 February 2025',
      dueOnSortValue: '2025-02-17',
      metOn: '',
      daysRemaining: '4 days left',
      daysRemainingSortValue: '4',
      tag: { text: 'Due soon', classes: 'govuk-tag--yellow' },
      rule: 'reg 4(1)',
      exceptionApplies: 'Yes',
    });
    expect(
      deadlineRowOf({ ...deadline, metOn: '2025-02-01', status: 'met', daysRemaining: null }).metOn,
    ).toBe('1 February 2025');
  });

  it("says what an event recorded: its choices and its fact's date, never the child's details", () => {
    expect(
      eventDetail(
        event({
          data: {
            requestReceivedOn: '2025-01-06',
            personal: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
            requestedBy: 'parent',
          },
        }),
      ),
    ).toBe('Requested by parent. On 6 January 2025');
    expect(
      eventDetail(
        event({ type: 'PlanDecisionMade', data: { decision: 'not_issue', decidedOn: '2025-03-01' } }),
      ),
    ).toBe('Not issue. On 1 March 2025');
    expect(
      eventDetail(
        event({ type: 'CaseClosed', data: { closedOn: '2025-03-01', reason: 'moved_out_of_area' } }),
      ),
    ).toBe('On 1 March 2025. Reason: Moved out of area');
  });

  it('makes the history a timeline, the latest first, by whom, each fact with its correction links', () => {
    const items = timelineItemsOf('c1', [
      event({ revision: 0 }),
      event({
        revision: 1,
        type: 'DraftPlanIssued',
        recordedAt: '2025-02-01T09:00:00Z',
        data: { issuedOn: '2025-02-01' },
        metadata: { userId: '' },
      }),
    ]);
    expect(items.map((item) => item.label.text)).toEqual([
      'Draft plan issued',
      'Request for assessment received',
    ]);
    expect(items[0]).toEqual({
      label: { text: 'Draft plan issued' },
      html:
        '<p class="govuk-body">On 1 February 2025</p><p class="govuk-body-s">' +
        '<a class="govuk-link" href="/cases/c1/history/1/correct">Correct<span class="govuk-visually-hidden"> draft plan issued</span></a>' +
        ' · <a class="govuk-link" href="/cases/c1/history/1/void">Void<span class="govuk-visually-hidden"> draft plan issued</span></a></p>',
      datetime: { timestamp: '2025-02-01T09:00:00Z', type: 'datetime' },
      byline: { text: 'the service' },
    });
    expect(items[1].byline.text).toBe('cw-1');
    // The request is the case itself: it can be corrected, never voided.
    expect(items[1].html).toContain('/cases/c1/history/0/correct');
    expect(items[1].html).not.toContain('/void');
  });

  it("names a notification's deadline from the case when the api gives only its id", () => {
    expect(
      notificationRowOf(
        {
          id: 'n1',
          deadlineId: 'decision_to_assess',
          kind: 'overdue',
          dueOn: '2025-02-17',
          createdAt: '2025-02-18T07:00:00Z',
          deliveries: [
            { channel: 'email', status: 'sent', attempts: 1 },
            { channel: 'webhook', status: 'failed', attempts: 5 },
          ],
        },
        [deadline],
      ),
    ).toEqual({
      deadlineTitle: 'Decide whether to assess',
      kind: { text: 'Overdue', classes: 'govuk-tag--red' },
      dueOn: '17 February 2025',
      createdAt: '2025-02-18T07:00:00Z',
      deliveries: 'Email: sent (1 attempt), Webhook: failed (5 attempts)',
    });
  });

  it('puts the page together', () => {
    const model = casePageViewModel(aCase(), [event({})], []);
    expect(model.reference).toBe('EHC-1');
    expect(model.deadlineRows).toHaveLength(1);
    expect(model.timelineItems).toHaveLength(1);
    expect(model.notificationRows).toEqual([]);
  });
});
