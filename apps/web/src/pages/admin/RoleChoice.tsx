import { Checkbox } from 'antd';
import { ROLE_LABELS, type AccountRole } from '../../api/people';
import { options } from '../../components/labels';

/**
 * The roles as checkboxes, in a named group. Form.Item's id and aria-* props are not passed on: on the
 * group's <div> `aria-required` is not an allowed attribute (axe: aria-allowed-attr).
 */
export function RoleChoice({ value, onChange, label }: { value?: AccountRole[]; onChange?: (roles: AccountRole[]) => void; label: string }) {
  return (
    <div role="group" aria-label={label}>
      <Checkbox.Group<AccountRole> value={value} onChange={onChange} options={options(ROLE_LABELS) as { value: AccountRole; label: string }[]} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} />
    </div>
  );
}
