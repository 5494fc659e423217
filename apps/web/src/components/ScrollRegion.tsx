// A wide table on a narrow screen (a 390 px phone): the table keeps its width and scrolls sideways
// inside this region, never the page. The region takes keyboard focus (arrow keys scroll it) and is
// named, so it is reachable without a mouse (axe-core's scrollable-region-focusable).
import type { ReactNode } from 'react';

export function ScrollRegion({ label, minWidth, children, testId }: { label: string; minWidth: number; children: ReactNode; testId?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} data-testid={testId} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
