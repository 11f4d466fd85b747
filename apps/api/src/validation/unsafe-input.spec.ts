import { MAX_JSON_DEPTH } from './json-depth';
import { unsafeInputErrors } from './unsafe-input';
import { MAX_FIELD_ERRORS } from './validation-errors';

/** What JSON.parse makes of a body: `__proto__` becomes an own key, as in a request. */
const parsed = (json: string): unknown => JSON.parse(json);

describe('unsafeInputErrors', () => {
  it('names every bad string of a body by its dotted path, known fields or not', () => {
    const body = parsed(
      '{"child":{"firstName":"A\\u0000da","lastName":"Love\\udc00lace"},"extra":{"list":["ok","\\u001b"]}}',
    );
    expect(unsafeInputErrors(body, '')).toEqual([
      { field: 'child.firstName', message: 'firstName must not contain control characters (U+0000)' },
      { field: 'child.lastName', message: 'lastName must not contain an unpaired UTF-16 surrogate' },
      { field: 'extra.list.1', message: '1 must not contain control characters (U+001B)' },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    expect(unsafeInputErrors(parsed(`{"${key}":{"admin":true}}`), '')).toEqual([
      { field: key, message: `${key} is not an allowed field name` },
    ]);
    expect(unsafeInputErrors(parsed(`{"child":{"${key}":1}}`), '')).toEqual([
      { field: `child.${key}`, message: `${key} is not an allowed field name` },
    ]);
  });

  it('refuses a key with a control character at its parent, without echoing it', () => {
    expect(unsafeInputErrors(parsed('{"child":{"a\\u0000":1}}'), '')).toEqual([
      { field: 'child', message: 'child has a field name with a control character or an unpaired surrogate' },
    ]);
  });

  it('names a query parameter or a path parameter by the root it is given', () => {
    expect(unsafeInputErrors({ team: 'no\u0000rth' }, '')[0]?.field).toBe('team');
    expect(unsafeInputErrors('\u0000', 'adviceId')[0]?.field).toBe('adviceId');
    expect(unsafeInputErrors('\u0000', '')[0]?.field).toBe('body');
  });

  it('stops at MAX_JSON_DEPTH instead of recursing for ever', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(unsafeInputErrors(deep, '')).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`more than ${MAX_JSON_DEPTH} levels`) }),
    ]);
  });

  it('reports at most MAX_FIELD_ERRORS', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, '\u0000']));
    expect(unsafeInputErrors(many, '')).toHaveLength(MAX_FIELD_ERRORS);
  });

  it('passes clean input: names, notes with line breaks, numbers, nulls', () => {
    const body = { child: { firstName: "Zoë O'Brien 😀" }, note: 'a\r\n\tb', n: 1, z: null, ok: [true] };
    expect(unsafeInputErrors(body, '')).toEqual([]);
  });
});
