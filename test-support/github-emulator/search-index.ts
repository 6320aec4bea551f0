// The search index, kept apart from the database as GitHub keeps it: search answers from what was indexed, which lags
// the writes (a label added seconds ago is not yet found), and under load a search answers `incomplete_results: true`
// with only part of the matches. Both are off until a test turns them on, so every other test sees a consistent index.
import { seededRandom } from './faults.js';
import type { IssueRecord, RepoRecord, Store } from './store.js';

/** What search knows of an issue: its labels and state as of the last time the index caught up with it. */
export interface IndexedIssue {
  labels: string[];
  state: 'open' | 'closed';
}

interface Partial {
  /** Requests still to answer partially; Infinity with a rate. */
  remaining: number;
  /** Probability that one request is answered partially. */
  rate: number;
  /** Share of the matches a partial answer keeps. */
  keep: number;
  next: () => number;
}

export class SearchIndex {
  private lagMs = 0;
  private readonly indexed = new WeakMap<IssueRecord, IndexedIssue>();
  private partial: Partial | undefined;

  constructor(private readonly store: Store) {}

  /**
   * From now on a change to an issue becomes searchable only `ms` after its last change (its `updated_at`); until
   * then search sees it as it was when last indexed, and an issue never indexed is not found at all. What exists when
   * this is called counts as indexed. `0` turns the lag off.
   */
  setLag(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`setLag: ms must be ≥ 0, got ${ms}`);
    for (const repo of this.store.repositories()) {
      for (const issue of repo.issues.values()) this.indexed.set(issue, this.current(repo, issue));
    }
    this.lagMs = ms;
  }

  /** The next `n` search requests answer `incomplete_results: true` with about `keep` of their matches. */
  partialResults(n: number, options: { keep?: number; seed?: number } = {}): void {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`partialResults: n must be a positive integer, got ${n}`);
    this.partial = {
      remaining: n,
      rate: 1,
      keep: options.keep ?? 0.5,
      next: seededRandom(options.seed ?? 1),
    };
  }

  /** Each search request is answered partially with probability `rate`, reproducibly from `seed`. `0` turns it off. */
  randomPartialResults(rate: number, options: { keep?: number; seed?: number } = {}): void {
    if (!(rate >= 0 && rate <= 1))
      throw new RangeError(`randomPartialResults: rate must be in [0, 1], got ${rate}`);
    this.partial =
      rate === 0
        ? undefined
        : { remaining: Infinity, rate, keep: options.keep ?? 0.5, next: seededRandom(options.seed ?? 1) };
  }

  /** How search sees `issue` now, or undefined when the index has not seen it yet. */
  view(repo: RepoRecord, issue: IssueRecord): IndexedIssue | undefined {
    const now = this.current(repo, issue);
    if (this.lagMs === 0) return now;
    const changed = Date.parse(issue.updatedAt);
    if (this.store.clock().getTime() - changed >= this.lagMs) this.indexed.set(issue, now);
    return this.indexed.get(issue);
  }

  /** The matches one request returns, and whether the answer is partial. */
  answer<T>(matches: T[]): { items: T[]; incomplete: boolean } {
    const partial = this.partial;
    if (partial === undefined || partial.remaining <= 0 || partial.next() >= partial.rate) {
      return { items: matches, incomplete: false };
    }
    partial.remaining -= 1;
    if (partial.remaining <= 0) this.partial = undefined;
    return { items: matches.filter(() => partial.next() < partial.keep), incomplete: true };
  }

  private current(repo: RepoRecord, issue: IssueRecord): IndexedIssue {
    return { labels: this.store.issueLabels(repo, issue).map((l) => l.name), state: issue.state };
  }
}
