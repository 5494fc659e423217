import type { CalendarException } from './calendar-exceptions';

/**
 * Built-in days off and make-up working days for state agencies (cơ quan hành chính nhà nước),
 * 2024–2027. Weekends are not listed (they are off anyway); only weekdays off and weekend
 * working days are.
 *
 * The rules (Labour Code 2019, Bộ luật Lao động 45/2019/QH14):
 * - Art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4;
 *   1/5; Quốc khánh 2/9 plus one adjacent day (1/9 or 3/9) — the second Quốc khánh day dates
 *   from this 2019 Code (in force 2021), not from 2025.
 * - Art. 111(3): a holiday that falls on a weekly rest day is compensated on the next working day.
 * - Art. 112(3): each year the Prime Minister fixes the Tết days and the adjacent Quốc khánh day.
 *   The Prime Minister also often swaps working days for civil servants (hoán đổi ngày làm việc:
 *   a weekday between a holiday and a weekend is taken off and repaid on a Saturday).
 *
 * Sources, marked on every entry:
 * - "official notice …": the Prime Minister's decision, conveyed by a Government Office
 *   dispatch (văn bản …/VPCP-KGVX) and announced by the Ministry of Labour (Bộ LĐTB&XH), from
 *   March 2025 the Ministry of Home Affairs (Bộ Nội vụ). Numbers and contents were taken from
 *   press reports quoting those dispatches; the dispatch texts themselves were not read.
 * - "Labour Code …": a day fixed by law on a weekday, for which no different decision was found.
 * - "computed …": 2027, for which no decision existed when this was written. Check each entry
 *   against the 2027 notices (usually out in Q4 2026) and fix it with an override.
 *
 * Not included: Ngày Văn hóa Việt Nam (24/11). Politburo Resolution 80-NQ/TW (7 Jan 2026) wants
 * it to become a paid day off and Government Resolution 30/NQ-CP (Feb 2026) tasks amending
 * Labour Code Art. 112(1); until that amendment is in force it is a normal working day. Add it
 * as an override (24/11/2026 is a Tuesday, 24/11/2027 a Wednesday) once it is.
 */
export type HolidayScheduleStatus = 'official' | 'computed';

/** How far each built-in year can be trusted; years not listed count weekends only. */
export const VIETNAM_SCHEDULE_STATUS: Readonly<Record<number, HolidayScheduleStatus>> = {
  2024: 'official',
  2025: 'official',
  2026: 'official',
  2027: 'computed',
};

const LAW = 'Labour Code 2019 Art. 112(1): date fixed by law; no different decision found for the year';
const COMPENSATION = 'Labour Code 2019 Art. 111(3): the holiday falls on a weekend, compensated on the next working day; no different decision found for the year';
const COMPUTED = "computed from Labour Code 2019 Art. 112; the Government's decision for the year may differ";

const NOTICE_2024_TET = 'official notice 8662/VPCP-KGVX (2023): Tết 8–14/02/2024 and Quốc khánh 31/08–03/09/2024, announced by Bộ LĐTB&XH';
const NOTICE_2024_APRIL = 'official notice 2450/VPCP-KGVX of 12/04/2024: Monday 29/04 swapped with Saturday 04/05/2024';
const NOTICE_2025 = 'official notice 8726/VPCP-KGVX of 26/11/2024: Tết 25/01–02/02, 30/04–04/05 (make-up Saturday 26/04) and Quốc khánh 30/08–02/09/2025';
const NOTICE_2026_NEW_YEAR = 'official notice 12729/VPCP-KGVX of 25/12/2025: Friday 02/01 swapped with Saturday 10/01/2026';
const NOTICE_2026 = 'official notice: Government Office dispatch of October 2025 (number not verified), Bộ Nội vụ proposal: Tết 14–22/02 and Quốc khánh 29/08–02/09/2026 (make-up Saturday 22/08)';

const TET = 'Tết Nguyên đán';
const TET_COMPENSATION = 'Tết Nguyên đán (nghỉ bù)';
const NEW_YEAR = 'Tết Dương lịch';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương';
const REUNIFICATION = 'Ngày Chiến thắng 30/4';
const LABOUR_DAY = 'Ngày Quốc tế Lao động 1/5';
const NATIONAL_DAY = 'Quốc khánh 2/9';

function off(source: string, name: string, ...dates: string[]): CalendarException[] {
  return dates.map((date) => ({ date, kind: 'holiday', name, source }));
}

function makeUp(source: string, date: string, replacedDay: string): CalendarException[] {
  return [{ date, kind: 'working_day', name: `Làm bù cho ngày nghỉ ${replacedDay}`, source }];
}

const YEAR_2024: CalendarException[] = [
  ...off(LAW, NEW_YEAR, '2024-01-01'),
  // Tết (10/02, a Saturday): 29 and 30 Tết, mùng 1–3; mùng 1–2 fell on the weekend.
  ...off(NOTICE_2024_TET, TET, '2024-02-08', '2024-02-09', '2024-02-12'),
  ...off(NOTICE_2024_TET, TET_COMPENSATION, '2024-02-13', '2024-02-14'),
  ...off(LAW, HUNG_KINGS, '2024-04-18'),
  ...off(NOTICE_2024_APRIL, 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)', '2024-04-29'),
  ...off(LAW, REUNIFICATION, '2024-04-30'),
  ...off(LAW, LABOUR_DAY, '2024-05-01'),
  ...makeUp(NOTICE_2024_APRIL, '2024-05-04', 'thứ Hai 29/04/2024'),
  ...off(NOTICE_2024_TET, NATIONAL_DAY, '2024-09-02', '2024-09-03'),
];

const YEAR_2025: CalendarException[] = [
  ...off(LAW, NEW_YEAR, '2025-01-01'),
  // Tết (29/01, a Wednesday): 28 Tết to mùng 3, all weekdays.
  ...off(NOTICE_2025, TET, '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
  ...off(LAW, HUNG_KINGS, '2025-04-07'),
  ...makeUp(NOTICE_2025, '2025-04-26', 'thứ Sáu 02/05/2025'),
  ...off(LAW, REUNIFICATION, '2025-04-30'),
  ...off(LAW, LABOUR_DAY, '2025-05-01'),
  ...off(NOTICE_2025, 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)', '2025-05-02'),
  ...off(NOTICE_2025, NATIONAL_DAY, '2025-09-01', '2025-09-02'),
];

const YEAR_2026: CalendarException[] = [
  ...off(LAW, NEW_YEAR, '2026-01-01'),
  ...off(NOTICE_2026_NEW_YEAR, 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', '2026-01-02'),
  ...makeUp(NOTICE_2026_NEW_YEAR, '2026-01-10', 'thứ Sáu 02/01/2026'),
  // Tết (17/02, a Tuesday): 29 Tết to mùng 4, all weekdays.
  ...off(NOTICE_2026, TET, '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
  // Giỗ Tổ falls on Sunday 26/04; press reports of Feb–Mar 2026 found no swap decided.
  ...off(COMPENSATION, `${HUNG_KINGS} (nghỉ bù)`, '2026-04-27'),
  ...off(LAW, REUNIFICATION, '2026-04-30'),
  ...off(LAW, LABOUR_DAY, '2026-05-01'),
  ...makeUp(NOTICE_2026, '2026-08-22', 'thứ Hai 31/08/2026'),
  ...off(NOTICE_2026, 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)', '2026-08-31'),
  ...off(NOTICE_2026, NATIONAL_DAY, '2026-09-01', '2026-09-02'),
];

// 2027, computed. Tết falls on Saturday 06/02 as in 2024, so the 2024 pattern is followed:
// 2 days before Tết and 3 from mùng 1, the 2 weekend days compensated → Thursday 04/02 to
// Wednesday 10/02. The Quốc khánh extra day is taken on Friday 03/09 to join the weekend, as
// the Government has chosen whenever the law leaves the choice (2024: 3/9, 2025: 1/9, 2026: 1/9).
const YEAR_2027: CalendarException[] = [
  ...off(COMPUTED, NEW_YEAR, '2027-01-01'),
  ...off(COMPUTED, TET, '2027-02-04', '2027-02-05', '2027-02-08'),
  ...off(COMPUTED, TET_COMPENSATION, '2027-02-09', '2027-02-10'),
  ...off(COMPUTED, HUNG_KINGS, '2027-04-16'),
  ...off(COMPUTED, REUNIFICATION, '2027-04-30'),
  // 1/5 is a Saturday.
  ...off(COMPUTED, `${LABOUR_DAY} (nghỉ bù)`, '2027-05-03'),
  ...off(COMPUTED, NATIONAL_DAY, '2027-09-02', '2027-09-03'),
];

export const VIETNAM_DEFAULT_EXCEPTIONS: readonly CalendarException[] = Object.freeze([...YEAR_2024, ...YEAR_2025, ...YEAR_2026, ...YEAR_2027]);
