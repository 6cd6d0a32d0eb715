/**
 * Errors that carry what went wrong, where, and how to fix it. The HTTP layer turns them into
 * application/problem+json with `status`; the CLI prints `message` and `hint`.
 */
export class FahrasError extends Error {
  constructor(
    message: string,
    /** HTTP status this maps to. */
    readonly status: number = 400,
    /** Stable machine-readable code, e.g. 'query_syntax'. */
    readonly code: string = 'bad_request',
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An invalid search query. `position` is the 0-based UTF-16 offset in the query string. */
export class QueryError extends FahrasError {
  constructor(
    message: string,
    readonly position: number,
    hint?: string,
  ) {
    super(message, 400, 'query_syntax', hint);
  }
}

/** Invalid input data (an article, a parameter). */
export class ValidationError extends FahrasError {
  constructor(message: string, hint?: string) {
    super(message, 400, 'validation', hint);
  }
}

export class NotFoundError extends FahrasError {
  constructor(message: string) {
    super(message, 404, 'not_found');
  }
}

/** The index cannot be written (disk full, read-only folder); searches still work. */
export class StorageError extends FahrasError {
  constructor(message: string, hint?: string) {
    super(message, 503, 'storage', hint);
  }
}
