import { parsePlaceDate } from './place-date';

describe('place and date line', () => {
  it('reads the place and the ISO date', () => {
    expect(parsePlaceDate('Tây Ninh, ngày 05 tháng 01 năm 2027')).toEqual({ place: 'Tây Ninh', date: '2027-01-05' });
    expect(parsePlaceDate('TP. Hồ Chí Minh, ngày 9 tháng 12 năm 2026')).toEqual({ place: 'TP. Hồ Chí Minh', date: '2026-12-09' });
  });

  it('reads OCR’s tone mistakes and letters for digits', () => {
    expect(parsePlaceDate('Hà Nội, ngảy l5 thảng O3 nam 2O27')).toEqual({ place: 'Hà Nội', date: '2027-03-15' });
    expect(parsePlaceDate('ngày 05 tháng 01 năm 2027')).toEqual({ place: null, date: '2027-01-05' });
  });

  it('refuses an impossible date and a line that is not one', () => {
    expect(parsePlaceDate('Tây Ninh, ngày 30 tháng 02 năm 2027')).toBeNull();
    expect(parsePlaceDate('Độc lập - Tự do - Hạnh phúc')).toBeNull();
  });
});
