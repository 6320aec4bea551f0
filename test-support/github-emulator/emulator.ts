// A stateful GitHub REST emulator on a real HTTP port: the action's GitHub adapter talks to it through Octokit exactly
// as it would to api.github.com (set baseUrl / GITHUB_API_URL to `url`).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import type { InjectedFault } from './faults.js';
import { KeyedMutex } from './mutex.js';
import { DEFAULT_LIMITS, RateLimits, rateLimitHeaders, SecondaryLimits } from './rate-limit.js';
import type { RateLimitSnapshot, Resource, SecondaryLimitOptions } from './rate-limit.js';
import type { Reply } from './replies.js';
import { DOCS, errorReply, notFound } from './replies.js';
import { findRoute } from './router.js';
import { GLOBAL_ROUTES, REPO_ROUTES } from './routes.js';
import type { BaseContext, GlobalRoute, Route } from './routes.js';
import type { Seed } from './seed.js';
import { parseSeed } from './seed.js';
import { Store } from './store.js';

export interface EmulatorOptions {
  seed?: Seed;
  /** Port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** Enforce GitHub's secondary limit on content creation from the start (see `secondaryLimits.enable`). */
  secondaryLimits?: SecondaryLimitOptions;
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:43211`: use as Octokit `baseUrl` / `GITHUB_API_URL`. */
  url: string;
  /** The only token accepted (`Authorization: token X` or `Bearer X`); anything else gets 401. */
  token: string;
  store: Store;
  /** Requests per `"METHOD /route/template"` (unmatched paths under `"METHOD /raw/path"`), faulted ones included. */
  counts(): Record<string, number>;
  resetCounts(): void;
  faults: Faults;
  /** The primary rate-limit budget; `rateLimits.reset()` refills it. */
  rateLimits: RateLimits;
  /** GitHub's secondary limit on content creation: off until enabled; `refused` counts its refusals. */
  secondaryLimits: SecondaryLimits;
  stop(): Promise<void>;
}

/** Every route the emulator serves, as `METHOD /template`. */
export function emulatedRoutes(): string[] {
  return [...REPO_ROUTES, ...GLOBAL_ROUTES].map((r) => `${r.method} ${r.template}`).concat('GET /rate_limit');
}

type AnyMatch =
  | { kind: 'repo'; route: Route; params: Record<string, string> }
  | { kind: 'global'; route: GlobalRoute; params: Record<string, string> };

function matchAny(method: string, pathname: string): AnyMatch | undefined {
  const repo = findRoute(REPO_ROUTES, method, pathname);
  if (repo) return { kind: 'repo', ...repo };
  const global = findRoute(GLOBAL_ROUTES, method, pathname);
  return global ? { kind: 'global', ...global } : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const SECONDARY_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const PRIMARY_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits';

function primaryLimitReply(status: number, requestId: string, snapshot: RateLimitSnapshot): Reply {
  const reply = errorReply(
    status,
    `API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    PRIMARY_DOCS,
  );
  reply.headers = rateLimitHeaders({ ...snapshot, remaining: 0, used: snapshot.limit });
  return reply;
}

function faultReply(fault: InjectedFault, requestId: string, snapshot: RateLimitSnapshot): Reply {
  switch (fault.kind) {
    case 'error-500':
      return errorReply(500, 'Server Error');
    case 'error-502':
      return errorReply(502, 'Bad Gateway');
    case 'error-503':
      return errorReply(503, 'Service Unavailable');
    case 'secondary-rate-limit-403':
    case 'secondary-rate-limit-429': {
      const status = fault.kind.endsWith('403') ? 403 : 429;
      const reply = errorReply(
        status,
        `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        SECONDARY_DOCS,
      );
      reply.headers = { 'retry-after': String(fault.retryAfter) };
      return reply;
    }
    case 'primary-rate-limit-403':
      return primaryLimitReply(403, requestId, snapshot);
    case 'primary-rate-limit-429':
      return primaryLimitReply(429, requestId, snapshot);
  }
}

function secondaryLimitReply(status: 403 | 429, retryAfter: number, requestId: string): Reply {
  const reply = errorReply(
    status,
    `You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    SECONDARY_DOCS,
  );
  reply.headers = { 'retry-after': String(retryAfter) };
  return reply;
}

function rateLimitOverview(limits: RateLimits, now: number): Reply {
  const json = (resource: Resource) => {
    const s = limits.snapshot(resource, now);
    return { limit: s.limit, remaining: s.remaining, reset: s.reset, used: s.used, resource };
  };
  const core = json('core');
  return { status: 200, body: { resources: { core, search: json('search') }, rate: core } };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = parseSeed(options.seed ?? {});
  const store = new Store(seed);
  const token = seed.token ?? `ghs_${randomBytes(18).toString('hex')}`;
  const faults = new Faults();
  const mutex = new KeyedMutex();
  const rateLimits = new RateLimits({ ...DEFAULT_LIMITS, ...seed.rateLimits });
  const secondaryLimits = new SecondaryLimits();
  if (options.secondaryLimits) secondaryLimits.enable(options.secondaryLimits);
  let counts = new Map<string, number>();
  let requestCounter = 0;
  let base = '';

  async function handle(
    req: IncomingMessage,
    requestId: string,
  ): Promise<{ reply: Reply; snapshot: RateLimitSnapshot }> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', base);
    let pathname = url.pathname;
    // GitHub's own Link headers sometimes address a repository by id; serve those as the named repository.
    const alias = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname);
    const aliased = alias ? store.repoById(Number(alias[1])) : undefined;
    if (aliased) pathname = `/repos/${aliased.owner}/${aliased.name}${alias?.[2] ?? ''}`;

    const match = matchAny(method, pathname);
    const route = match?.route.template ?? pathname;
    const key = `${method} ${route}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const rawBody = await readBody(req);
    const resource: Resource = match?.route.resource ?? (pathname.startsWith('/search/') ? 'search' : 'core');
    const now = () => Date.now();

    const wait = faults.delayFor(method, route);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const fault = faults.take(method, route);
    if (fault) {
      const snapshot = rateLimits.snapshot(resource, now());
      return { reply: faultReply(fault, requestId, snapshot), snapshot };
    }

    const auth = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (auth?.[1] !== token) {
      const message = req.headers.authorization ? 'Bad credentials' : 'Requires authentication';
      return { reply: errorReply(401, message), snapshot: rateLimits.snapshot(resource, now()) };
    }
    if (method === 'GET' && pathname === '/rate_limit') {
      return { reply: rateLimitOverview(rateLimits, now()), snapshot: rateLimits.snapshot('core', now()) };
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const content = secondaryLimits.take(now());
      if (!content.allowed) {
        return {
          reply: secondaryLimitReply(content.status, content.retryAfter, requestId),
          snapshot: rateLimits.snapshot(resource, now()),
        };
      }
    }
    const spent = rateLimits.take(resource, now());
    if (!spent.allowed)
      return { reply: primaryLimitReply(403, requestId, spent.snapshot), snapshot: spent.snapshot };
    const snapshot = spent.snapshot;
    if (!match || (alias && !aliased)) return { reply: notFound(), snapshot };

    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return { reply: errorReply(400, 'Problems parsing JSON', match.route.docs), snapshot };
      }
    }
    const context: BaseContext = {
      store,
      render: { api: base, store },
      params: match.params,
      query: url.searchParams,
      body,
      url,
      docs: match.route.docs,
    };
    if (match.kind === 'global') {
      await faults.runHooks(method, route, store);
      return { reply: await match.route.handle(context), snapshot };
    }
    const repo = store.findRepo(match.params['owner'] ?? '', match.params['repo'] ?? '');
    if (!repo) return { reply: notFound(match.route.docs), snapshot };
    const repoRoute = match.route;
    const run = async (): Promise<Reply> => {
      await faults.runHooks(method, route, store);
      return repoRoute.handle({ ...context, repo });
    };
    // Writes to one repository are applied one at a time, as GitHub does; that is what makes label deletes and
    // label creates usable compare-and-swap operations.
    const reply = method === 'GET' ? await run() : await mutex.run(repo.fullName.toLowerCase(), run);
    return { reply, snapshot };
  }

  function send(res: ServerResponse, requestId: string, reply: Reply, snapshot: RateLimitSnapshot): void {
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': requestId,
      ...rateLimitHeaders(snapshot),
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers);
    res.end(text);
  }

  const server = createServer((req, res) => {
    requestCounter += 1;
    const requestId = `EMU0:${requestCounter.toString(16).padStart(6, '0')}`;
    handle(req, requestId).then(
      ({ reply, snapshot }) => send(res, requestId, reply, snapshot),
      (error: unknown) => {
        // A bug in the emulator, not a GitHub behaviour: say so loudly in the body.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        send(
          res,
          requestId,
          errorReply(500, `GitHub emulator failure: ${message}`, DOCS),
          rateLimits.snapshot('core', Date.now()),
        );
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    token,
    store,
    faults,
    rateLimits,
    secondaryLimits,
    counts: () => Object.fromEntries(counts),
    resetCounts: () => {
      counts = new Map();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
