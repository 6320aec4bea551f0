// Fault injection: the failures a GitHub client meets in production (5xx, secondary and primary rate limits, slow
// answers) and concurrent writers, on demand and deterministically, so retry and compare-and-swap code can be tested.
import type { Store } from './store.js';

export type ServerErrorStatus = 500 | 502 | 503;
export type RateLimitStatus = 403 | 429;

/** The kinds `random()` picks from, and the keys of `injected()`. */
export const FAULT_KINDS = [
  'error-500',
  'error-502',
  'error-503',
  'secondary-rate-limit-403',
  'secondary-rate-limit-429',
  'primary-rate-limit-403',
  'primary-rate-limit-429',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Which requests a fault applies to; both parts optional, an empty filter matches every request. */
export interface RouteFilter {
  /** HTTP method, any case. */
  method?: string;
  /** A route template such as `/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}`, or a RegExp tested on it. */
  route?: string | RegExp;
}

/** A fault chosen for one request; the server turns it into a response. */
export interface InjectedFault {
  kind: FaultKind;
  /** Seconds for the `retry-after` header of a secondary rate limit. */
  retryAfter: number;
}

export type BeforeHook = (store: Store) => void | Promise<void>;

interface Armed {
  remaining: number;
  filter: RouteFilter;
  fault: InjectedFault;
}

interface RandomMode {
  rate: number;
  kinds: FaultKind[];
  filter: RouteFilter;
  next: () => number;
}

function matches(filter: RouteFilter, method: string, route: string): boolean {
  if (filter.method !== undefined && filter.method.toUpperCase() !== method.toUpperCase()) return false;
  if (filter.route === undefined) return true;
  return typeof filter.route === 'string' ? filter.route === route : filter.route.test(route);
}

/** mulberry32: a tiny seeded PRNG, so a failing random run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function requireCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name}: n must be a positive integer, got ${n}`);
}

function pickFilter(options: RouteFilter): RouteFilter {
  const filter: RouteFilter = {};
  if (options.method !== undefined) filter.method = options.method;
  if (options.route !== undefined) filter.route = options.route;
  return filter;
}

export class Faults {
  private armed: Armed[] = [];
  private delays: { ms: number; filter: RouteFilter }[] = [];
  private randomMode: RandomMode | undefined;
  private hooks: { filter: RouteFilter; hook: BeforeHook }[] = [];
  private readonly counts = new Map<string, number>();

  /** The next `n` matching requests answer with a server error (default 502, GitHub's usual transient one). */
  failNext(n: number, options: { status?: ServerErrorStatus } & RouteFilter = {}): void {
    requireCount('failNext', n);
    const status = options.status ?? 502;
    if (![500, 502, 503].includes(status))
      throw new RangeError(`failNext: status must be 500, 502 or 503, got ${status}`);
    this.armed.push({
      remaining: n,
      filter: pickFilter(options),
      fault: { kind: `error-${status}`, retryAfter: 0 },
    });
  }

  /**
   * The next `n` matching requests hit a rate limit: by default the secondary limit (403, `retry-after`, a message
   * containing "secondary rate limit"), or with `kind: 'primary'` the primary one (`x-ratelimit-remaining: 0`).
   */
  rateLimitNext(
    n: number,
    options: {
      status?: RateLimitStatus;
      retryAfter?: number;
      kind?: 'secondary' | 'primary';
    } & RouteFilter = {},
  ): void {
    requireCount('rateLimitNext', n);
    const status = options.status ?? 403;
    if (status !== 403 && status !== 429)
      throw new RangeError(`rateLimitNext: status must be 403 or 429, got ${status}`);
    const retryAfter = options.retryAfter ?? 60;
    if (!Number.isInteger(retryAfter) || retryAfter < 0) {
      throw new RangeError(
        `rateLimitNext: retryAfter must be a whole number of seconds ≥ 0, got ${retryAfter}`,
      );
    }
    const kind: FaultKind = `${options.kind ?? 'secondary'}-rate-limit-${status}`;
    this.armed.push({ remaining: n, filter: pickFilter(options), fault: { kind, retryAfter } });
  }

  /** Every matching request waits `ms` before it is handled. `delay(0)` removes all delays. */
  delay(ms: number, filter: RouteFilter = {}): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`delay: ms must be a number ≥ 0, got ${ms}`);
    if (ms === 0) this.delays = [];
    else this.delays.push({ ms, filter: pickFilter(filter) });
  }

  /**
   * Fails a fraction `rate` of matching requests, choosing which and how from `seed` alone: the same seed and the
   * same sequence of requests give the same faults. `rate: 0` turns random mode off.
   */
  random(options: { rate: number; seed: number; kinds?: FaultKind[] } & RouteFilter): void {
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new RangeError(`random: rate must be in [0, 1], got ${options.rate}`);
    const kinds = options.kinds ?? ['error-500', 'error-502', 'error-503', 'secondary-rate-limit-403'];
    const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
    if (kinds.length === 0 || unknown.length > 0) {
      throw new RangeError(`random: kinds must be a non-empty list of ${FAULT_KINDS.join(', ')}`);
    }
    this.randomMode =
      options.rate === 0
        ? undefined
        : { rate: options.rate, kinds, filter: pickFilter(options), next: seededRandom(options.seed) };
  }

  /**
   * Runs `hook` once, right before the next matching request is handled (after any fault check, inside the
   * repository's write lock): "another writer changed the labels between your two calls". Hooks armed several times
   * apply to successive matching requests, one each.
   */
  beforeNext(filter: RouteFilter, hook: BeforeHook): void {
    this.hooks.push({ filter: pickFilter(filter), hook });
  }

  /** Removes every armed fault, delay, random mode and pending hook (the injected counts stay). */
  clear(): void {
    this.armed = [];
    this.delays = [];
    this.randomMode = undefined;
    this.hooks = [];
  }

  /** Faults injected so far, by kind, plus `delay` and `before-next` for those. */
  injected(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Total number of faults injected (delays and hooks included). */
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  resetInjected(): void {
    this.counts.clear();
  }

  private record(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  // ---------------------------------------------------------------- used by the server

  /** Milliseconds to wait before handling this request (the largest matching delay). */
  delayFor(method: string, route: string): number {
    let ms = 0;
    for (const d of this.delays) if (matches(d.filter, method, route)) ms = Math.max(ms, d.ms);
    if (ms > 0) this.record('delay');
    return ms;
  }

  /** The fault this request meets, if any: armed faults first (in the order armed), then random mode. */
  take(method: string, route: string): InjectedFault | undefined {
    const armed = this.armed.find((a) => matches(a.filter, method, route));
    if (armed) {
      armed.remaining -= 1;
      if (armed.remaining === 0) this.armed = this.armed.filter((a) => a !== armed);
      this.record(armed.fault.kind);
      return armed.fault;
    }
    const mode = this.randomMode;
    if (mode && matches(mode.filter, method, route)) {
      const roll = mode.next();
      const pick = mode.next();
      if (roll < mode.rate) {
        const kind = mode.kinds[Math.floor(pick * mode.kinds.length)] ?? mode.kinds[0] ?? 'error-502';
        this.record(kind);
        return { kind, retryAfter: 1 };
      }
    }
    return undefined;
  }

  /** Runs and removes the first pending hook that matches this request (one hook per request, in arming order). */
  async runHooks(method: string, route: string, store: Store): Promise<void> {
    const due = this.hooks.find((h) => matches(h.filter, method, route));
    if (!due) return;
    this.hooks = this.hooks.filter((h) => h !== due);
    this.record('before-next');
    await due.hook(store);
  }
}
