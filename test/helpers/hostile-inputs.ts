/**
 * Hostile requests as data: [name, method, target (raw request-target bytes), body?, headers?].
 * Expected for every row: a 4xx (never 5xx), a problem+json answer with a message when the server
 * answers JSON, and never the content of a file outside public/.
 */
export interface HostileRequest {
  name: string;
  method: string;
  target: string | Buffer;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** A 2xx is also fine for this row (valid but odd input, e.g. a query of punctuation). */
  okAllowed?: boolean;
}

const deep = (n: number) => '('.repeat(n) + 'مصر' + ')'.repeat(n);
const enc = encodeURIComponent;

/** Request-line and query attacks (no body). */
export const HOSTILE_GETS: HostileRequest[] = [
  // Query language abuse
  { name: 'deeply nested parentheses (10 000)', method: 'GET', target: `/api/search?q=${enc(deep(10_000)).slice(0, 14_000)}` },
  { name: 'nested parentheses (400, within 1000 chars)', method: 'GET', target: `/api/search?q=${enc(deep(400))}` },
  { name: 'unbalanced parentheses', method: 'GET', target: `/api/search?q=${enc('((((مصر')}`, okAllowed: true },
  { name: 'unclosed quote', method: 'GET', target: `/api/search?q=${enc('"مصر القاهرة')}`, okAllowed: true },
  { name: 'only operators', method: 'GET', target: `/api/search?q=${enc('+-*"()OR AND NOT |')}`, okAllowed: true },
  { name: '1001-char query', method: 'GET', target: `/api/search?q=${'a'.repeat(1001)}` },
  { name: 'huge query (100 KB URL)', method: 'GET', target: `/api/search?q=${'b'.repeat(100_000)}` },
  { name: '1000 ORs', method: 'GET', target: `/api/search?q=${enc(Array(200).fill('ا').join(' OR '))}`, okAllowed: true },
  { name: 'prefix of one letter', method: 'GET', target: `/api/search?q=${enc('ا*')}`, okAllowed: true },
  { name: 'field of nothing', method: 'GET', target: `/api/search?q=${enc('title: author: date:')}`, okAllowed: true },
  { name: 'date range reversed and invalid', method: 'GET', target: `/api/search?q=${enc('date:2023-13-45..1999')}`, okAllowed: true },
  // Broken encodings
  { name: 'stray %', method: 'GET', target: '/api/search?q=%' },
  { name: '%ZZ', method: 'GET', target: '/api/search?q=%ZZ' },
  { name: 'cut UTF-8 sequence', method: 'GET', target: '/api/search?q=%E0%A4' },
  { name: 'overlong UTF-8 slash', method: 'GET', target: '/api/search?q=%C0%AF' },
  { name: 'UTF-16 surrogate as UTF-8', method: 'GET', target: '/api/search?q=%ED%A0%80' },
  { name: 'invalid byte 0xFF', method: 'GET', target: '/api/search?q=%FF%FE' },
  { name: 'raw UTF-8 bytes in the request line', method: 'GET', target: Buffer.from('/api/search?q=مصر', 'utf8') },
  { name: 'raw invalid bytes in the request line', method: 'GET', target: Buffer.from([0x2f, 0x61, 0x70, 0x69, 0x2f, 0x73, 0x65, 0x61, 0x72, 0x63, 0x68, 0x3f, 0x71, 0x3d, 0xff, 0xfe]) },
  { name: 'NUL in the query', method: 'GET', target: '/api/search?q=%00', okAllowed: true },
  { name: 'control characters in the query', method: 'GET', target: '/api/search?q=%01%02%1B%7F', okAllowed: true },
  { name: 'broken encoding in a parameter name', method: 'GET', target: '/api/search?%E0=1&q=a' },
  // Parameter abuse
  { name: '__proto__ parameter', method: 'GET', target: '/api/search?__proto__=x&q=a' },
  { name: '__proto__[polluted] parameter', method: 'GET', target: '/api/search?__proto__%5Bpolluted%5D=1&q=a' },
  { name: 'constructor parameter', method: 'GET', target: '/api/search?constructor=x&q=a' },
  { name: 'constructor.prototype parameter', method: 'GET', target: '/api/search?constructor%5Bprototype%5D%5Bx%5D=1&q=a' },
  { name: 'repeated q', method: 'GET', target: '/api/search?q=a&q=b' },
  { name: 'q[] array syntax', method: 'GET', target: '/api/search?q%5B%5D=a' },
  { name: 'size negative', method: 'GET', target: '/api/search?q=a&size=-1' },
  { name: 'size huge', method: 'GET', target: '/api/search?q=a&size=1000000000000' },
  { name: 'size exponent', method: 'GET', target: '/api/search?q=a&size=1e3' },
  { name: 'page beyond depth', method: 'GET', target: '/api/search?q=a&page=99999999999999999999' },
  { name: 'sort __proto__', method: 'GET', target: '/api/search?q=a&sort=__proto__' },
  { name: 'facets constructor', method: 'GET', target: '/api/search?q=a&facets=constructor' },
  { name: 'from not a date', method: 'GET', target: '/api/search?q=a&from=yesterday' },
  { name: 'collapse maybe', method: 'GET', target: '/api/search?q=a&collapse=maybe' },
  { name: '21 author filters', method: 'GET', target: `/api/search?q=a&${Array(21).fill('author=x').join('&')}` },
  { name: 'suggest 101 chars', method: 'GET', target: `/api/suggest?q=${'a'.repeat(101)}` },
  { name: 'analyze 5001 chars', method: 'GET', target: `/api/analyze?text=${'a'.repeat(5001)}` },
  { name: 'related n=abc', method: 'GET', target: '/api/articles/x/related?n=abc' },
  // Ids and paths
  { name: 'article __proto__', method: 'GET', target: '/api/articles/__proto__' },
  { name: 'article constructor', method: 'GET', target: '/api/articles/constructor' },
  { name: 'article hasOwnProperty', method: 'GET', target: '/api/articles/hasOwnProperty' },
  { name: 'article id with encoded traversal', method: 'GET', target: '/api/articles/..%2f..%2fpackage.json' },
  { name: 'article id %00', method: 'GET', target: '/api/articles/%00' },
  { name: 'article id broken encoding', method: 'GET', target: '/api/articles/%E0%A4' },
  { name: 'author __proto__', method: 'GET', target: '/api/authors/__proto__' },
  { name: 'author constructor', method: 'GET', target: '/api/authors/constructor' },
  { name: 'unknown API path', method: 'GET', target: '/api/../../etc/passwd' },
  // Static files: traversal
  { name: '/..%2f..%2fpackage.json', method: 'GET', target: '/..%2f..%2fpackage.json' },
  { name: '/%2e%2e/package.json', method: 'GET', target: '/%2e%2e/package.json' },
  { name: '/%2e%2e%2fpackage.json', method: 'GET', target: '/%2e%2e%2fpackage.json' },
  { name: '/%2e%2e/', method: 'GET', target: '/%2e%2e/' },
  { name: 'raw ../', method: 'GET', target: '/../package.json' },
  { name: 'raw ../../', method: 'GET', target: '/js/../../package.json' },
  { name: 'backslash traversal', method: 'GET', target: '/..%5c..%5cpackage.json' },
  { name: 'double-encoded traversal', method: 'GET', target: '/%252e%252e/package.json' },
  { name: 'overlong-UTF-8 dots', method: 'GET', target: '/%c0%ae%c0%ae/package.json' },
  { name: 'fonts traversal', method: 'GET', target: '/fonts/noto-naskh-arabic/..%2f..%2f..%2fpackage.json' },
  { name: 'fonts traversal raw', method: 'GET', target: '/fonts/noto-naskh-arabic/../../../package.json' },
  { name: 'dotfile', method: 'GET', target: '/.git/config' },
  { name: 'encoded dotfile', method: 'GET', target: '/%2egit/config' },
  { name: 'NUL in a static path', method: 'GET', target: '/index.html%00.json' },
  { name: 'absolute-form target to another host', method: 'GET', target: 'http://evil.example/../package.json' },
  // Methods and headers
  { name: 'TRACE', method: 'TRACE', target: '/api/search?q=a' },
  { name: 'unknown method', method: 'BREW', target: '/api/search?q=a' },
  { name: 'huge header', method: 'GET', target: '/api/search?q=a', headers: { 'X-Big': 'x'.repeat(40_000) } },
  { name: 'Authorization of 10 KB on a write', method: 'DELETE', target: '/api/articles/a', headers: { Authorization: `Bearer ${'k'.repeat(10_000)}` } },
];

/** Secret-looking content of files outside public/ that must never be served. */
export const FORBIDDEN_CONTENT = [/"name":\s*"fahras"/, /\[core\]/, /root:x:0:0/];
