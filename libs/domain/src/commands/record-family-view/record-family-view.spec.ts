import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// The council's own access record (no statute): every time the family opens their page through
// their link, the case's history says so. The link issued on 1 Dec 2027 works through 29 Feb 2028.

const view = (today: string, linkId = 'fl-1') => command('RecordFamilyView', { linkId }, today);
const linked = [...history.planMaintained, on.familyLinkIssued('fl-1', '2027-12-01', '2028-02-29')];

describe('RecordFamilyView (the council\u2019s own access record)', () => {
  it('records a view on the day the link was issued, and on its last day', () => {
    given(linked)
      .when(view('2027-12-01'))
      .then([on.familyLinkViewed('fl-1', '2027-12-01')]);
    given(linked)
      .when(view('2028-02-29'))
      .then([on.familyLinkViewed('fl-1', '2028-02-29')]);
  });

  it('records every view, and changes nothing else of the case', () => {
    const once = [...linked, on.familyLinkViewed('fl-1', '2027-12-02')];
    given(once)
      .when(view('2027-12-03'))
      .then([on.familyLinkViewed('fl-1', '2027-12-03')]);
    const { history: before, ...state } = replay(linked) as Extract<
      ReturnType<typeof replay>,
      { history: unknown }
    >;
    const { history: after, ...viewed } = replay(once) as Extract<
      ReturnType<typeof replay>,
      { history: unknown }
    >;
    expect(viewed).toEqual(state);
    expect(after.revision).toBe(before.revision + 1);
  });

  it('refuses a view the day after the last day: FAMILY_LINK_EXPIRED', () => {
    given(linked).when(view('2028-03-01')).thenThrows('FAMILY_LINK_EXPIRED');
  });

  it('refuses a view through a revoked link, or one replaced by a newer link: FAMILY_LINK_REVOKED', () => {
    given([...linked, on.familyLinkRevoked('fl-1', '2027-12-10')])
      .when(view('2027-12-11'))
      .thenThrows('FAMILY_LINK_REVOKED');
    given([...linked, on.familyLinkIssued('fl-2', '2027-12-05', '2028-03-04')])
      .when(view('2027-12-06'))
      .thenThrows('FAMILY_LINK_REVOKED');
    // Revoked and expired: revoked is what the caseworker did, and says so.
    given([...linked, on.familyLinkRevoked('fl-1', '2027-12-10')])
      .when(view('2028-04-01'))
      .thenThrows('FAMILY_LINK_REVOKED');
  });

  it('refuses an unknown link: FAMILY_LINK_NOT_FOUND', () => {
    given(linked).when(view('2027-12-02', 'fl-9')).thenThrows('FAMILY_LINK_NOT_FOUND');
  });

  it('records a view on a closed case: a family may look after closure', () => {
    given([...history.closed, on.familyLinkIssued()])
      .when(view('2027-12-02'))
      .then([on.familyLinkViewed('fl-1', '2027-12-02')]);
  });

  it('refuses a view once personal data is erased: PERSONAL_DATA_ERASED', () => {
    given([...linked, on.erased('2027-12-05')])
      .when(view('2027-12-06'))
      .thenThrows('PERSONAL_DATA_ERASED');
  });

  it('refuses before the request: CASE_NOT_FOUND', () => {
    given([]).when(view('2027-12-02')).thenThrows('CASE_NOT_FOUND');
  });
});
