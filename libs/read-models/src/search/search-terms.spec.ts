import { dateOfBirthOf, searchTermsOf } from './search-terms';
import { searchHasher } from './search-tokens';

const hash = searchHasher(Buffer.alloc(32, 5).toString('base64'));

describe('searchTermsOf', () => {
  it('reads a reference, a date of birth and hashed name words from one text', () => {
    expect(searchTermsOf('  EHC-2025-0042 ', hash)).toEqual({
      reference: 'EHC-2025-0042',
      dateOfBirth: null,
      nameTokens: ['ehc', '2025', '0042'].map(hash),
    });
    expect(searchTermsOf('12/4/2016', hash).dateOfBirth).toBe('2016-04-12');
  });

  it('hashes each word once, never keeping it in clear', () => {
    const { nameTokens } = searchTermsOf('Amelia amelia KHAN', hash);
    expect(nameTokens).toEqual([hash('amelia'), hash('khan')]);
  });
});

describe('dateOfBirthOf', () => {
  it.each([
    ['2016-04-12', '2016-04-12'],
    ['12/4/2016', '2016-04-12'],
    ['01/12/2016', '2016-12-01'],
    ['29/2/2016', '2016-02-29'],
  ])('reads %s as %s', (text, date) => expect(dateOfBirthOf(text)).toBe(date));

  it.each(['29/2/2017', '2016-13-01', '31/4/2016', '2016-4-12', '12-04-2016', 'Amelia', '0012-01-01'])(
    'reads %s as no date',
    (text) => expect(dateOfBirthOf(text)).toBeNull(),
  );
});
