import { firstTextFault, plainTextProblem } from './plain-text';

describe('plainTextProblem', () => {
  it.each([
    ['NUL', 'Ame\u0000lia', 'U+0000'],
    ['ESC', '\u001b[2J', 'U+001B'],
    ['vertical tab', 'a\u000bb', 'U+000B'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['C1 NEL', 'a\u0085', 'U+0085'],
  ])('refuses %s, naming the code point, never the text', (_what, text, code) => {
    expect(plainTextProblem(text)).toBe(`must not contain control characters (${code})`);
  });

  it.each([
    ['a lone low surrogate', '\udc00'],
    ['a lone high surrogate', 'a\ud800'],
    ['a high surrogate followed by a letter', '\ud800a'],
    ['two low surrogates', '\udc00\udc00'],
  ])('refuses %s', (_what, text) => {
    expect(plainTextProblem(text)).toBe('must not contain an unpaired UTF-16 surrogate');
  });

  it.each([
    ['accents and apostrophes', "Zoë O'Brien-Łukasz"],
    ['a paired surrogate (an emoji)', 'Amelia 😀'],
    ['tab, line feed and carriage return (notes)', 'line one\r\n\tline two'],
    ['right-to-left script', 'أميليا'],
    ['the empty string', ''],
  ])('accepts %s', (_what, text) => {
    expect(plainTextProblem(text)).toBeNull();
  });
});

describe('firstTextFault', () => {
  it('names the dotted path of the first bad string, arrays by index', () => {
    expect(firstTextFault({ child: { firstName: 'Ada', lastName: 'x\u0000' } })).toEqual({
      field: 'child.lastName',
      problem: 'must not contain control characters (U+0000)',
    });
    expect(firstTextFault({ actions: ['ok', '\udc00'] })).toEqual({
      field: 'actions.1',
      problem: 'must not contain an unpaired UTF-16 surrogate',
    });
  });

  it('refuses a bad key at its parent', () => {
    expect(firstTextFault({ child: { 'a\u0000': 1 } })?.field).toBe('child');
  });

  it('passes clean data, numbers, booleans and nulls', () => {
    expect(firstTextFault({ a: 'x', b: 1, c: null, d: [true, { e: 'y' }] })).toBeNull();
  });
});
