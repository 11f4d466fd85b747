import { csvField, csvOf } from './csv';

describe('CSV (RFC 4180)', () => {
  it('quotes a field only when it must, doubling quotes', () => {
    expect(csvField('north')).toBe('north');
    expect(csvField('1,234')).toBe('"1,234"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header row and CRLF-ended records', () => {
    expect(csvOf(['Team', 'Plans'], [['north', '1,200']])).toBe('Team,Plans\r\nnorth,"1,200"\r\n');
  });
});
