import { distribution, percentile } from './distribution';

describe('percentile (linear interpolation, like percentile_cont)', () => {
  it('gives the middle value, or the mean of the two middle ones', () => {
    expect(percentile([1, 2, 3], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 10], 0.5)).toBe(2.5);
  });

  it('interpolates the 90th percentile between ranks', () => {
    // rank 0.9 × 9 = 8.1: between the 9th (9) and 10th (100) value
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.9)).toBeCloseTo(18.1, 6);
    expect(percentile([4], 0.9)).toBe(4);
  });

  it('has nothing to say about no values', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('sorts, counts and rounds to one decimal', () => {
    expect(distribution([5, 0, 2, 1])).toEqual({ count: 4, median: 1.5, p90: 4.1 });
    expect(distribution([1 / 3, 2 / 3])).toEqual({ count: 2, median: 0.5, p90: 0.6 });
  });
});
