/**
 * The OpenAPI 3.1 description of the API, served at GET /api/openapi.json. Request bodies come
 * from the zod schemas (z.toJSONSchema), parameters from the same limits the validators use, and
 * response schemas are written here from src/types.ts; test/server checks real responses against
 * them with ajv.
 */
import { z } from 'zod';
import { ArticleInputSchema } from './article-schema.ts';
import { FACET_NAMES, SEARCH_LIMITS, SORT_ORDERS } from './params.ts';
import { PROBLEM_TITLES } from './problem.ts';
import { READ_LIMITS } from './routes/read-routes.ts';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const str: Json = { type: 'string' };
const optStrings = (names: string[]): Json => Object.fromEntries(names.map((n) => [n, str]));

const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

function queryParam(name: string, description: string, schema: Json, extra: Json = {}): Json {
  return { name, in: 'query', description, schema, ...extra };
}
function pathParam(name: string, description: string): Json {
  return { name, in: 'path', required: true, description, schema: { type: 'string', minLength: 1 } };
}

const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const ERRORS = {
  400: problem('Invalid parameters or body: `detail` says what, `hint` how to fix it.'),
  404: problem('No such article, author or endpoint.'),
  429: problem('Rate limit reached; see Retry-After.'),
  503: problem('The index is still loading (retry), or cannot be written.'),
};
const WRITE_ERRORS = {
  400: ERRORS[400],
  401: problem('Missing or wrong API key.'),
  403: problem('No API key is configured on the server: writes are disabled.'),
  413: problem('Body larger than the limit.'),
  415: problem('Wrong Content-Type.'),
  429: ERRORS[429],
  503: ERRORS[503],
};

const searchParams: Json[] = [
  queryParam('q', 'The query: words, "phrases", +must, -not, word*, OR, field:value (title:, author:, …), date:YYYY[-MM[-DD]][..YYYY…]. Empty browses.', { type: 'string', maxLength: SEARCH_LIMITS.maxQueryChars }),
  ...['author', 'column', 'source', 'category', 'tag'].map((f) =>
    queryParam(f, `Only articles whose ${f} is exactly this; repeat for any of several.`, { type: 'array', items: { type: 'string', maxLength: SEARCH_LIMITS.maxFilterChars }, maxItems: SEARCH_LIMITS.maxFilterValues }, { style: 'form', explode: true }),
  ),
  queryParam('from', 'Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.', { type: 'string', pattern: PARTIAL_DATE_PATTERN }),
  queryParam('to', 'Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.', { type: 'string', pattern: PARTIAL_DATE_PATTERN }),
  queryParam('sort', 'Order of hits.', { type: 'string', enum: [...SORT_ORDERS], default: 'relevance' }),
  queryParam('page', `1-based page; page × size at most ${SEARCH_LIMITS.maxDepth}.`, { type: 'integer', minimum: 1, default: 1 }),
  queryParam('size', 'Hits per page.', { type: 'integer', minimum: 1, maximum: SEARCH_LIMITS.maxSize, default: SEARCH_LIMITS.defaultSize }),
  queryParam('facets', 'Comma-separated facets to count over all matches.', { type: 'array', items: { type: 'string', enum: [...FACET_NAMES] } }, { style: 'form', explode: false }),
  queryParam('collapse', 'Collapse syndicated copies into one hit (default true).', { type: 'boolean' }),
];

const schemas: Record<string, Json> = {
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', description: '`urn:fahras:problem:<code>`' },
      title: str,
      status: { type: 'integer' },
      detail: { type: 'string', description: 'What went wrong.' },
      instance: { type: 'string', description: 'The request path.' },
      code: { type: 'string', enum: Object.keys(PROBLEM_TITLES) },
      hint: { type: 'string', description: 'How to fix it.' },
      position: { type: 'integer', description: '0-based offset in the query string of a query syntax error.' },
      errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: str, message: str }, additionalProperties: false } },
      requestId: str,
    },
    additionalProperties: false,
  },
  ArticleInput: (({ $schema: _, ...rest }) => rest)(z.toJSONSchema(ArticleInputSchema, { target: 'draft-2020-12', io: 'input' }) as Json),
  Article: {
    type: 'object',
    required: ['id', 'title', 'body'],
    properties: {
      ...optStrings(['id', 'title', 'body', 'author', 'column', 'source', 'category', 'dateText', 'url']),
      date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      tags: { type: 'array', items: str },
      extra: { type: 'object' },
    },
    additionalProperties: false,
  },
  Duplicate: {
    type: 'object',
    required: ['id'],
    properties: optStrings(['id', 'source', 'title', 'date', 'url']),
    additionalProperties: false,
  },
  SearchHit: {
    type: 'object',
    required: ['id', 'title', 'score', 'snippet', 'duplicates'],
    properties: {
      ...optStrings(['id', 'title', 'author', 'column', 'source', 'category', 'date', 'url']),
      score: { type: 'number' },
      snippet: { type: 'string', description: 'Escaped HTML with <mark> around matched words.' },
      titleHtml: { type: 'string', description: 'Escaped HTML title with <mark>s.' },
      duplicates: { type: 'array', items: ref('Duplicate') },
    },
    additionalProperties: false,
  },
  FacetValue: {
    type: 'object',
    required: ['value', 'count'],
    properties: { value: str, count: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  },
  SearchResponse: {
    type: 'object',
    required: ['query', 'total', 'page', 'size', 'took_ms', 'relaxed', 'hits', 'facets'],
    properties: {
      query: str,
      total: { type: 'integer', minimum: 0 },
      page: { type: 'integer', minimum: 1 },
      size: { type: 'integer', minimum: 1 },
      took_ms: { type: 'number', minimum: 0 },
      relaxed: { type: 'boolean', description: 'True when no article had all required words and the best partial matches are shown.' },
      hits: { type: 'array', items: ref('SearchHit') },
      facets: { type: 'object', propertyNames: { enum: [...FACET_NAMES] }, additionalProperties: { type: 'array', items: ref('FacetValue') } },
      suggestion: { type: 'string', description: '"Did you mean".' },
    },
    additionalProperties: false,
  },
  ArticleView: {
    type: 'object',
    required: ['article', 'titleHtml', 'bodyHtml', 'duplicates'],
    properties: { article: ref('Article'), titleHtml: str, bodyHtml: str, duplicates: { type: 'array', items: ref('Duplicate') } },
    additionalProperties: false,
  },
  RelatedResponse: {
    type: 'object',
    required: ['id', 'hits'],
    properties: { id: str, hits: { type: 'array', items: ref('SearchHit') } },
    additionalProperties: false,
  },
  SuggestResponse: {
    type: 'object',
    required: ['query', 'suggestions'],
    properties: {
      query: str,
      suggestions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['text', 'kind'],
          properties: { text: str, kind: { enum: ['word', 'title', 'author', 'column'] }, id: str },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  AuthorsResponse: {
    type: 'object',
    required: ['authors'],
    properties: { authors: { type: 'array', items: ref('FacetValue') } },
    additionalProperties: false,
  },
  AnalyzeResponse: {
    type: 'object',
    required: ['tokens'],
    properties: {
      tokens: {
        type: 'array',
        items: {
          type: 'object',
          required: ['text', 'start', 'end', 'term', 'exact', 'stop'],
          properties: { text: str, start: { type: 'integer' }, end: { type: 'integer' }, term: str, exact: str, stop: { type: 'boolean' } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  StatsResponse: {
    type: 'object',
    required: ['articles', 'terms', 'authors', 'sources', 'duplicateGroups'],
    properties: {
      articles: { type: 'integer' },
      terms: { type: 'integer' },
      authors: { type: 'integer' },
      sources: { type: 'integer' },
      duplicateGroups: { type: 'integer' },
      dateRange: { type: 'object', required: ['from', 'to'], properties: { from: str, to: str } },
      cache: { type: 'object', properties: { entries: { type: 'integer' }, hits: { type: 'integer' }, misses: { type: 'integer' } } },
    },
  },
  WriteResult: {
    type: 'object',
    required: ['id', 'status'],
    properties: {
      id: str,
      status: { enum: ['added', 'updated', 'unchanged', 'duplicate'] },
      duplicateOf: { type: 'string', description: 'For duplicate: the stored article this one copies.' },
    },
    additionalProperties: false,
  },
  WriteResults: {
    type: 'object',
    required: ['results'],
    properties: { results: { type: 'array', items: ref('WriteResult') } },
    additionalProperties: false,
  },
  BulkResponse: {
    type: 'object',
    required: ['counts', 'results'],
    properties: {
      counts: {
        type: 'object',
        required: ['added', 'updated', 'unchanged', 'duplicate', 'error'],
        properties: Object.fromEntries(['added', 'updated', 'unchanged', 'duplicate', 'error'].map((k) => [k, { type: 'integer', minimum: 0 }])),
        additionalProperties: false,
      },
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['line', 'status'],
          properties: {
            line: { type: 'integer', minimum: 1, description: '1-based line number in the body.' },
            id: str,
            status: { enum: ['added', 'updated', 'unchanged', 'duplicate', 'error'] },
            duplicateOf: str,
            error: { type: 'string', description: 'Why this line was not stored.' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  DeleteResponse: {
    type: 'object',
    required: ['id', 'status'],
    properties: { id: str, status: { const: 'deleted' } },
    additionalProperties: false,
  },
  Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } }, additionalProperties: false },
  Ready: {
    type: 'object',
    required: ['status', 'articles'],
    properties: { status: { const: 'ready' }, articles: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  },
};

const articleBody: Json = {
  required: true,
  content: { 'application/json': { schema: { oneOf: [ref('ArticleInput'), { type: 'array', minItems: 1, items: ref('ArticleInput') }] } } },
};
const idParam = pathParam('id', 'Article id (percent-encoded).');
const bearer = [{ bearer: [] }];

let cached: Json | undefined;

export function openApiDocument(): Json {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Fahras API',
      version: '1',
      description:
        'Full-text search over an archive of Arabic news articles. All answers are JSON (UTF-8); errors are application/problem+json ' +
        '(RFC 9457) saying what went wrong and how to fix it. Writes need `Authorization: Bearer <key>`. See docs/API.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A key from FAHRAS_API_KEYS.' } } },
    paths: {
      '/api/search': {
        get: {
          summary: 'Search articles',
          parameters: searchParams,
          responses: { 200: json(ref('SearchResponse'), 'A page of hits with facet counts.'), ...ERRORS },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Add or replace one article (object) or several (array)',
          security: bearer,
          requestBody: articleBody,
          responses: {
            200: json({ oneOf: [ref('WriteResult'), ref('WriteResults')] }, 'Stored (durably); nothing new was added.'),
            201: json({ oneOf: [ref('WriteResult'), ref('WriteResults')] }, 'Stored (durably); at least one article was added.'),
            ...WRITE_ERRORS,
          },
        },
      },
      '/api/articles/bulk': {
        post: {
          summary: 'Load many articles as NDJSON (one JSON article per line)',
          security: bearer,
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          responses: {
            200: json(ref('BulkResponse'), 'A result per non-blank line; malformed lines are reported with their line number, good ones stored.'),
            201: json(ref('BulkResponse'), 'As 200, and at least one article was added.'),
            ...WRITE_ERRORS,
          },
        },
      },
      '/api/articles/{id}': {
        parameters: [idParam],
        get: {
          summary: 'One article, with the words of q marked',
          parameters: [queryParam('q', 'Query whose words are marked with <mark> in titleHtml and bodyHtml.', { type: 'string', maxLength: SEARCH_LIMITS.maxQueryChars })],
          responses: { 200: json(ref('ArticleView'), 'The article.'), ...ERRORS },
        },
        put: {
          summary: 'Add or replace the article with this id',
          security: bearer,
          requestBody: { required: true, content: { 'application/json': { schema: ref('ArticleInput') } } },
          responses: { 200: json(ref('WriteResult'), 'Stored (durably).'), 201: json(ref('WriteResult'), 'Added (durably).'), ...WRITE_ERRORS },
        },
        delete: {
          summary: 'Delete an article',
          security: bearer,
          responses: { 200: json(ref('DeleteResponse'), 'Deleted (durably).'), 404: ERRORS[404], ...WRITE_ERRORS },
        },
      },
      '/api/articles/{id}/related': {
        parameters: [idParam],
        get: {
          summary: 'Articles most like this one',
          parameters: [queryParam('n', 'How many.', { type: 'integer', minimum: 1, maximum: READ_LIMITS.relatedMax, default: 10 })],
          responses: { 200: json(ref('RelatedResponse'), 'Related articles, best first.'), ...ERRORS },
        },
      },
      '/api/suggest': {
        get: {
          summary: 'Completions for a prefix: words, titles, authors',
          parameters: [
            queryParam('q', 'What was typed so far.', { type: 'string', maxLength: READ_LIMITS.suggestChars }),
            queryParam('n', 'How many.', { type: 'integer', minimum: 1, maximum: READ_LIMITS.suggestMax, default: 8 }),
          ],
          responses: { 200: json(ref('SuggestResponse'), 'Suggestions, best first.'), ...ERRORS },
        },
      },
      '/api/authors': {
        get: { summary: 'Every author with their article count, most first', responses: { 200: json(ref('AuthorsResponse'), 'Authors.'), ...ERRORS } },
      },
      '/api/authors/{name}': {
        parameters: [pathParam('name', 'The author exactly as listed by /api/authors.')],
        get: {
          summary: "An author's articles, newest first (takes the search parameters except author)",
          parameters: searchParams.filter((p) => p.name !== 'author'),
          responses: { 200: json(ref('SearchResponse'), 'A page of the author’s articles.'), ...ERRORS },
        },
      },
      '/api/analyze': {
        get: {
          summary: 'How a text is tokenized, normalized and stemmed',
          parameters: [queryParam('text', 'Text to analyze.', { type: 'string', maxLength: READ_LIMITS.analyzeChars }, { required: true })],
          responses: { 200: json(ref('AnalyzeResponse'), 'Tokens with offsets into the text.'), ...ERRORS },
        },
      },
      '/api/stats': { get: { summary: 'Index statistics', responses: { 200: json(ref('StatsResponse'), 'Counts.'), ...ERRORS } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1.') } } },
      '/healthz': { get: { summary: 'Liveness: the process answers', responses: { 200: json(ref('Health'), 'Alive.') } } },
      '/readyz': {
        get: { summary: 'Readiness: the index is loaded', responses: { 200: json(ref('Ready'), 'Ready.'), 503: problem('Still loading.') } },
      },
    },
  };
  return cached;
}

