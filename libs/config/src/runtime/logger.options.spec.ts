import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { scrubError } from './error-scrubber';
import { capturedLogger } from './testing/captured-logger';

const CHILD = { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2017-08-23' };
const PERSONAL = Object.values(CHILD);

const expectNoPersonalData = (output: string) => {
  for (const value of PERSONAL) expect(output).not.toContain(value);
};

/** pg's error for a value PostgreSQL refused, its fields as the server reports them. */
function postgresError(message: string, fields: Record<string, string>): DatabaseError {
  return Object.assign(new DatabaseError(message, 120, 'error'), { severity: 'ERROR', ...fields });
}

describe('the logger keeps children’s personal data out (DESIGN.md; issue 12, finding 5)', () => {
  it.each([
    ['a command', { command: { caseId: 'c1', child: CHILD } }],
    ['a request body', { request: { method: 'POST', body: { team: 'north', child: CHILD } } }],
    ['a body on its own', { body: { child: CHILD } }],
    ['an event', { event: { type: 'RequestReceived', data: { caseId: 'c1', personal: CHILD } } }],
    ['a batch of events', { events: [{ data: { personal: CHILD } }] }],
    ['the child alone', { child: CHILD }],
    ['bare fields', { firstName: CHILD.firstName, dateOfBirth: CHILD.dateOfBirth }],
    [
      'a read-model row',
      {
        row: {
          childFirstName: CHILD.firstName,
          childLastName: CHILD.lastName,
          childDateOfBirth: CHILD.dateOfBirth,
        },
      },
    ],
    ['rows as SQL names them', { rows: [{ child_first_name: CHILD.firstName, child_date_of_birth: 'x' }] }],
  ])('redacts %s', (_what, logged) => {
    const { logger, output } = capturedLogger();
    logger.warn(logged, 'something happened');
    expectNoPersonalData(output());
    expect(output()).toContain('[redacted]');
  });

  it('redacts credentials of a request', () => {
    const { logger, output } = capturedLogger();
    logger.info({ req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=secret' } } });
    expect(output()).not.toContain('secret');
  });

  it('logs a request’s path without its query (a search can name a child)', () => {
    const { logger, output } = capturedLogger();
    logger.info({
      req: { id: 'r1', method: 'GET', url: `/cases?q=${CHILD.lastName}&dob=${CHILD.dateOfBirth}` },
    });
    expectNoPersonalData(output());
    expect(output()).toContain('"url":"/cases"');
  });

  it('logs a family link’s path without its token (issue 17: the token opens a child’s case)', () => {
    const { logger, output } = capturedLogger();
    const token = 'q9Xw3H0mZyPj7v1c2b4n5m6k8l0a2s4d6f8g0h2j4k6';
    logger.info({ req: { id: 'r1', method: 'GET', url: `/family/${token}?utm=x` } });
    expect(output()).not.toContain(token);
    expect(output()).toContain('"url":"/family/[redacted]"');
  });

  describe('errors', () => {
    const outOfRange = () =>
      postgresError(`date/time field value out of range: "${CHILD.dateOfBirth}"`, {
        code: '22008',
        where: `unnamed portal parameter $1 = '${CHILD.dateOfBirth}'`,
        routine: 'DateTimeParseError',
      });
    const badJson = () =>
      postgresError('unsupported Unicode escape sequence', {
        code: '22P05',
        detail: '\\u0000 cannot be converted to text.',
        where: `JSON data, line 1: ...,"child_first_name":"${CHILD.firstName}\\u0000...`,
        routine: 'json_ereport_error',
      });
    const duplicate = () =>
      postgresError('duplicate key value violates unique constraint "case_summary_child_key"', {
        code: '23505',
        detail: `Key (child_last_name)=(${CHILD.lastName}) already exists.`,
        table: 'case_summary',
        constraint: 'case_summary_child_key',
      });

    it.each([
      ['a data exception quoting the value', outOfRange, 'date/time field value out of range'],
      ['a JSON error quoting the row', badJson, 'unsupported Unicode escape sequence'],
      ['a constraint violation quoting the key', duplicate, 'case_summary_child_key'],
    ])('logs %s with its code and kind only', (_what, make, kept) => {
      const { logger, output } = capturedLogger();
      const error = make();
      logger.error({ err: error, attempt: 1 }, 'projection batch failed');
      logger.error(error);
      logger.error({ err: new QueryFailedError('insert into case_summary ...', [CHILD.firstName], make()) });
      logger.error({ err: new Error('batch failed', { cause: make() }) }, 'projection batch failed');
      expectNoPersonalData(output());
      expect(output()).toContain(kept);
      expect(output()).toContain(`"code":"${error.code}"`);
      expect(output()).toContain('insert into case_summary');
    });

    it('leaves the error itself untouched, for whoever handles it', () => {
      const error = outOfRange();
      const scrubbed = scrubError(error);
      expect(scrubbed).toBeInstanceOf(DatabaseError);
      expect(scrubbed.message).toBe('date/time field value out of range');
      expect(scrubbed.stack).toContain('date/time field value out of range\n');
      expect(error.message).toContain(CHILD.dateOfBirth);
      expect(error.where).toContain(CHILD.dateOfBirth);
    });

    it('keeps messages of other errors whole', () => {
      const { logger, output } = capturedLogger();
      logger.warn({ err: new Error('connection terminated unexpectedly') }, 'subscription read failed');
      expect(output()).toContain('connection terminated unexpectedly');
    });
  });
});
