import { copyField, copyText } from './copy-rows';

describe('copyField (COPY text format)', () => {
  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyField('a\tb\nc\rd\\e', 'text')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('plain, "quoted", ;|', 'text')).toBe('plain, "quoted", ;|');
  });

  it('keeps a literal "\\N" text apart from NULL', () => {
    expect(copyField('\\N', 'text')).toBe('\\\\N');
    expect(copyField(null, 'text')).toBe('\\N');
    expect(copyField(undefined, 'date')).toBe('\\N');
  });

  it('passes unicode through, and sends a lone surrogate as bytes PostgreSQL refuses', () => {
    expect(copyField('Zoë 🙂 Łódź', 'text')).toBe('Zoë 🙂 Łódź');
    expect(copyField('a\ud800b', 'text')).toBe('a\\xed\\xa0\\x80b');
    expect(copyField('\udfff', 'text')).toBe('\\xed\\xbf\\xbf');
  });

  it('writes jsonb as escaped JSON text, and JSON null as NULL (not the jsonb null)', () => {
    expect(copyField({ note: 'tab\there', path: 'C:\\x', nl: 'a\nb' }, 'jsonb')).toBe(
      '{"note":"tab\\\\there","path":"C:\\\\\\\\x","nl":"a\\\\nb"}',
    );
    expect(copyField(null, 'jsonb')).toBe('\\N');
    expect(copyField('null', 'jsonb')).toBe('"null"');
  });

  it('writes booleans as t/f and numbers as their digits', () => {
    expect(copyField(true, 'boolean')).toBe('t');
    expect(copyField(false, 'boolean')).toBe('f');
    expect(copyField(42, 'bigint')).toBe('42');
    expect(copyField(0, 'integer')).toBe('0');
    expect(copyField('2026-02-29', 'date')).toBe('2026-02-29');
  });
});

describe('copyText', () => {
  it('writes a line per row, its fields tab-separated in the order given', () => {
    const rows = [
      { id: 'a\tb', n: 1, ok: true },
      { id: 'c', n: null, ok: false },
    ];
    expect(copyText(rows, ['ok', 'id', 'n'], ['boolean', 'text', 'integer'])).toBe(
      't\ta\\tb\t1\nf\tc\t\\N\n',
    );
  });
});
