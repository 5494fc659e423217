// Văn bản đi: "chờ tôi xử lý" (the drafts, reviews, signatures, numbers and dispatches waiting for
// this person: GET /outgoing/waiting) and every outgoing document the person may see.
import { Button, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useOutgoingList, useOutgoingWaiting, type OutgoingListQuery } from '../../api/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OutgoingTable } from '../../components/OutgoingTable';
import { hasRole, useProfile } from '../../session/SessionContext';
import { SignBatchBar, waitsForMySignature } from './SignBatchBar';

function Waiting() {
  const profile = useProfile();
  const [query, setQuery] = useState<OutgoingListQuery>({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const list = useOutgoingWaiting(query);
  // A leader ticks the drafts waiting for their signature and signs them at once (ký hàng loạt).
  const leader = hasRole(profile, 'leader');
  const subjects = new Map((list.data?.items ?? []).map((i) => [i.id, i.subject]));
  return (
    <>
      <ErrorAlert error={list.error} />
      {leader && <SignBatchBar selected={selected} subjects={subjects} onDone={() => setSelected([])} />}
      <OutgoingTable
        data={list.data}
        loading={list.isFetching && !list.data}
        onPage={(page, pageSize) => setQuery({ page, pageSize })}
        selection={leader ? { selectable: (item) => waitsForMySignature(item, profile.id), selected, onChange: setSelected } : undefined}
      />
    </>
  );
}

function All() {
  const [query, setQuery] = useState<OutgoingListQuery>({ page: 1, pageSize: 20 });
  const list = useOutgoingList(query);
  return (
    <>
      <Input.Search
        aria-label="Tìm văn bản đi"
        placeholder="Trích yếu, số ký hiệu"
        allowClear
        enterButton="Tìm"
        style={{ maxWidth: 420, marginBottom: 16 }}
        onSearch={(q) => setQuery({ page: 1, pageSize: query.pageSize, q: q.trim() || undefined })}
      />
      <ErrorAlert error={list.error} />
      <OutgoingTable data={list.data} loading={list.isFetching && (list.isPlaceholderData || !list.data)} onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))} />
    </>
  );
}

export function OutgoingListPage() {
  const profile = useProfile();
  const navigate = useNavigate();
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          Văn bản đi
        </Typography.Title>
        {hasRole(profile, 'officer', 'leader') && (
          <Button type="primary" onClick={() => navigate('/outgoing/new')}>
            Soạn văn bản đi
          </Button>
        )}
      </Space>
      <Tabs
        items={[
          { key: 'waiting', label: 'Chờ tôi xử lý', children: <Waiting /> },
          { key: 'all', label: 'Tất cả', children: <All /> },
        ]}
      />
    </>
  );
}
