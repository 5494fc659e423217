// Several people from the directory (danh bạ), searched by name as one types. The names of those
// already picked are remembered, so they stay readable when a new search replaces the options.
import { Select } from 'antd';
import { useState } from 'react';
import { useDirectorySearch } from '../api/directory';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (userIds: string[]) => void;
  placeholder?: string;
}

export function PeoplePicker({ id, value, onChange, placeholder }: Props) {
  const [q, setQ] = useState('');
  const [seen, setSeen] = useState<Record<string, string>>({});
  const people = useDirectorySearch(q);
  const found = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.position ?? ''} ${p.unit.name}`.replace(/ {2,}/g, ' ') }));
  const picked = (value ?? []).filter((v) => !found.some((f) => f.value === v)).map((v) => ({ value: v, label: seen[v] ?? v }));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(ids: string[]) => {
        setSeen((now) => ({ ...now, ...Object.fromEntries(found.filter((f) => ids.includes(f.value)).map((f) => [f.value, f.label])) }));
        onChange?.(ids);
      }}
      placeholder={placeholder ?? 'Gõ tên để tìm'}
      loading={people.isFetching}
      notFoundContent={people.isFetching ? 'Đang tìm…' : 'Không có ai'}
      options={[...found, ...picked]}
      style={{ width: '100%' }}
    />
  );
}
