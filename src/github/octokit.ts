// The Octokit the adapter talks through: @octokit/core with the REST methods and pagination (what @actions/github
// assembles, without its bundled undici: requests go through Node's own fetch, and the proxy-aware undici is loaded
// only when a proxy applies), and GitHub's recommended handling of failures. plugin-retry retries 5xx and transport
// errors with a quadratic backoff; plugin-throttling paces writes and searches (pacing.ts) and retries secondary
// (and short primary) rate limits after the `retry-after` GitHub asks for.
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { throttling } from '@octokit/plugin-throttling';
import type { TimeSource } from './pacing.js';
import { bucketGroup, CONTENT_PACING, REAL_TIME, SEARCH_PACING, TokenBucket } from './pacing.js';

const PacedOctokit = OctokitCore.plugin(restEndpointMethods, paginateRest, retry, throttling);
export type Octokit = InstanceType<typeof PacedOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: the emulator and GitHub Enterprise work unchanged. Default https://api.github.com. */
  baseUrl?: string;
  /** Retries of a 5xx or transport failure. Default 3. */
  retries?: number;
  /** Retries of a 403/429 rate limit. Default 2. */
  rateLimitRetries?: number;
  /**
   * A primary-limit reset further away than this is not waited for. Default 90: enough for the search quota's
   * one-minute window, far short of the core quota's hour.
   */
  maxRateLimitWaitSeconds?: number;
  /**
   * Milliseconds per unit of delay: GitHub's `retry-after` is in seconds and the 5xx backoff waits
   * (attempt)² units. Default 1000; tests pass 1. The pacing's clock is scaled by the same factor (a test world
   * with a 10 ms second has 600 ms minutes, and the emulator's limit windows shrink alike).
   */
  delayUnitMs?: number;
  /**
   * Pacing inside GitHub's documented limits (pacing.ts): writes from a token bucket (burst 20, one more per 1.2 s,
   * at most 400 an hour), searches likewise (burst 5, one per 2.5 s), at most 10 requests in flight. Default true;
   * false sends everything at once (tests against the emulator; `SHOWTIME_GITHUB_PACING=off` in the action).
   */
  pacing?: boolean;
  /** Where retries are reported (core.warning in the action). */
  log?: (message: string) => void;
}

export const GITHUB_API = 'https://api.github.com';

type Group = NonNullable<ThrottlingOptions['write']>;

type Fetch = typeof fetch;

/**
 * Node's fetch, unless HTTPS_PROXY / HTTP_PROXY applies to `baseUrl` (NO_PROXY and loopback honoured, as
 * @actions/http-client decides): then undici's ProxyAgent, loaded on the first request.
 */
function fetchFor(baseUrl: string): Fetch {
  if (!getProxyUrl(new URL(baseUrl))) return globalThis.fetch;
  let proxied: Promise<Fetch> | undefined;
  const load = async (): Promise<Fetch> => {
    const [{ HttpClient }, undici] = await Promise.all([import('@actions/http-client'), import('undici')]);
    const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
    return ((url: string, init: object) => undici.fetch(url, { ...init, dispatcher })) as unknown as Fetch;
  };
  return (async (url: string, init?: RequestInit) => (await (proxied ??= load()))(url, init)) as Fetch;
}

export function createOctokit(options: ClientOptions): Octokit {
  const unit = options.delayUnitMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 90;
  const log = options.log ?? (() => undefined);
  const describe = (request: { method: string; url: string }) => `${request.method} ${request.url}`;

  const throttle: ThrottlingOptions & { global?: Group } = {
    retryAfterBaseValue: unit,
    onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryCount >= rateLimitRetries) return false;
      log(`GitHub secondary rate limit on ${describe(request)}; retrying after ${retryAfter}s`);
      return true;
    },
    onRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryCount >= rateLimitRetries || retryAfter > maxWait) return false;
      log(`GitHub rate limit exhausted on ${describe(request)}; retrying after ${retryAfter}s`);
      return true;
    },
  };
  // Comments are writes: the write bucket already paces them, so the plugin's extra per-comment gap is dropped.
  const immediate = bucketGroup() as Group;
  if (options.pacing === false) {
    Object.assign(throttle, {
      global: immediate,
      write: immediate,
      search: immediate,
      notifications: immediate,
    });
  } else {
    const time: TimeSource = { ...REAL_TIME, scale: unit / 1000 };
    Object.assign(throttle, {
      write: bucketGroup(new TokenBucket(CONTENT_PACING, time)) as Group,
      search: bucketGroup(new TokenBucket(SEARCH_PACING, time)) as Group,
      notifications: immediate,
    });
  }

  const baseUrl = (options.baseUrl || GITHUB_API).replace(/\/+$/, '');
  return new PacedOctokit({
    auth: `token ${options.token}`,
    baseUrl,
    request: { fetch: fetchFor(baseUrl) },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: unit,
      // 429 is a rate limit: plugin-throttling owns it (it honours retry-after), so plugin-retry must not also retry.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle,
  });
}
