// Cài đặt nhận thông báo: for each kind of notification, whether it is e-mailed at once, gathered in
// the daily digest e-mail or only shown in the app. Urgent documents are e-mailed at once whatever
// is chosen (the API says so, and the page repeats it). Only changed kinds are sent.
import { Alert, App, Button, Card, Radio, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  saveNotificationPreferences,
  useNotificationPreferences,
  type NotificationChoice,
  type NotificationDelivery,
} from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';

const DELIVERIES: { value: NotificationDelivery; label: string }[] = [
  { value: 'immediate', label: 'Gửi e-mail ngay' },
  { value: 'digest', label: 'Tổng hợp hằng ngày' },
  { value: 'in_app', label: 'Chỉ trong ứng dụng' },
];

type Row = { kind: NotificationChoice['kind']; label: string; delivery: NotificationDelivery };

export function NotificationSettingsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preferences = useNotificationPreferences();
  const [changed, setChanged] = useState<Partial<Record<Row['kind'], NotificationDelivery>>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const rows: Row[] = (preferences.data?.items ?? []).map((p) => ({ kind: p.kind, label: p.label, delivery: changed[p.kind] ?? p.delivery }));
  const save = async () => {
    const items = Object.entries(changed).map(([kind, delivery]) => ({ kind, delivery }) as NotificationChoice);
    setSaving(true);
    setError(undefined);
    try {
      await saveNotificationPreferences(items);
      await queryClient.invalidateQueries({ queryKey: ['notification-preferences'] });
      setChanged({});
      void message.success('Đã lưu cài đặt nhận thông báo');
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Cài đặt nhận thông báo
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/notifications">← Thông báo</Link>
        {preferences.data?.urgentAlwaysImmediate && (
          <Alert type="info" showIcon title="Văn bản khẩn, thượng khẩn, hỏa tốc luôn được gửi e-mail ngay, dù chọn cách nào." />
        )}
        <ErrorAlert error={error ?? preferences.error} />
        <Table<Row>
          rowKey="kind"
          size="middle"
          pagination={false}
          loading={preferences.isFetching && !preferences.data}
          dataSource={rows}
          data-testid="notification-preferences"
          columns={[
            { title: 'Loại thông báo', dataIndex: 'label', key: 'label' },
            {
              title: 'Cách nhận',
              key: 'delivery',
              render: (_, row) => (
                <Radio.Group
                  aria-label={`Cách nhận: ${row.label}`}
                  value={row.delivery}
                  options={DELIVERIES}
                  onChange={(e) => setChanged((c) => ({ ...c, [row.kind]: e.target.value as NotificationDelivery }))}
                />
              ),
            },
          ]}
        />
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={Object.keys(changed).length === 0}>
          Lưu cài đặt
        </Button>
      </Space>
    </Card>
  );
}
