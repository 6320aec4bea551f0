// The shape handlers answer with, and GitHub's error bodies.

export interface Reply {
  status: number;
  /** JSON body; undefined sends no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export const DOCS = 'https://docs.github.com/rest';

/** GitHub's generic error body: message, documentation_url and the status as a string. */
export function errorReply(status: number, message: string, docs: string = DOCS): Reply {
  return { status, body: { message, documentation_url: docs, status: String(status) } };
}

export function notFound(docs: string = DOCS, message = 'Not Found'): Reply {
  return errorReply(404, message, docs);
}

export interface FieldError {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'custom' | 'unprocessable';
  field?: string;
  message?: string;
  value?: string | number | null;
}

/** 422 with GitHub's `errors` list, as for label validation. */
export function validationFailed(docs: string, errors: FieldError[], message = 'Validation Failed'): Reply {
  return { status: 422, body: { message, errors, documentation_url: docs, status: '422' } };
}

/** 422 for a body that does not fit the operation's request schema, in GitHub's wording. */
export function invalidRequest(docs: string, detail: string): Reply {
  return errorReply(422, `Invalid request.\n\n${detail}`, docs);
}
