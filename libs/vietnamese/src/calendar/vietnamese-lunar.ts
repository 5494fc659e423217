import { CalendarDateError, formatDayNumber } from './calendar-date';

/**
 * Vietnamese lunar calendar (âm lịch) → civil date, for Tết (1/1 lunar) and Giỗ Tổ Hùng Vương
 * (10/3 lunar). Used to check the built-in holiday data and to prepare a new year's defaults.
 *
 * This is Hồ Ngọc Đức's published method: new moons and solar terms from the truncated series
 * in Jean Meeus, "Astronomical Algorithms", evaluated at Vietnam's UTC+07:00. The zone matters:
 * Tết 2007 was 17 Feb in Vietnam and 18 Feb in China (UTC+08:00), and Tết 1985 a month apart.
 */
const VIETNAM_UTC_OFFSET_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the origin of lunation numbers k. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, the origin of CalendarDate day numbers. */
const UNIX_EPOCH_JDN = 2440588;
const DEG = Math.PI / 180;

/**
 * The civil date (`YYYY-MM-DD`) of lunar `day`/`month` in lunar year `lunarYear` (the year in
 * which that lunar month begins for months 1–10). `leapMonth` selects the leap copy (tháng nhuận).
 */
export function lunarToSolar(day: number, month: number, lunarYear: number, leapMonth = false, utcOffsetHours = VIETNAM_UTC_OFFSET_HOURS): string {
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarDateError(`lunar ${day}/${month}/${lunarYear} is not a lunar date`);
  }
  const [a11, b11] = month < 11 ? [month11(lunarYear - 1, utcOffsetHours), month11(lunarYear, utcOffsetHours)] : [month11(lunarYear, utcOffsetHours), month11(lunarYear + 1, utcOffsetHours)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const offset = monthOffset(month, leapMonth, a11, b11, lunarYear, utcOffsetHours);
  return formatDayNumber(newMoonDay(k + offset, utcOffsetHours) + day - 1 - UNIX_EPOCH_JDN);
}

/** Lunations from month 11 of the previous lunar year to `month`, counting a leap month in between. */
function monthOffset(month: number, leapMonth: boolean, a11: number, b11: number, lunarYear: number, tz: number): number {
  const offset = (month - 11 + 12) % 12;
  // A year between two months 11 that holds 13 new moons has a leap month.
  if (b11 - a11 <= 365) {
    if (leapMonth) throw new CalendarDateError(`lunar year ${lunarYear} has no leap month`);
    return offset;
  }
  const leapOffset = leapMonthOffset(a11, tz);
  const leapMonthNumber = (leapOffset - 2 + 12) % 12;
  if (leapMonth && month !== leapMonthNumber) throw new CalendarDateError(`lunar year ${lunarYear} has no leap month ${month}`);
  return leapMonth || offset >= leapOffset ? offset + 1 : offset;
}

/** Julian day number of the day (in the given zone) holding the k-th new moon after 1900-01-01. */
function newMoonDay(k: number, tz: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction = newMoonCorrection(t, sunAnomaly * DEG, moonAnomaly * DEG, latitude * DEG);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return Math.floor(mean + correction - deltaT + 0.5 + tz / 24);
}

function newMoonCorrection(t: number, m: number, mp: number, f: number): number {
  const sin = Math.sin;
  return (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m) - 0.4068 * sin(mp) + 0.0161 * sin(2 * mp) - 0.0004 * sin(3 * mp)
    + 0.0104 * sin(2 * f) - 0.0051 * sin(m + mp) - 0.0074 * sin(m - mp) + 0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m)
    - 0.0006 * sin(2 * f + mp) + 0.001 * sin(2 * f - mp) + 0.0005 * sin(2 * mp + m);
}

/** Sector 0–11 (30° each) of the sun's longitude at the start of day `jdn` in the given zone. */
function sunLongitudeSector(jdn: number, tz: number): number {
  const t = (jdn - 2451545.5 - tz / 24) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.00029 * Math.sin(3 * anomaly);
  let longitude = (meanLongitude + center) * DEG;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** Julian day number of the start of lunar month 11 (the one holding the winter solstice) of `year`. */
function month11(year: number, tz: number): number {
  const k = Math.floor((julianDayNumber(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const newMoon = newMoonDay(k, tz);
  return sunLongitudeSector(newMoon, tz) >= 9 ? newMoonDay(k - 1, tz) : newMoon;
}

/** Position after month 11 of the first month without a major solar term: that one is the leap month. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}
