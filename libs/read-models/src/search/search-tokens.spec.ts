import { namePartsOf, searchHasher, searchTokensOf } from './search-tokens';

const KEY = Buffer.alloc(32, 5).toString('base64');
const hash = searchHasher(KEY);

describe('namePartsOf', () => {
  it('folds accents and case, and splits on spaces, hyphens and apostrophes', () => {
    expect(namePartsOf('José-María')).toEqual(['jose', 'maria']);
    expect(namePartsOf("O'Neill-Smith")).toEqual(['o', 'neill', 'oneill', 'smith']);
    expect(namePartsOf('  Anne   Marie ')).toEqual(['anne', 'marie']);
  });

  it('reads every apostrophe alike: straight, typographic, modifier letter', () => {
    const parts = namePartsOf("o'neill");
    for (const written of ['O’Neill', 'O‘Neill', 'OʼNeill', 'O`Neill'])
      expect(namePartsOf(written)).toEqual(parts);
  });

  it('treats other punctuation and every dash as a separator', () => {
    expect(namePartsOf('St. John–Smythe')).toEqual(['st', 'john', 'smythe']);
  });

  it('folds compatibility forms and ligatures (NFKD)', () => {
    expect(namePartsOf('Ｚｏë')).toEqual(['zoe']);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(namePartsOf(" - ' ")).toEqual([]);
  });
});

describe('searchTokensOf', () => {
  const tokens = searchTokensOf({ firstName: 'José-María', lastName: "O'Neill-Smith" }, hash);

  it('holds a keyed hash of each first- and last-name part, never the part', () => {
    expect(tokens).toEqual(['jose', 'maria', 'o', 'neill', 'oneill', 'smith'].map(hash).sort());
    expect(tokens.join(' ')).not.toMatch(/jose|maria|neill|smith/i);
  });

  it('is found by "jose", "maria", "oneill", "o\'neill", "O’Neill" and "smith", not by a fragment', () => {
    const finds = (words: string) => namePartsOf(words).every((part) => tokens.includes(hash(part)));
    for (const words of ['jose', 'Maria', 'oneill', "o'neill", 'O’Neill', 'smith', 'José María Smith'])
      expect(finds(words)).toBe(true);
    expect(finds('nei')).toBe(false);
    expect(finds('oneillsmith')).toBe(false);
    expect(finds('jose jones')).toBe(false);
  });

  it('depends on the key: another key gives other tokens', () => {
    const other = searchHasher(Buffer.alloc(32, 6).toString('base64'));
    expect(other('jose')).not.toBe(hash('jose'));
    expect(hash('jose')).toBe(searchHasher(KEY)('jose'));
  });
});
