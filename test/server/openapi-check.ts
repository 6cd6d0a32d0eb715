/** Validates real responses against the OpenAPI document the server serves (ajv, JSON Schema 2020-12). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { expect } from 'vitest';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

export class OpenApiCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor(private readonly doc: Doc) {
    // ajv-formats is CommonJS: its function is the default export under vitest, `.default` under plain Node.
    const f = formats as unknown as { default?: (a: Ajv2020) => void } & ((a: Ajv2020) => void);
    (f.default ?? f)(this.ajv);
    this.ajv.addSchema({ ...doc, $id: 'openapi' });
  }

  /** Asserts that `body` matches the schema documented for this path, method, status and content type. */
  expectValid(pathTemplate: string, method: string, res: Response, body: unknown): void {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    expect(op, `${method} ${pathTemplate} is documented`).toBeDefined();
    const status = String(res.status);
    const response = op!.responses[status];
    expect(response, `${method} ${pathTemplate} documents status ${status}`).toBeDefined();
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    expect(Object.keys(response!.content ?? {}), `${method} ${pathTemplate} ${status} documents ${type}`).toContain(type);
    const pointer = ['paths', pathTemplate, method.toLowerCase(), 'responses', status, 'content', type, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    expect(validate, `schema at ${pointer}`).toBeDefined();
    const ok = validate!(body);
    expect(ok ? [] : validate!.errors, `${method} ${pathTemplate} ${status} body matches the OpenAPI schema`).toEqual([]);
  }
}
