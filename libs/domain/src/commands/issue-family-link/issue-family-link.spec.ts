import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { on, TOKEN_HASH } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// No statute asks for the family's link: it is the council's own record of who was given access to
// the case, and until when (the family's right to see what is held is UK GDPR art 15; the council
// must tell them of each decision anyway, CFA 2014 ss36, 39, 40). The API draws the random token and
// hands the domain only its SHA-256 hash.

const issue = (expiresInDays: unknown = 90, linkId = 'fl-1', today = '2027-12-01') =>
  command(
    'IssueFamilyLink',
    { linkId, tokenHash: TOKEN_HASH, expiresInDays: expiresInDays as number },
    today,
  );

describe('IssueFamilyLink (the council\u2019s own access record)', () => {
  it('issues a link from today that works through today + expiresInDays (90 days from 1 Dec 2027: 29 Feb 2028)', () => {
    given(history.planMaintained)
      .when(issue(90))
      .then([on.familyLinkIssued('fl-1', '2027-12-01', '2028-02-29')]);
  });

  it('takes 1 to 365 days', () => {
    given(history.requested)
      .when(issue(1))
      .then([on.familyLinkIssued('fl-1', '2027-12-01', '2027-12-02')]);
    given(history.requested)
      .when(issue(365))
      .then([on.familyLinkIssued('fl-1', '2027-12-01', '2028-11-30')]);
  });

  it.each([0, -1, 366, 1.5, Number.NaN, '90', null])(
    'refuses %p days: FAMILY_LINK_EXPIRY_INVALID, naming expiresInDays',
    (days) => {
      given(history.planMaintained)
        .when(issue(days))
        .thenThrows('FAMILY_LINK_EXPIRY_INVALID', 'expiresInDays');
    },
  );

  it('replaces the previous link: it is revoked on the day the new one is issued', () => {
    const state = replay([
      ...history.planMaintained,
      on.familyLinkIssued('fl-1', '2027-11-01', '2028-01-30'),
      on.familyLinkIssued('fl-2', '2027-12-01', '2028-02-29'),
    ]) as EhcpCase;
    expect(state.familyLinks.map((l) => [l.linkId, l.revokedOn])).toEqual([
      ['fl-1', '2027-12-01'],
      ['fl-2', null],
    ]);
  });

  it('refuses a link id already used on the case: FAMILY_LINK_ALREADY_EXISTS', () => {
    given([...history.planMaintained, on.familyLinkIssued()])
      .when(issue())
      .thenThrows('FAMILY_LINK_ALREADY_EXISTS');
  });

  it('issues a link on a closed case too: a family may look after closure', () => {
    given(history.closed).when(issue()).then([on.familyLinkIssued()]);
  });

  it('refuses a link once personal data is erased: PERSONAL_DATA_ERASED', () => {
    given([...history.closed, on.erased('2027-07-01')])
      .when(issue())
      .thenThrows('PERSONAL_DATA_ERASED');
  });

  it('is no fact of the case: the latest fact (for closure and cessation dates) does not move', () => {
    const before = replay(history.planMaintained) as EhcpCase;
    const after = replay([...history.planMaintained, on.familyLinkIssued()]) as EhcpCase;
    expect(after.lastFactOn).toBe(before.lastFactOn);
    expect(after.stage).toBe(before.stage);
  });

  it('refuses a link before the request: CASE_NOT_FOUND', () => {
    given([]).when(issue()).thenThrows('CASE_NOT_FOUND');
  });
});
