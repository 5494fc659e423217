import { searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('splits on any whitespace into LIKE patterns', () => {
    expect(searchTerms('  nguyen\tvan  bang ')).toEqual(['%nguyen%', '%van%', '%bang%']);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(searchTerms('50% a_b c\\d')).toEqual(['%50\\%%', '%a\\_b%', '%c\\\\d%']);
  });

  it('composes decomposed input and caps the number of words', () => {
    expect(searchTerms('Bằng'.normalize('NFD'))).toEqual(['%Bằng%']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });
});
