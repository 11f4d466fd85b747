import { deadlinesOf, replay, type EhcpCase, type EhcpCaseEvent } from '@ehcp/domain';
import { CHILD, on } from '../../../../libs/domain/src/testing/case-events';
import { familyViewOf } from './family-view.of';

const LINK: EhcpCaseEvent = {
  type: 'FamilyLinkIssued',
  data: { linkId: 'link-1', tokenHash: 'f'.repeat(64), issuedOn: '2026-02-02', expiresOn: '2026-05-03' },
};
const VIEWS: EhcpCaseEvent = {
  type: 'ViewsRecorded',
  data: {
    viewsId: 'views-1',
    gatheredOn: '2025-09-20',
    method: 'advocate',
    stage: 'assessment',
    personal: { summary: 'I want to stay with my friends.' },
  },
};

function viewOf(events: EhcpCaseEvent[], asOf = '2026-02-02') {
  const state = replay(events) as EhcpCase;
  return familyViewOf({
    state,
    events,
    deadlines: deadlinesOf(state),
    linkId: 'link-1',
    teamName: 'North team',
    asOf,
  });
}

describe("the family's view of their case (issue 17)", () => {
  // Requested Mon 1 Sep 2025; decided on 20 Oct, a week after the 6 weeks (13 Oct, SEND Regs 2014 reg 5(1)).
  const lateDecision = [on.requestReceived(), VIEWS, on.assessed('2025-10-20'), LINK];

  it('Given a decision a week late, When the family looks, Then that step says 7 days late and the next ones are in due order', () => {
    const view = viewOf(lateDecision);
    expect(view).toMatchObject({
      reference: 'EHC-0001',
      childFirstName: CHILD.firstName,
      team: { code: 'north', name: 'North team' },
      stage: 'assessing',
      asOf: '2026-02-02',
      expiresOn: '2026-05-03',
      views: [
        {
          gatheredOn: '2025-09-20',
          method: 'advocate',
          stage: 'assessment',
          summary: 'I want to stay with my friends.',
        },
      ],
    });
    expect(view.steps[0]).toMatchObject({
      id: 'decision_to_assess',
      title: 'Decide whether to assess',
      dueOn: '2025-10-13',
      metOn: '2025-10-20',
      status: 'met_late',
      daysLate: 7,
    });
    const dues = view.steps.map((step) => step.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it("Given the child's details corrected, Then the corrected first name is shown; once erased, none", () => {
    const corrected: EhcpCaseEvent = {
      type: 'ChildDetailsCorrected',
      data: { personal: { ...CHILD, firstName: 'Amy', reason: 'Known as Amy' }, correctedOn: '2025-10-01' },
    };
    expect(viewOf([...lateDecision, corrected]).childFirstName).toBe('Amy');
    const erased = lateDecision.map((event) =>
      'personal' in event.data
        ? ({ ...event, data: { ...event.data, personal: null } } as EhcpCaseEvent)
        : event,
    );
    expect(viewOf(erased)).toMatchObject({
      childFirstName: null,
      views: [expect.objectContaining({ summary: null })],
    });
  });

  it('Given a closed case, Then its cancelled steps are left out', () => {
    const closed: EhcpCaseEvent = {
      type: 'CaseClosed',
      data: { closedOn: '2025-09-10', reason: 'request_withdrawn' },
    };
    const view = viewOf([on.requestReceived(), closed, LINK]);
    expect(view.stage).toBe('closed');
    expect(view.steps).toEqual([]);
  });

  it('shows no caseworker and nothing else of the child', () => {
    const text = JSON.stringify(
      viewOf([on.requestReceived({ caseworkerId: 'cw-7' }), ...lateDecision.slice(1)]),
    );
    for (const hidden of ['cw-7', CHILD.lastName, CHILD.dateOfBirth, 'f'.repeat(64)])
      expect(text).not.toContain(hidden);
  });
});
