// A person from the directory (danh bạ), searched by name as one types.
import { Select } from 'antd';
import { useState } from 'react';
import { useDirectorySearch } from '../api/directory';

interface Props {
  id?: string;
  value?: string;
  onChange?: (userId: string) => void;
  placeholder?: string;
}

export function PersonPicker({ id, value, onChange, placeholder }: Props) {
  const [q, setQ] = useState('');
  const people = useDirectorySearch(q);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={placeholder ?? 'Gõ tên để tìm'}
      loading={people.isFetching}
      notFoundContent={people.isFetching ? 'Đang tìm…' : 'Không có ai'}
      options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.position ?? ''} ${p.unit.name}`.replace(/ {2,}/g, ' ') }))}
      style={{ width: '100%' }}
    />
  );
}
