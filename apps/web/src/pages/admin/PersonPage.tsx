// One person's account: who they are and where they worked (quá trình công tác), and what an
// administrator may change — transfer (điều chuyển), roles, leave (khóa) and return, a new one-time
// password, a new second factor.
import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { usePerson, type UserDetail } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../dates';
import { PageLoading } from '../../routing/lazy-page';
import { NotFoundPage } from '../NotFoundPage';
import { AccountState, RoleTags } from './PeoplePage';
import { AccessActions, RolesAction, TransferAction } from './PersonActions';
import { EmptyText } from '../../components/EmptyText';

type Membership = UserDetail['memberships'][number];

/** Why a membership ended, as the API records it. */
const END_REASONS: Record<string, string> = { transfer: 'Điều chuyển', deactivation: 'Khóa tài khoản' };

export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (person.isLoading) return <PageLoading />;
  if (person.error && (person.error as { status?: number }).status === 404) return <NotFoundPage />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  const user = person.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {user.fullName}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label="Tên đăng nhập">{user.username}</Descriptions.Item>
        <Descriptions.Item label="Thư điện tử">{user.email}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{user.unit?.name}</Descriptions.Item>
        <Descriptions.Item label="Chức vụ">{user.position}</Descriptions.Item>
        <Descriptions.Item label="Vai trò">
          <RoleTags roles={user.roles} />
        </Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <span data-testid="account-state">
            <AccountState user={user} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="Đăng nhập gần nhất">{formatDateTime(user.lastLoginAt) || 'Chưa đăng nhập'}</Descriptions.Item>
        <Descriptions.Item label="Ngày tạo">{formatDate(user.createdAt)}</Descriptions.Item>
        {!user.active && <Descriptions.Item label="Lý do khóa">{user.deactivationReason}</Descriptions.Item>}
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title="Vai trò" size="small">
            <RolesAction user={user} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Điều chuyển" size="small">
            <TransferAction user={user} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Tài khoản" size="small">
            <AccessActions user={user} />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        Quá trình công tác
      </Typography.Title>
      <Table<Membership>
        rowKey={(m) => `${m.unitId}-${m.startedAt}`}
        size="small"
        pagination={false}
        dataSource={user.memberships}
        locale={{ emptyText: <EmptyText>{'Chưa có'}</EmptyText> }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Chức vụ', dataIndex: 'position' },
          { title: 'Từ ngày', key: 'from', render: (_, m) => formatDate(m.startedAt) },
          { title: 'Đến ngày', key: 'to', render: (_, m) => formatDate(m.endedAt) },
          { title: 'Lý do', key: 'endReason', render: (_, m) => (m.endReason ? (END_REASONS[m.endReason] ?? m.endReason) : '') },
        ]}
      />
    </>
  );
}
