// Code splitting (docs/web.md, "Bundle"): each page is its own chunk, fetched the first time it
// shows, so the sign-in page does not carry the tables, date pickers and uploads of the others.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

type Loader<P> = () => Promise<ComponentType<P>>;

/** A component loaded on first render; `preload` starts the download early (e.g. while signing in). */
export function lazyPage<P extends object>(load: Loader<P>): ComponentType<P> & { preload: () => void } {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (pending ??= load().then((component) => ({ default: component })));
  const Lazy = lazy(start);
  const Page = (props: P) => (
    <Suspense fallback={<PageLoading />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Object.assign(Page, { preload: () => void start() });
}

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin tip="Đang tải…" size="large">
        <div style={{ width: 48, height: 48 }} />
      </Spin>
    </div>
  );
}
