import type { RequestReceived } from '../../ehcp-case/ehcp-case.events';
import type { ReceiveRequest } from '../../ehcp-case/ehcp-case.commands';
import { caseExists, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { refuse, requirePastDate } from '../../ehcp-case/ehcp-case.guards';
import { EARLIEST_DATE_OF_BIRTH, isIsoDate, yearsBefore } from '../../shared/local-date';

/**
 * EHC plans are for children and young people under 25 (CFA 2014 s83(2), "young person"; s46: a
 * plan is maintained at most until the end of the academic year in which the young person turns
 * 25). A child more than this many years old on the day of the request is a typing error.
 */
export const MAX_AGE_AT_REQUEST_YEARS = 25;

/** A request for an EHC needs assessment opens the case: week 0 of every initial-assessment clock. */
export function receiveRequest({ data, today }: ReceiveRequest, state: EhcpCaseState): [RequestReceived] {
  if (caseExists(state)) refuse(['CASE_ALREADY_EXISTS', `Case ${data.caseId} already exists`]);
  const requestReceivedOn = requirePastDate(data.requestReceivedOn, 'requestReceivedOn', today);
  const dateOfBirth = requireDateOfBirth(data.child.dateOfBirth, today, requestReceivedOn);
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

/**
 * A date of birth no real case can have is refused (INVALID_DATE naming the field): after today,
 * after the request (a request is made for a child, CFA 2014 s36(1)), or more than
 * MAX_AGE_AT_REQUEST_YEARS years before the request. It is personal data: its refusals never echo
 * it, as error messages reach logs.
 */
export function requireDateOfBirth(
  value: string,
  today: string,
  requestReceivedOn: string,
  field = 'child.dateOfBirth',
): string {
  if (!isIsoDate(value)) refuse(['INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD`, field]);
  if (value < EARLIEST_DATE_OF_BIRTH)
    refuse(['INVALID_DATE', `${field} must not be before ${EARLIEST_DATE_OF_BIRTH}`, field]);
  if (value > today) refuse(['DATE_IN_FUTURE', `${field} is after today`, field]);
  if (value > requestReceivedOn)
    refuse([
      'INVALID_DATE',
      `${field} is after the request: a request is made for a child already born`,
      field,
    ]);
  if (value < yearsBefore(requestReceivedOn, MAX_AGE_AT_REQUEST_YEARS))
    refuse([
      'INVALID_DATE',
      `${field} is more than ${MAX_AGE_AT_REQUEST_YEARS} years before the request: EHC plans end at ${MAX_AGE_AT_REQUEST_YEARS}`,
      field,
    ]);
  return value;
}
