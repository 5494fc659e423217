// Thông báo: the person's notifications, newest first, unread ones marked; opening one goes to the
// page it is about and marks it read; "Đánh dấu đã đọc" marks it read without leaving.
import { Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { markRead, notificationKeys, notificationLink, useNotifications, type Notification } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>();
  const list = useNotifications(unread, page);
  const read = async (n: Notification) => {
    if (n.readAt) return;
    setError(undefined);
    try {
      await markRead(n.id);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Thông báo
      </Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Link to="/notifications/settings">Cài đặt nhận thông báo</Link>
        <Switch
          id="unread-only"
          checked={unread}
          onChange={(v) => (setUnread(v), setPage(1))}
          aria-label="Chỉ thông báo chưa đọc"
        />
        <label htmlFor="unread-only">Chỉ thông báo chưa đọc</label>
      </Space>
      <ErrorAlert error={error ?? list.error} />
      <Table<Notification>
        rowKey="id"
        size="middle"
        showHeader={false}
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: unread ? 'Không có thông báo chưa đọc' : 'Chưa có thông báo nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid="notifications"
        onRow={(n) => ({ 'data-testid': 'notification', 'data-read': n.readAt ? 'yes' : 'no' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Thông báo',
            key: 'title',
            render: (_, n) => {
              const link = notificationLink(n);
              return (
                <Space wrap>
                  {!n.readAt && <Tag color="#0050b3">Mới</Tag>}
                  {link ? <Link to={link} onClick={() => void read(n)}>{n.title}</Link> : n.title}
                </Space>
              );
            },
          },
          { title: 'Lúc', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: 'Đánh dấu',
            key: 'read',
            width: 150,
            render: (_, n) =>
              n.readAt ? null : (
                <Button size="small" onClick={() => void read(n)} aria-label={`Đánh dấu đã đọc: ${n.title}`}>
                  Đánh dấu đã đọc
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
