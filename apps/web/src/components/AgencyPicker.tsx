// Several agencies from the agency directory (danh bạ cơ quan, GET /agencies), searched as one types;
// only active entries. The picked entries are kept whole (the form needs their e-mail).
import { Select } from 'antd';
import { useState } from 'react';
import { useAgencies, type Agency } from '../api/agencies';

interface Props {
  id?: string;
  value?: Agency[];
  onChange?: (agencies: Agency[]) => void;
}

const describe = (a: Agency) => `${a.name}${a.email || a.endpointKind === 'email' ? ' (thư điện tử)' : ' (bản giấy)'}`;

export function AgencyPicker({ id, value = [], onChange }: Props) {
  const [q, setQ] = useState('');
  const agencies = useAgencies({ q: q || undefined, active: true, pageSize: 20 });
  const found = agencies.data?.items ?? [];
  const known = new Map([...value, ...found].map((a) => [a.id, a]));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value.map((a) => a.id)}
      onChange={(ids: string[]) => onChange?.(ids.map((i) => known.get(i)!).filter(Boolean))}
      placeholder="Gõ tên cơ quan để tìm trong danh bạ"
      loading={agencies.isFetching}
      notFoundContent={agencies.isFetching ? 'Đang tìm…' : 'Không có cơ quan nào'}
      options={[...known.values()].map((a) => ({ value: a.id, label: describe(a) }))}
      style={{ width: '100%' }}
    />
  );
}
