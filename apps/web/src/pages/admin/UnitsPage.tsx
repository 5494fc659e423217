// Cơ cấu tổ chức: the organisation tree as the API orders it (depth 0 for the root agency), with
// each unit's head. An administrator adds a unit, renames it (name, code, địa danh) and names its
// head, and for an agency its own intake mailbox (hộp thư tiếp nhận). Moving a unit under another parent is not offered: the API has no route for it.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../api/directory';
import type { Unit } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitDialog, UnitHeadDialog } from './UnitDialogs';
import { IntakeMailboxDialog } from './IntakeMailboxDialog';
import { EmptyText } from '../../components/EmptyText';

type Editing = { mode: 'create'; parent?: Unit } | { mode: 'rename' | 'head' | 'mailbox'; unit: Unit } | undefined;

export function UnitsPage() {
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>();
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          Cơ cấu tổ chức
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          Thêm đơn vị
        </Button>
      </Space>
      <ErrorAlert error={units.error} />
      <Table<Unit>
        rowKey="id"
        loading={units.isFetching && !units.data}
        dataSource={units.data?.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyText>{'Chưa có đơn vị nào'}</EmptyText> }}
        columns={[
          {
            title: 'Tên đơn vị',
            key: 'name',
            render: (_, u) => <span style={{ paddingLeft: (u.depth ?? 0) * 24, fontWeight: u.kind === 'agency' ? 600 : undefined }}>{u.name}</span>,
          },
          { title: 'Mã', dataIndex: 'code' },
          { title: 'Loại', key: 'kind', render: (_, u) => (u.kind === 'agency' ? <Tag color="#0050b3">Cơ quan</Tag> : <Tag>Phòng, ban</Tag>) },
          { title: 'Người đứng đầu', key: 'head', render: (_, u) => u.headFullName ?? '—' },
          { title: 'Địa danh', dataIndex: 'placeName' },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, u) => (
              <Space wrap size="small">
                <Button size="small" onClick={() => setEditing({ mode: 'rename', unit: u })} aria-label={`Sửa ${u.name}`}>
                  Sửa
                </Button>
                <Button size="small" onClick={() => setEditing({ mode: 'head', unit: u })} aria-label={`Người đứng đầu ${u.name}`}>
                  Người đứng đầu
                </Button>
                <Button size="small" onClick={() => setEditing({ mode: 'create', parent: u })} aria-label={`Thêm đơn vị trực thuộc ${u.name}`}>
                  Thêm trực thuộc
                </Button>
                {u.kind === 'agency' && (
                  <Button size="small" onClick={() => setEditing({ mode: 'mailbox', unit: u })} aria-label={`Hộp thư tiếp nhận ${u.name}`}>
                    Hộp thư tiếp nhận
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing?.mode === 'create' && <UnitDialog parent={editing.parent} onClose={() => setEditing(undefined)} />}
      {editing?.mode === 'rename' && <UnitDialog unit={editing.unit} onClose={() => setEditing(undefined)} />}
      {editing?.mode === 'head' && <UnitHeadDialog unit={editing.unit} onClose={() => setEditing(undefined)} />}
      {editing?.mode === 'mailbox' && <IntakeMailboxDialog unit={editing.unit} onClose={() => setEditing(undefined)} />}
    </>
  );
}
