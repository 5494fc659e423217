import { Tag } from 'antd';
import { RUN_STATUS } from './operation-labels';

export function RunStatus({ status }: { status: string }) {
  const known = RUN_STATUS[status] ?? { label: status, color: '#434343' };
  return (
    <Tag color={known.color} data-testid="run-status">
      {known.label}
    </Tag>
  );
}
