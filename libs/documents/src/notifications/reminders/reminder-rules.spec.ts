import { addDays, daysBetween, outgoingValidityDedupeKey, validityDedupeKey, validityThreshold, validityTitle, waitingDedupeKey, waitingSince, waitingThreshold } from './reminder-rules';

describe('reminder rules', () => {
  it('counts calendar days, across months and years', () => {
    expect(daysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-12-07', '2026-12-01')).toBe(-6);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('takes the nearest validity threshold reached, never a missed earlier one', () => {
    const thresholds = [30, 7, 1];
    expect(validityThreshold(31, thresholds)).toBeNull();
    expect(validityThreshold(30, thresholds)).toBe(30);
    expect(validityThreshold(8, thresholds)).toBe(30);
    expect(validityThreshold(5, thresholds)).toBe(7);
    expect(validityThreshold(1, thresholds)).toBe(1);
    expect(validityThreshold(0, thresholds)).toBe(1);
    expect(validityThreshold(-1, thresholds)).toBeNull();
  });

  it('takes the largest waiting threshold passed', () => {
    const received = new Date('2026-12-07T01:00:00Z');
    expect(waitingThreshold(received, new Date('2026-12-07T04:59:59Z'), [4])).toBeNull();
    expect(waitingThreshold(received, new Date('2026-12-07T05:00:00Z'), [4])).toBe(4);
    expect(waitingThreshold(received, new Date('2026-12-08T05:00:00Z'), [24, 4])).toBe(24);
    expect(waitingSince(new Date('2026-12-07T05:00:00Z'), [24, 4]).toISOString()).toBe('2026-12-07T01:00:00.000Z');
  });

  it('keys each reminder on its thing and threshold', () => {
    expect(validityDedupeKey('d1', '2027-01-31', 7)).toBe('validity_ending:d1:2027-01-31:7');
    expect(waitingDedupeKey('i1', 4)).toBe('intake_waiting:i1:4');
    expect(validityTitle(0, '2027-01-31', 'x')).toContain('hết hiệu lực hôm nay');
    expect(validityTitle(5, '2027-01-31', 'x')).toContain('còn 5 ngày, hết hiệu lực ngày 31/01/2027');
  });

  it('names the outgoing side in its key and title', () => {
    expect(outgoingValidityDedupeKey('o1', '2027-01-31', 30)).toBe('outgoing_validity_ending:o1:2027-01-31:30');
    expect(validityTitle(5, '2027-01-31', '05/QĐ-SGDĐT — x', 'Văn bản đi')).toBe('Văn bản đi sắp hết hiệu lực (còn 5 ngày, hết hiệu lực ngày 31/01/2027): 05/QĐ-SGDĐT — x');
    expect(validityTitle(5, '2027-01-31', 'x')).toMatch(/^Văn bản đến /);
  });
});
