// The web client (issue 19, docs/web.md): Vietnamese throughout — Ant Design's vi_VN texts, dayjs `vi`,
// dates dd/mm/yyyy in +07:00 (dates.ts).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { EmptyText } from './components/EmptyText';
import './dates';
import { prefetchRouteData } from './routing/prefetch';
import { SessionProvider } from './session/SessionContext';

// A darker blue than Ant Design's default, for links and buttons too: WCAG AA contrast (4.5:1) on white.
// A darker red (5.6:1) for danger buttons and errors. Labels and secondary text darker than the default (0.45 black, 3.4:1) for the same reason.
const THEME = {
  token: { colorPrimary: '#0050b3', colorError: '#cf1322', colorLink: '#0050b3', colorInfo: '#0050b3', colorTextTertiary: 'rgba(0, 0, 0, 0.65)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' },
};

const queryClient = new QueryClient({
  // An API error is an answer, not a flake: show it rather than asking three more times.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  // Every empty table or list says so in a readable grey (Ant Design's own empty state fails AA contrast).
  <ConfigProvider locale={viVN} theme={THEME} renderEmpty={() => <EmptyText>Không có dữ liệu</EmptyText>}>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider onSignedIn={() => prefetchRouteData(queryClient, window.location.pathname)}>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </ConfigProvider>,
);
