import type { RequestReceived } from '../../ehcp-case/ehcp-case.events';
import type { ReceiveRequest } from '../../ehcp-case/ehcp-case.commands';
import { caseExists, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { refuse, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import { EARLIEST_DATE_OF_BIRTH, isIsoDate } from '../../shared/local-date';

/** A request for an EHC needs assessment opens the case: week 0 of every initial-assessment clock. */
export function receiveRequest({ data, today }: ReceiveRequest, state: EhcpCaseState): [RequestReceived] {
  if (caseExists(state)) refuse(['CASE_ALREADY_EXISTS', `Case ${data.caseId} already exists`]);
  const requestReceivedOn = requirePastDate(data.requestReceivedOn, 'requestReceivedOn', today);
  const dateOfBirth = requireDateOfBirth(data.child.dateOfBirth, today);
  return [
    {
      type: 'RequestReceived',
      data: {
        caseId: data.caseId,
        reference: data.reference ?? null,
        team: data.team,
        requestReceivedOn,
        requestedBy: data.requestedBy,
        caseworkerId: data.caseworkerId ?? null,
        // Copied field by field so that nothing but these three ever lands in the personal block.
        personal: { firstName: data.child.firstName, lastName: data.child.lastName, dateOfBirth },
      },
    },
  ];
}

/** The date of birth is personal data: its refusals never echo it, as error messages reach logs. */
export function requireDateOfBirth(value: string, today: string, field = 'child.dateOfBirth'): string {
  if (!isIsoDate(value)) refuse(['INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD`, field]);
  if (value < EARLIEST_DATE_OF_BIRTH)
    refuse(['INVALID_DATE', `${field} must not be before ${EARLIEST_DATE_OF_BIRTH}`, field]);
  if (value > today) refuse(['DATE_IN_FUTURE', `${field} is after today`, field]);
  return value;
}
