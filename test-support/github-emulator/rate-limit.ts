// GitHub's primary rate limit: a request budget per window and resource, reported on every response in the
// x-ratelimit-* headers. `now` is passed in so the window logic is testable without waiting an hour.

export type Resource = 'core' | 'search';

export interface RateLimitSnapshot {
  resource: Resource;
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the window restarts. */
  reset: number;
}

const WINDOW_SECONDS: Record<Resource, number> = { core: 3600, search: 60 };

export const DEFAULT_LIMITS: Record<Resource, number> = { core: 5000, search: 30 };

export class RateLimits {
  private readonly windows = new Map<Resource, { used: number; reset: number }>();

  constructor(private readonly limits: Record<Resource, number> = DEFAULT_LIMITS) {}

  private window(resource: Resource, nowMs: number): { used: number; reset: number } {
    const nowSeconds = Math.floor(nowMs / 1000);
    let window = this.windows.get(resource);
    if (!window || nowSeconds >= window.reset) {
      window = { used: 0, reset: nowSeconds + WINDOW_SECONDS[resource] };
      this.windows.set(resource, window);
    }
    return window;
  }

  snapshot(resource: Resource, nowMs: number): RateLimitSnapshot {
    const window = this.window(resource, nowMs);
    const limit = this.limits[resource];
    return {
      resource,
      limit,
      used: window.used,
      remaining: Math.max(0, limit - window.used),
      reset: window.reset,
    };
  }

  /** Spends one request; `allowed: false` when the window's budget was already used up. */
  take(resource: Resource, nowMs: number): { allowed: boolean; snapshot: RateLimitSnapshot } {
    const window = this.window(resource, nowMs);
    if (window.used >= this.limits[resource])
      return { allowed: false, snapshot: this.snapshot(resource, nowMs) };
    window.used += 1;
    return { allowed: true, snapshot: this.snapshot(resource, nowMs) };
  }

  /** Starts fresh windows (tests that exhaust a budget on purpose). */
  reset(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(s: RateLimitSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-reset': String(s.reset),
    'x-ratelimit-resource': s.resource,
  };
}

/**
 * GitHub's secondary limit on content creation (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 * "no more than 80 content-generating requests per minute and no more than 500 content-generating requests per
 * hour". Every write (POST, PATCH, PUT, DELETE) counts, in sliding windows; a refused request does not. `secondMs`
 * scales time down for tests (10: a minute lasts 600 ms), as the client's SHOWTIME_GITHUB_DELAY_UNIT_MS does.
 */
export interface SecondaryLimitOptions {
  perMinute?: number;
  perHour?: number;
  /** Real milliseconds per second of the windows and of `retry-after`. Default 1000. */
  secondMs?: number;
  /** GitHub answers 403 or 429; default 403. */
  status?: 403 | 429;
}

export const CONTENT_LIMITS = { perMinute: 80, perHour: 500 };

export class SecondaryLimits {
  private enabled: Required<SecondaryLimitOptions> | undefined;
  private sent: number[] = [];
  /** Requests refused so far (reset by `enable`). */
  refused = 0;

  /** Starts enforcing (fresh windows). */
  enable(options: SecondaryLimitOptions = {}): void {
    this.enabled = { ...CONTENT_LIMITS, secondMs: 1000, status: 403, ...options };
    this.sent = [];
    this.refused = 0;
  }

  disable(): void {
    this.enabled = undefined;
  }

  /** Counts one content-generating request; when a window is full, the seconds to wait instead. */
  take(nowMs: number): { allowed: true } | { allowed: false; retryAfter: number; status: 403 | 429 } {
    const limits = this.enabled;
    if (!limits) return { allowed: true };
    const minute = 60 * limits.secondMs;
    const hour = 3600 * limits.secondMs;
    this.sent = this.sent.filter((at) => at > nowMs - hour);
    const inMinute = this.sent.filter((at) => at > nowMs - minute);
    // The window frees up when its oldest request leaves it.
    const freeAt =
      inMinute.length >= limits.perMinute
        ? (inMinute[inMinute.length - limits.perMinute] ?? nowMs) + minute
        : this.sent.length >= limits.perHour
          ? (this.sent[this.sent.length - limits.perHour] ?? nowMs) + hour
          : undefined;
    if (freeAt !== undefined) {
      this.refused += 1;
      return {
        allowed: false,
        retryAfter: Math.max(1, Math.ceil((freeAt - nowMs) / limits.secondMs)),
        status: limits.status,
      };
    }
    this.sent.push(nowMs);
    return { allowed: true };
  }
}
