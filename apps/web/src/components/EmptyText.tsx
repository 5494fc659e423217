/**
 * A table's empty state in a grey dark enough for WCAG AA (Ant Design's disabled grey is not): axe
 * flags it as soon as a table is empty.
 */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}
