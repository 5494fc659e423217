// Người dùng: everyone with an account, searched by name, position, username or unit (the API folds
// diacritics: "nguyen van" finds "Nguyễn Văn"), filtered by role, unit and state; hiring from here.
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, usePeople, type PeopleQuery, type UserSummary } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { options } from '../../components/labels';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../dates';
import { HireDialog } from './HireDialog';
import { EmptyText } from '../../components/EmptyText';

const STATES = { true: 'Đang làm việc', false: 'Đã khóa / nghỉ' };

export function PeoplePage() {
  const [query, setQuery] = useState<PeopleQuery>({ page: 1, pageSize: 20 });
  const [hiring, setHiring] = useState(false);
  const people = usePeople(query);
  const change = (patch: Partial<PeopleQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          Người dùng
        </Typography.Title>
        <Button type="primary" onClick={() => setHiring(true)}>
          Thêm người dùng
        </Button>
      </Space>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Tìm kiếm" htmlFor="people-search">
          <Input.Search id="people-search" allowClear placeholder="Họ tên, chức vụ, tên đăng nhập, đơn vị" onSearch={(q) => change({ q: q.trim() || undefined })} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item label="Vai trò" htmlFor="people-role">
          <Select id="people-role" allowClear placeholder="Tất cả" style={{ width: 180 }} options={options(ROLE_LABELS)} onChange={(role?: PeopleQuery['role']) => change({ role })} />
        </Form.Item>
        <Form.Item label="Đơn vị" htmlFor="people-unit" style={{ minWidth: 260 }}>
          <UnitPicker id="people-unit" value={query.unitId} onChange={(unitId) => change({ unitId })} />
        </Form.Item>
        <Form.Item label="Trạng thái" htmlFor="people-active">
          <Select
            id="people-active"
            allowClear
            placeholder="Tất cả"
            style={{ width: 180 }}
            options={options(STATES)}
            onChange={(v?: string) => change({ active: v === undefined ? undefined : v === 'true' })}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={people.error} />
      <Table<UserSummary>
        rowKey="id"
        loading={people.isFetching && !people.data}
        dataSource={people.data?.items}
        locale={{ emptyText: <EmptyText>{'Không có người dùng nào'}</EmptyText> }}
        scroll={{ x: 900 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: people.data?.total,
          showTotal: (total) => `${total} người`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          { title: 'Họ và tên', key: 'fullName', render: (_, u) => <Link to={`/admin/people/${u.id}`}>{u.fullName}</Link> },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Chức vụ', dataIndex: 'position' },
          { title: 'Đơn vị', key: 'unit', render: (_, u) => u.unit?.name },
          { title: 'Vai trò', key: 'roles', render: (_, u) => <RoleTags roles={u.roles} /> },
          { title: 'Trạng thái', key: 'state', render: (_, u) => <AccountState user={u} /> },
          { title: 'Đăng nhập gần nhất', key: 'lastLoginAt', render: (_, u) => formatDateTime(u.lastLoginAt) },
        ]}
      />
      <HireDialog open={hiring} onClose={() => setHiring(false)} />
    </>
  );
}

export function RoleTags({ roles }: { roles: UserSummary['roles'] }) {
  return (
    <>
      {roles.map((r) => (
        <Tag key={r}>{ROLE_LABELS[r]}</Tag>
      ))}
    </>
  );
}

/** Active, locked out for now, or deactivated — dark tag colours (WCAG AA with white text). */
export function AccountState({ user }: { user: UserSummary }) {
  if (!user.active) return <Tag color="#434343">Đã khóa</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Tag color="#a8071a">Tạm khóa đến {formatDateTime(user.lockedUntil)}</Tag>;
  if (user.mustChangePassword) return <Tag color="#ad4e00">Chờ đổi mật khẩu</Tag>;
  return <Tag color="#237804">Đang hoạt động</Tag>;
}
