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
