/**
 * The queue id of the text-extraction job a registration writes to the outbox: derived from the
 * document (registered once, under a random UUID), so the worker that reads a document's text
 * layer in another document's batch can take its waiting job off the queue (IncomingScanService)
 * instead of letting it run only to find the text saved. Other enqueuers of the same job (copies
 * received from an issued document) keep the outbox's own ids.
 */
export function incomingScanJobId(documentId: string): string {
  return `incoming-scan-${documentId}`;
}
