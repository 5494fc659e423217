// A unit (phòng, ban, đơn vị) from the organisation tree, indented by depth; several with `multiple`
// (the recipients of an outgoing document).
import { Select } from 'antd';
import { useUnits } from '../api/directory';

type Props =
  | { id?: string; multiple?: false; value?: string; onChange?: (unitId: string) => void }
  | { id?: string; multiple: true; value?: string[]; onChange?: (unitIds: string[]) => void };

export function UnitPicker({ id, multiple, value, onChange }: Props) {
  const units = useUnits();
  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange as (v: string | string[]) => void}
      loading={units.isFetching}
      placeholder={multiple ? 'Chọn các đơn vị' : 'Chọn đơn vị'}
      showSearch={{ optionFilterProp: 'title' }}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, title: u.name, label: `${'\u00a0\u00a0'.repeat(u.depth ?? 0)}${u.name}` }))}
      style={{ width: '100%' }}
    />
  );
}
