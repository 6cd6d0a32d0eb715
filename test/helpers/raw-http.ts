/**
 * Raw HTTP/1.1 over a socket, for what fetch would normalize or refuse to send: raw bytes in the
 * request line, `..` segments, invalid UTF-8 bodies, odd headers. One request per connection.
 */
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function rawRequest(url: string, head: string | Buffer, body: Buffer | string = Buffer.alloc(0), timeoutMs = 30_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${String(head).slice(0, 100)}`));
    }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => {
      // The server may answer and close before reading a huge body: keep what was answered.
      if (chunks.length) socket.emit('end');
      else {
        clearTimeout(timer);
        reject(err);
      }
    });
    socket.once('end', () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks)));
    });
    socket.write(Buffer.concat([Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]));
  });
}

/** `METHOD target` with Host and Connection: close, plus extra header lines and a body with its length. */
export function rawHttp(url: string, method: string, target: string | Buffer, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawAnswer> {
  const body = opts.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
  const headers: Record<string, string> = { Host: '127.0.0.1', Connection: 'close', ...(opts.body !== undefined ? { 'Content-Length': String(body.length) } : {}), ...opts.headers };
  const head = Buffer.concat([
    Buffer.from(`${method} `, 'latin1'),
    Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'),
    Buffer.from(` HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1'),
  ]);
  return rawRequest(url, head, body);
}

function parse(buf: Buffer): RawAnswer {
  const text = buf.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  let body = split < 0 ? '' : text.slice(split + 4);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(Buffer.from(body, 'utf8'));
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body };
}

function unchunk(rest: Buffer): string {
  const out: Buffer[] = [];
  for (;;) {
    const nl = rest.indexOf('\r\n');
    if (nl < 0) break;
    const size = parseInt(rest.subarray(0, nl).toString(), 16);
    if (!size) break;
    out.push(rest.subarray(nl + 2, nl + 2 + size));
    rest = rest.subarray(nl + 2 + size + 2);
  }
  return Buffer.concat(out).toString('utf8');
}
