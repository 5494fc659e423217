// What one page view costs in the browser: when the page's content first shows (a MutationObserver
// put in before the app's scripts notes performance.now(), i.e. milliseconds from the start of the
// navigation), and the API calls it makes with the longest chain of calls that had to wait for one
// another (a call "waits" for another when it starts after the other's answer arrived).
import type { BrowserContext, Page, Request, Response } from 'playwright-core';

export interface ApiCall {
  method: string;
  path: string;
  start: number;
  end: number;
}

export interface PageView {
  page: string;
  firstRenderMs: number;
  calls: ApiCall[];
  /** Longest chain of API calls each started after the previous one answered. */
  chain: ApiCall[];
  jsFiles: number;
}

/** Before any script of the page: note when each of `selectors` first matches. */
const observer = (selectors: string[]) => `
  window.__firstSeen = {};
  const selectors = ${JSON.stringify(selectors)};
  const check = () => {
    for (const s of selectors) if (window.__firstSeen[s] === undefined && document.querySelector(s)) window.__firstSeen[s] = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
`;

/** Every page of the context notes when any of `selectors` first shows (read by measureView). */
export async function preparePage(context: BrowserContext, selectors: string[]): Promise<void> {
  await context.addInitScript(observer(selectors));
}

/** The longest chain: calls in start order, each extending the best chain among calls that ended before it began. */
export function longestChain(calls: ApiCall[]): ApiCall[] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const best: ApiCall[][] = [];
  sorted.forEach((call, i) => {
    let chain: ApiCall[] = [];
    for (let j = 0; j < i; j++) if (sorted[j].end <= call.start && best[j].length > chain.length) chain = best[j];
    best[i] = [...chain, call];
  });
  return best.reduce((a, b) => (b.length > a.length ? b : a), [] as ApiCall[]);
}

/**
 * Loads `url` in `page` and measures it until `selector` shows and the network has been quiet for a
 * moment (so calls made after the first render count too).
 */
export async function measureView(page: Page, name: string, url: string, selector: string): Promise<PageView> {
  const calls: ApiCall[] = [];
  const js = new Set<string>();
  const started = new Map<Request, number>();
  const now = () => Date.now();
  const onRequest = (request: Request) => {
    started.set(request, now());
    if (request.resourceType() === 'script') js.add(request.url());
  };
  // The end of a call is its answer's arrival (headers: the app reads these small bodies at once).
  const onDone = (request: Request) => {
    const path = new URL(request.url()).pathname;
    const start = started.get(request);
    if (!path.startsWith('/api/') || start === undefined) return;
    calls.push({ method: request.method(), path, start, end: now() });
  };
  page.on('request', onRequest);
  const onResponse = (response: Response) => onDone(response.request());
  page.on('response', onResponse);
  page.on('requestfailed', onDone);
  try {
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 60_000 });
    // Calls after the first render count too; on a starved machine the quiet moment may not come.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    const firstRenderMs = await page.evaluate((s) => (globalThis as unknown as { __firstSeen: Record<string, number> }).__firstSeen[s], selector);
    if (typeof firstRenderMs !== 'number') throw new Error(`${name}: ${selector} was not noted (not passed to preparePage?)`);
    return { page: name, firstRenderMs, calls, chain: longestChain(calls), jsFiles: js.size };
  } finally {
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('requestfailed', onDone);
  }
}

export const describeChain = (chain: ApiCall[]) => chain.map((c) => `${c.method} ${c.path.replace(/^\/api\/v1/, '').replace(/[0-9a-f-]{36}/g, ':id')}`).join(' → ');
