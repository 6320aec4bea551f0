// The Octokit the adapter talks through: @actions/github's client (proxy-aware) with GitHub's recommended handling of
// failures. plugin-retry retries 5xx and transport errors with a quadratic backoff; plugin-throttling paces writes
// and searches and retries secondary (and short primary) rate limits after the `retry-after` GitHub asks for.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

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
   * (attempt)² units. Default 1000; tests pass 1.
   */
  delayUnitMs?: number;
  /**
   * GitHub's recommended pacing: one write per second, one search per two seconds, one notifying write (comment)
   * per three seconds, at most 10 requests in flight. Default true; false sends immediately (tests, the emulator).
   */
  pacing?: boolean;
  /** Where retries are reported (core.warning in the action). */
  log?: (message: string) => void;
}

export const GITHUB_API = 'https://api.github.com';

type Group = NonNullable<ThrottlingOptions['write']>;

/** Stands in for a Bottleneck group when pacing is off: runs each job at once. */
const IMMEDIATE = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve().then(() => job(...args)),
  }),
} as unknown as Group;

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
  if (options.pacing === false) {
    Object.assign(throttle, {
      global: IMMEDIATE,
      write: IMMEDIATE,
      search: IMMEDIATE,
      notifications: IMMEDIATE,
    });
  }

  const baseUrl = (options.baseUrl || GITHUB_API).replace(/\/+$/, '');
  return getOctokit(
    options.token,
    {
      baseUrl,
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: unit,
        // 429 is a rate limit: plugin-throttling owns it (it honours retry-after), so plugin-retry must not also retry.
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      },
      throttle,
    },
    retry,
    throttling,
  );
}
