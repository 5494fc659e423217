// Việc cần xử lý: what waits for me — to assign (leaders), to handle (officers), to route (clerks).
import { Typography } from 'antd';
import { useState } from 'react';
import { useInbox, type ListQuery } from '../../api/incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IncomingTable } from '../../components/IncomingTable';

export function InboxPage() {
  const [query, setQuery] = useState<ListQuery>({ page: 1, pageSize: 20 });
  const inbox = useInbox(query);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Việc cần xử lý
      </Typography.Title>
      <ErrorAlert error={inbox.error} />
      <IncomingTable data={inbox.data} loading={inbox.isFetching && (inbox.isPlaceholderData || !inbox.data)} onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))} />
    </>
  );
}
