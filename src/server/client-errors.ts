/**
 * Requests Node's HTTP parser refuses before express sees them still get a problem+json answer.
 * The common case: a request line with raw (un-percent-encoded) Arabic, as `curl 'http://…?q=مصر'`
 * sends; llhttp's strict mode refuses bytes ≥ 0x80 in the URL (HPE_INVALID_URL). We keep the strict
 * parser (the lenient one opens request smuggling) and say how to encode instead.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { makeProblem, type Problem } from './problem.ts';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

export function clientErrorProblem(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_INVALID_URL':
      return makeProblem(400, 'bad_encoding', 'The URL contains characters that must be percent-encoded (e.g. raw Arabic letters or spaces).', {
        hint: "Percent-encode query values as UTF-8: encodeURIComponent in JavaScript, or curl -G --data-urlencode 'q=…' <url>.",
      });
    case 'HPE_HEADER_OVERFLOW':
      return makeProblem(431, 'headers_too_large', 'The request line and headers are larger than the server accepts (16 KB).', {
        hint: 'Shorten the URL: queries are limited to 1 000 characters.',
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return makeProblem(408, 'bad_request', 'The request was not completed in time.', { hint: 'Send the whole request within 30 s.' });
    default:
      return makeProblem(400, 'bad_request', 'The request is not valid HTTP.', { hint: 'Check the request line and headers.' });
  }
}

export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const p = clientErrorProblem(err.code);
    const body = Buffer.from(JSON.stringify(p), 'utf8');
    const head =
      `HTTP/1.1 ${p.status} ${REASONS[p.status] ?? 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${body.length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n`;
    socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}
