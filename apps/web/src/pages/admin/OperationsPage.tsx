// Vận hành: backups and restore drills, the worker's schedules and failed jobs, the audit chain's
// check and checkpoints, the files' fixity, unused accounts, the queue dashboard — each tab loads its data when first opened.
import { Tabs, Typography } from 'antd';
import { AuditTab, JobsTab } from './OperationsTabs';
import { BackupsTab, DrillsTab } from './BackupsTabs';
import { FixityTab, UnusedAccountsTab } from './IntegrityTabs';

export function OperationsPage() {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Vận hành hệ thống
      </Typography.Title>
      <Tabs
        items={[
          { key: 'backups', label: 'Sao lưu', children: <BackupsTab /> },
          { key: 'drills', label: 'Diễn tập khôi phục', children: <DrillsTab /> },
          { key: 'jobs', label: 'Tác vụ nền', children: <JobsTab /> },
          { key: 'audit', label: 'Nhật ký kiểm toán', children: <AuditTab /> },
          { key: 'fixity', label: 'Toàn vẹn tệp', children: <FixityTab /> },
          { key: 'unused', label: 'Tài khoản không dùng', children: <UnusedAccountsTab /> },
        ]}
      />
    </>
  );
}
