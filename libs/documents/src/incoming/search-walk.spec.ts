import { nextWalk, walkSample } from './search-walk';

describe('search walk: when reading the newest documents beats the trigram index', () => {
  it('first reads as many rows as it wants matches, at most the walk', () => {
    expect(walkSample(2_001, 100_000)).toBe(2_001);
    expect(walkSample(5, 3)).toBe(3);
  });

  it('walks a phrase in 2.4 % of a million documents (~83,000 rows against ~24,000 matches through the index)', () => {
    expect(nextWalk({ found: 48, wanted: 2_001, rowsRead: 2_001, maxRows: 100_000, documents: 1_000_000 })).toBe(100_000);
  });

  it('asks the index for the same phrase in 100,000 documents (2,400 matches cost less than 83,000 rows)', () => {
    expect(nextWalk({ found: 48, wanted: 2_001, rowsRead: 2_001, maxRows: 100_000, documents: 100_000 })).toBeNull();
  });

  it('asks the index for a rare phrase, or when the sample found none, or the walk is spent', () => {
    expect(nextWalk({ found: 10, wanted: 2_001, rowsRead: 2_001, maxRows: 100_000, documents: 10_000_000 })).toBeNull(); // ~400,000 rows
    expect(nextWalk({ found: 0, wanted: 2_001, rowsRead: 2_001, maxRows: 100_000, documents: 1_000_000 })).toBeNull();
    expect(nextWalk({ found: 900, wanted: 2_001, rowsRead: 100_000, maxRows: 100_000, documents: 1_000_000 })).toBeNull();
  });
});
