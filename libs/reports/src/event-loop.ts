/**
 * Rendering a register year takes seconds of CPU; the API serves other requests in between by
 * letting the event loop run every this many rows.
 */
export const ROWS_BETWEEN_YIELDS = 200;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
