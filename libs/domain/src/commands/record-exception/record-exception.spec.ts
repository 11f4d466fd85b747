import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

const record = (startedOn: string, endedOn?: string | null, exceptionId = 'exc-1') =>
  command('RecordException', { exceptionId, reason: 'absence_from_area', startedOn, endedOn });

describe('RecordException', () => {
  it('records an open-ended exception', () => {
    given(history.requested)
      .when(record('2025-09-05'))
      .then([on.exception('absence_from_area', '2025-09-05')]);
  });

  it('records an ended exception with its note', () => {
    given(history.requested)
      .when(
        command('RecordException', {
          exceptionId: 'exc-1',
          reason: 'exceptional_personal_circumstances',
          startedOn: '2025-09-05',
          endedOn: '2025-10-05',
          note: 'bereavement',
        }),
      )
      .then([
        {
          type: 'TimescaleExceptionRecorded',
          data: {
            exceptionId: 'exc-1',
            reason: 'exceptional_personal_circumstances',
            startedOn: '2025-09-05',
            endedOn: '2025-10-05',
            note: 'bereavement',
          },
        },
      ]);
  });

  it('refuses a note no store can keep (NUL, a lone surrogate): INVALID_TEXT', () => {
    for (const note of ['away\u0000', 'away\udc00'])
      given(history.requested)
        .when(
          command('RecordException', {
            exceptionId: 'exc-1',
            reason: 'absence_from_area',
            startedOn: '2025-09-05',
            note,
          }),
        )
        .thenThrows('INVALID_TEXT', 'note');
  });

  it('refuses a start before 1990: INVALID_DATE', () => {
    given(history.requested).when(record('0000-01-01')).thenThrows('INVALID_DATE', 'startedOn');
  });

  it('may start before the request and be recorded on a closed case (DOMAIN.md: at any time)', () => {
    given(history.closed)
      .when(record('2025-08-01', null))
      .then([on.exception('absence_from_area', '2025-08-01')]);
  });

  it('refuses before the request exists: CASE_NOT_FOUND', () => {
    given([]).when(record('2025-09-05')).thenThrows('CASE_NOT_FOUND');
  });

  it('refuses a used exception id: EXCEPTION_ALREADY_EXISTS', () => {
    given([...history.requested, on.exception('absence_from_area', '2025-09-05')])
      .when(record('2025-09-06'))
      .thenThrows('EXCEPTION_ALREADY_EXISTS');
  });

  it('refuses an end before the start: EXCEPTION_END_BEFORE_START', () => {
    given(history.requested)
      .when(record('2025-09-05', '2025-09-04'))
      .thenThrows('EXCEPTION_END_BEFORE_START');
  });

  it('refuses an end date after today: DATE_IN_FUTURE', () => {
    given(history.requested).when(record('2025-09-05', '2028-01-01')).thenThrows('DATE_IN_FUTURE');
  });
});
