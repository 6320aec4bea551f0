// Test client for the emulator: plain fetch, and every response checked against GitHub's OpenAPI description before
// the test sees it, so no test can pass on a response shape GitHub would never send.
import type { Emulator } from '../../test-support/github-emulator/index.js';
import { matchRoute, validateResponse } from '../../test-support/github-emulator/openapi.js';

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  /** The description's route template the request matched, when it is a GitHub operation. */
  route: string | undefined;
}

export interface LabelJson {
  id: number;
  node_id: string;
  url: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface UserJson {
  login: string;
  id: number;
  type: string;
}

export interface IssueJson {
  number: number;
  title: string;
  state: string;
  body?: string | null;
  user: UserJson;
  labels: LabelJson[];
  created_at: string;
  updated_at: string;
  comments: number;
  pull_request?: { url: string };
  author_association: string;
}

export interface PullJson extends IssueJson {
  head: {
    sha: string;
    ref: string;
    label: string;
    repo: { fork: boolean; full_name: string };
    user: UserJson;
  };
  base: { ref: string; sha: string; repo: { full_name: string } };
  commits: number;
  draft: boolean;
}

export interface CommentJson {
  id: number;
  body: string;
  user: UserJson;
  author_association: string;
  reactions: Record<string, unknown>;
}

export interface ErrorJson {
  message: string;
  documentation_url: string;
  status?: string;
  errors?: { resource?: string; code: string; field?: string; message?: string; value?: unknown }[];
}

export interface SearchJson {
  total_count: number;
  incomplete_results: boolean;
  items: IssueJson[];
}

export interface CallOptions {
  /** Override the Authorization header (null sends none). */
  authorization?: string | null;
  /** Raw body text instead of JSON (to test parse errors). */
  rawBody?: string;
}

/** Every `METHOD template status` validated in this test file, for coverage checks. */
export const validated = new Set<string>();

export class InvalidResponseError extends Error {
  override name = 'InvalidResponseError';
}

/** A client bound to one emulator. Throws InvalidResponseError when a response breaks GitHub's description. */
export function client(emulator: Emulator) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
    const authorization =
      options.authorization === undefined ? `token ${emulator.token}` : options.authorization;
    if (authorization !== null) headers['authorization'] = authorization;
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${emulator.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    const pathname = new URL(`${emulator.url}${path}`).pathname;
    const route = matchRoute(method, pathname);
    if (route) {
      const result = validateResponse({ method, route, status: response.status, body: parsed });
      if (!result.valid) {
        throw new InvalidResponseError(
          `${method} ${path} → ${response.status} breaks GitHub's description (${result.operationId ?? route}):\n` +
            result.errors.slice(0, 10).join('\n'),
        );
      }
      validated.add(`${method} ${route} ${response.status}`);
    }
    return { status: response.status, headers: response.headers, body: parsed as T, route };
  };
}

export type Call = ReturnType<typeof client>;

/** Encodes a label name for a URL path the way GitHub expects (`%20`, UTF-8 for emoji, never `+`). */
export function enc(name: string): string {
  return encodeURIComponent(name);
}

export const REPO = 'apache/superset';

/** Path and query of an absolute URL the emulator handed out (Link headers, `url` fields). */
export function pathOf(url: string | undefined): string {
  if (url === undefined) throw new Error('expected a URL, got undefined');
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
