import { apiErrorFrom } from './api-errors';
import { queryString } from './api-client';

describe('apiErrorFrom', () => {
  it('reads a problem+json body', () => {
    const error = apiErrorFrom(422, {
      title: 'Invalid command',
      status: 422,
      code: 'validation_failed',
      errors: [{ field: 'requestDate', message: 'must be a date' }],
    });
    expect([error.status, error.code, error.title]).toEqual([422, 'validation_failed', 'Invalid command']);
    expect(error.errors).toEqual([{ field: 'requestDate', message: 'must be a date' }]);
  });

  it('tolerates a body that is not a problem', () => {
    const error = apiErrorFrom(502, undefined);
    expect([error.status, error.code, error.errors]).toEqual([502, 'http_502', []]);
  });
});

describe('queryString', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(queryString({ from: '2025-01-01', to: undefined, team: ['north', 'south'], page: 2 })).toBe(
      '?from=2025-01-01&team=north&team=south&page=2',
    );
    expect(queryString({})).toBe('');
  });
});
