import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../errors/app-error';
import { problem } from '../errors/problem-details';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** What Node's HTTP parser refuses before any middleware runs, as errors of the API. */
function refusal(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(431, 'HEADERS_TOO_LARGE', 'Đường dẫn hoặc phần đầu yêu cầu quá dài (URL or headers too large)');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError(408, 'REQUEST_TIMEOUT', 'Yêu cầu gửi quá chậm (request timeout)');
  return new AppError(400, 'BAD_REQUEST', 'Yêu cầu HTTP không hợp lệ (malformed HTTP request)');
}

/**
 * Node answers a request its parser refuses (a URL over 16 KiB, a broken request line) with a bare
 * status and no body; this answers with the same problem+json body as every other error.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refused = refusal(error.code);
    const body = JSON.stringify(problem(refused.status, refused.code, refused.message));
    socket.end(
      `HTTP/1.1 ${refused.status} ${REASONS[refused.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
