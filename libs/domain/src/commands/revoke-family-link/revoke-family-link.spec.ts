import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// The council's own access record (no statute): a caseworker stops the family's link from today.

const revoke = (linkId = 'fl-1', today = '2027-12-10') => command('RevokeFamilyLink', { linkId }, today);
const linked = [...history.planMaintained, on.familyLinkIssued('fl-1', '2027-12-01', '2028-02-29')];

describe('RevokeFamilyLink (the council\u2019s own access record)', () => {
  it('stops the link today', () => {
    given(linked)
      .when(revoke())
      .then([on.familyLinkRevoked('fl-1', '2027-12-10')]);
    const state = replay([...linked, on.familyLinkRevoked('fl-1', '2027-12-10')]) as EhcpCase;
    expect(state.familyLinks[0]?.revokedOn).toBe('2027-12-10');
  });

  it('stops an expired link too (it says so on the record)', () => {
    given(linked)
      .when(revoke('fl-1', '2028-03-10'))
      .then([on.familyLinkRevoked('fl-1', '2028-03-10')]);
  });

  it('refuses an unknown link: FAMILY_LINK_NOT_FOUND', () => {
    given(linked).when(revoke('fl-9')).thenThrows('FAMILY_LINK_NOT_FOUND');
  });

  it('refuses a link already revoked, or replaced by a newer one: FAMILY_LINK_REVOKED', () => {
    given([...linked, on.familyLinkRevoked('fl-1', '2027-12-05')])
      .when(revoke())
      .thenThrows('FAMILY_LINK_REVOKED');
    given([...linked, on.familyLinkIssued('fl-2', '2027-12-05', '2028-03-04')])
      .when(revoke())
      .thenThrows('FAMILY_LINK_REVOKED');
  });

  it('stops a link on a closed case, and after erasure', () => {
    const closed = [...history.closed, on.familyLinkIssued(), on.erased('2027-12-05')];
    given(closed)
      .when(revoke())
      .then([on.familyLinkRevoked('fl-1', '2027-12-10')]);
  });

  it('refuses before the request: CASE_NOT_FOUND', () => {
    given([]).when(revoke()).thenThrows('CASE_NOT_FOUND');
  });
});
