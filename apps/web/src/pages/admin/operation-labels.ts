// Vietnamese names of the operations' states, and sizes as people read them.
export const RUN_STATUS: Record<string, { label: string; color: string }> = {
  queued: { label: 'Chờ chạy', color: '#434343' },
  running: { label: 'Đang chạy', color: '#0050b3' },
  succeeded: { label: 'Thành công', color: '#237804' },
  passed: { label: 'Đạt', color: '#237804' },
  completed: { label: 'Xong', color: '#237804' },
  failed: { label: 'Thất bại', color: '#a8071a' },
};

export const TRIGGER_LABELS: Record<string, string> = { manual: 'Chạy tay', schedule: 'Theo lịch' };

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
}
