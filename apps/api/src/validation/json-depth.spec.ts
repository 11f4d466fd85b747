import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays together', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[[1]]}]}'), 4)).toBe(true);
  });

  it('measures depth, not the number of brackets', () => {
    expect(jsonDepthExceeds(bytes(`[${'[],'.repeat(10_000)}[]]`), 2)).toBe(false);
  });

  it('refuses a 5,000-deep object and a 20,000-deep array', () => {
    expect(jsonDepthExceeds(bytes(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), 32)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(`{"note":"${'[{'.repeat(100)}"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"note":"a\\"[[[[","b":"\\\\"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"note":"\\\\",  "b":[[1]]}`), 2)).toBe(true);
  });

  it('is not fooled by multi-byte characters', () => {
    expect(jsonDepthExceeds(bytes('{"name":"Zoë 😀 [[[[","x":{}}'), 2)).toBe(false);
  });
});
