import { EdxmlRefusal, fieldInvalid } from './edxml-errors';

const ORGAN_ID = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * OrganId of QCVN 102 (`DDD.CC.BB.Xnn`): the shape only, with the rule that a used group never
 * sits left of an unused one. The directory (libs/accounts) applies the same rule to what it stores.
 */
export function checkOrganId(value: string, field: string): string {
  if (value.length !== 13 || !ORGAN_ID.test(value)) throw fieldInvalid(field, 'OrganId phải có dạng DDD.CC.BB.Xnn');
  const [d, c, b] = value.split('.');
  if ((Number(d) > 0 && (Number(c) === 0 || Number(b) === 0)) || (Number(c) > 0 && Number(b) === 0)) {
    throw fieldInvalid(field, 'OrganId có cấp dưới mà thiếu cấp trên (a lower level without its parent)');
  }
  return value;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function checkDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (!match || !date || date.toISOString().slice(0, 10) !== value) throw fieldInvalid(field, 'ngày phải có dạng YYYY-MM-DD');
  return value;
}

/** Today in Vietnam (UTC+7, no daylight saving): the calendar a promulgation date is written in. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A document cannot be promulgated after the day it arrives. */
export function checkNotFuture(date: string, field: string, now: Date): void {
  if (date > vietnamToday(now)) {
    throw new EdxmlRefusal('EDXML_FUTURE_DATE', `Ngày ban hành ${date} ở tương lai (the promulgation date is after today)`, field);
  }
}

export function checkEmail(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value)) throw fieldInvalid(field, 'địa chỉ thư không hợp lệ');
  return value;
}

/** Each recipient once: a duplicated To would make two copies of one document at one agency. */
export function checkDistinctRecipients(organIds: string[]): void {
  const seen = new Set<string>();
  for (const id of organIds) {
    if (seen.has(id)) throw new EdxmlRefusal('EDXML_DUPLICATE_RECIPIENT', `Nơi nhận ${id} lặp lại trong gói tin (duplicate To)`, 'MessageHeader/To');
    seen.add(id);
  }
}
