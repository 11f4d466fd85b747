import { isDependencyUnavailable } from './dependency-failure';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDependencyUnavailable: a restarting PostgreSQL or Redis is a 503, not a 500', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['pg_ctl restart -m fast', withCode('terminating connection due to administrator command', '57P01')],
    ['PostgreSQL starting up', withCode('the database system is starting up', '57P03')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['pg: session ended', new Error('Connection terminated unexpectedly')],
    ['pg: broken client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['ioredis: closed', new Error('Connection is closed.')],
    [
      'TypeORM QueryFailedError',
      Object.assign(new Error('terminating connection'), {
        driverError: withCode('terminating connection due to administrator command', '57P01'),
      }),
    ],
    ['a cause', new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
  ])('%s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "selec"', '42601')],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
