// Pacing of GitHub requests, sized from GitHub's documented limits
// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
// "no more than 80 content-generating requests per minute and no more than 500 content-generating requests per
// hour", and 30 searches a minute (primary limit of the search resource). A fixed one-second gap between writes
// (GitHub's best-practice advice, which plugin-throttling applies by default) stays inside them too, but makes the
// dozen writes of one event cost a dozen seconds; a token bucket sends them at once and still never gets near the
// limits.
//
// A bucket of `burst` tokens refilled one per `refillMs`: in ANY window of T ms at most burst + T/refillMs requests
// leave, and at most `perHour` in any hour (a sliding window of send times). Defaults (CONTENT_PACING):
// burst 20 + 60 s / 1.2 s = 70 writes in any minute (limit 80) and 400 in any hour (limit 500); every write counts,
// whether GitHub would call it content-generating or not. The bucket is per process: concurrent workflow runs share
// GitHub's limits but not this bucket, which is why the margins are wide and why a secondary-limit answer is
// still honoured (plugin-throttling retries it after its `retry-after`).

export interface BucketLimits {
  /** Requests that may leave at once after a quiet spell. */
  burst: number;
  /** One more token every `refillMs` (in time units, see TimeSource). */
  refillMs: number;
  /** At most this many requests in any hour; undefined: no hourly cap. */
  perHour?: number;
}

/** Writes (POST, PATCH, PUT, DELETE). */
export const CONTENT_PACING: BucketLimits = { burst: 20, refillMs: 1200, perHour: 400 };
/** Searches: 5 + 60 s / 2.5 s = 29 in any minute, under the search resource's 30. */
export const SEARCH_PACING: BucketLimits = { burst: 5, refillMs: 2500 };

export interface TimeSource {
  now(): number;
  sleep(ms: number): Promise<void>;
  /**
   * Real milliseconds per millisecond of the limits above: 1 in production. Tests scale time down (0.01: a minute
   * lasts 600 ms) together with the emulator's limit windows, so the same limits hold in a shorter world.
   */
  scale: number;
}

export const REAL_TIME: TimeSource = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  scale: 1,
};

const HOUR_MS = 3_600_000;

export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private readonly sent: number[] = [];
  /** Requests wait in order: a chain, so two waiters never take the same token. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limits: BucketLimits,
    private readonly time: TimeSource = REAL_TIME,
  ) {
    this.tokens = limits.burst;
    this.refilledAt = time.now();
  }

  /** Resolves when one request may leave, and counts it as sent. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(now: number): void {
    const refillMs = this.limits.refillMs * this.time.scale;
    const earned = Math.floor((now - this.refilledAt) / refillMs);
    if (earned <= 0) return;
    this.tokens = Math.min(this.limits.burst, this.tokens + earned);
    // Time not yet worth a token carries over, unless the bucket is full (a full bucket earns nothing).
    this.refilledAt = this.tokens === this.limits.burst ? now : this.refilledAt + earned * refillMs;
  }

  /** How long until the next request may leave; 0 when it may leave now. */
  private waitMs(now: number): number {
    this.refill(now);
    const hour = HOUR_MS * this.time.scale;
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - hour) this.sent.shift();
    const hourly =
      this.limits.perHour !== undefined && this.sent.length >= this.limits.perHour
        ? (this.sent[0] ?? now) + hour - now
        : 0;
    const bucket = this.tokens >= 1 ? 0 : this.refilledAt + this.limits.refillMs * this.time.scale - now;
    return Math.max(hourly, bucket, 0);
  }

  private async waitForToken(): Promise<void> {
    for (let wait = this.waitMs(this.time.now()); wait > 0; wait = this.waitMs(this.time.now()))
      await this.time.sleep(wait);
    this.tokens -= 1;
    this.sent.push(this.time.now());
  }
}

type Job = (...args: unknown[]) => unknown;

/**
 * The shape plugin-throttling expects of a Bottleneck group (`group.key(id).schedule(options, job, ...args)`), on a
 * token bucket; or, without one, a group that runs each job at once (pacing off).
 */
export function bucketGroup(bucket?: TokenBucket): unknown {
  const limiter = {
    schedule: async (_options: unknown, job: Job, ...args: unknown[]) => {
      if (bucket) await bucket.take();
      return job(...args);
    },
  };
  return { key: () => limiter };
}
