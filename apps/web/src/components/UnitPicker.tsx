// A unit (phòng, ban, đơn vị) from the organisation tree, indented by depth.
import { Select } from 'antd';
import { useUnits } from '../api/directory';

export function UnitPicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (unitId: string) => void }) {
  const units = useUnits();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={units.isFetching}
      placeholder="Chọn đơn vị"
      showSearch={{ optionFilterProp: 'title' }}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, title: u.name, label: `${'\u00a0\u00a0'.repeat(u.depth ?? 0)}${u.name}` }))}
      style={{ width: '100%' }}
    />
  );
}
