// The HTTP health check of a new environment: retried until it answers 2xx or its budget runs out. The fetch, the
// pause and the clock are injectable so budgets can be tested without waiting.

export interface HealthResponse {
  status: number;
}
export type HealthFetch = (url: string, init: { signal: AbortSignal }) => Promise<HealthResponse>;
export type Sleep = (ms: number) => Promise<void>;
/** Milliseconds, as Date.now(). */
export type Clock = () => number;

export interface HealthOptions {
  budgetMs: number;
  intervalMs: number;
  requestTimeoutMs: number;
  fetch?: HealthFetch;
  sleep?: Sleep;
  now?: Clock;
  /** Checked before each attempt: true ends the check at once (the deploy it belonged to failed meanwhile). */
  cancelled?: () => boolean;
}

export interface HealthResult {
  healthy: boolean;
  attempts: number;
  elapsedMs: number;
  /** Why the last attempt failed, in words (HTTP 503, connection refused, no answer within 10s). */
  lastProblem?: string;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const realFetch: HealthFetch = async (url, init) => {
  const response = await fetch(url, { signal: init.signal });
  // The body is not needed; dropping it frees the connection.
  await response.body?.cancel();
  return { status: response.status };
};

function describeFailure(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors may come from another realm (a test VM), where instanceof Error is false.
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000}s`;
  return cause?.code ?? cause?.message ?? message ?? String(error);
}

/**
 * GETs `url` until it answers 2xx. The last attempt starts no later than the budget's end; each attempt is cut off
 * at `requestTimeoutMs` or at what is left of the budget, whichever is shorter (but at least one second).
 */
export async function checkHealth(url: string, options: HealthOptions): Promise<HealthResult> {
  const fetchOnce = options.fetch ?? realFetch;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const start = now();
  let attempts = 0;
  let lastProblem: string | undefined;
  for (;;) {
    if (options.cancelled?.())
      return { healthy: false, attempts, elapsedMs: now() - start, lastProblem: 'cancelled' };
    attempts += 1;
    const left = options.budgetMs - (now() - start);
    const timeoutMs = Math.max(1000, Math.min(options.requestTimeoutMs, left));
    try {
      const response = await fetchOnce(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (response.status >= 200 && response.status < 300) {
        return { healthy: true, attempts, elapsedMs: now() - start };
      }
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = describeFailure(error, timeoutMs);
    }
    const elapsed = now() - start;
    if (elapsed >= options.budgetMs) return { healthy: false, attempts, elapsedMs: elapsed, lastProblem };
    await sleep(Math.min(options.intervalMs, options.budgetMs - elapsed));
  }
}

/**
 * A fetch that sends every request with `Host: <host>` (and, over HTTPS, that name for SNI and the certificate
 * check), whatever address the URL names: a health check through a load balancer reaches the environment by its
 * host, also when the URL is the balancer's own address (input load-balancer-address). Node's fetch cannot set Host.
 */
export function hostHeaderFetch(host: string): HealthFetch {
  return async (url, init) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const { request } = secure ? await import('node:https') : await import('node:http');
    return new Promise<HealthResponse>((resolve, reject) => {
      const outgoing = request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port || (secure ? 443 : 80),
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers: { host },
          ...(secure ? { servername: host } : {}),
          signal: init.signal,
        },
        (response) => {
          // The body is not needed; dropping it frees the connection.
          response.resume();
          resolve({ status: response.statusCode ?? 0 });
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  };
}
