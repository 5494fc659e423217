import { AppError } from '@eoffice/core';
import { DEFAULT_RETENTION_SCHEDULE, RetentionSchedule } from './retention-schedule';

describe('retention schedule (thời hạn bảo quản by kind of document)', () => {
  const schedule = new RetentionSchedule(DEFAULT_RETENTION_SCHEDULE);

  it('takes the retention given, else the kind of document, else the default', () => {
    expect(schedule.resolve({ retentionYears: 3, documentType: 'Quyết định' })).toEqual({ permanent: false, retentionYears: 3, from: 'given' });
    expect(schedule.resolve({ documentType: 'quyết  định' })).toEqual({ permanent: true, retentionYears: null, from: 'schedule' });
    expect(schedule.resolve({ documentType: 'Báo cáo quý' })).toEqual({ permanent: false, retentionYears: 5, from: 'schedule' });
    expect(schedule.resolve({ documentType: 'Báo cáo năm' })).toEqual({ permanent: true, retentionYears: null, from: 'schedule' });
    expect(schedule.resolve({ documentType: 'Công văn' })).toEqual({ permanent: false, retentionYears: 10, from: 'schedule' });
    expect(schedule.resolve({})).toEqual({ permanent: false, retentionYears: 10, from: 'default' });
  });

  it('refuses a kind it does not know, and a half-given retention', () => {
    expect(() => schedule.resolve({ documentType: 'Thư riêng' })).toThrow(expect.objectContaining({ status: 422, code: 'RETENTION_TYPE_UNKNOWN' }));
    expect(() => schedule.resolve({ permanent: false })).toThrow(AppError);
  });

  it('refuses a malformed file at start', () => {
    expect(() => new RetentionSchedule({ default: { retentionYears: 0 }, types: [] })).toThrow(/default/);
    expect(() => new RetentionSchedule({ default: { permanent: true }, types: [{ documentType: 'A', retentionYears: 5 }, { documentType: ' a ', permanent: true }] })).toThrow(/twice/);
    expect(() => new RetentionSchedule({ default: { permanent: true }, types: [{ documentType: 'A', permanent: true, retentionYears: 5 }] })).toThrow(/line 1/);
  });
});
