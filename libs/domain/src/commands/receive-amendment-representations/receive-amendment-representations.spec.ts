import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const represent = (receivedOn: string, noticeId = 'not-1') =>
  command('ReceiveAmendmentRepresentations', { noticeId, receivedOn });
const noticed = [...history.planMaintained, on.noticeIssued('not-1', '2027-01-05')];

describe('ReceiveAmendmentRepresentations', () => {
  it('records representations on the amendments', () => {
    given(noticed)
      .when(represent('2027-01-10'))
      .then([on.amendmentRepresentations('not-1', '2027-01-10')]);
  });

  it('refuses an unknown notice: NOTICE_NOT_FOUND', () => {
    given(noticed).when(represent('2027-01-10', 'not-9')).thenThrows('NOTICE_NOT_FOUND');
    given(history.draftIssued).when(represent('2027-01-10')).thenThrows('NOTICE_NOT_FOUND');
  });

  it('refuses on a notice closed by its amended plan: NOTICE_ALREADY_CLOSED', () => {
    given([...noticed, on.amendedIssued('not-1', '2027-01-25')])
      .when(represent('2027-01-26'))
      .thenThrows('NOTICE_ALREADY_CLOSED');
  });

  it('refuses representations dated before the notice: AMENDMENT_REPRESENTATIONS_BEFORE_NOTICE', () => {
    given(noticed).when(represent('2027-01-04')).thenThrows('AMENDMENT_REPRESENTATIONS_BEFORE_NOTICE');
  });
});
