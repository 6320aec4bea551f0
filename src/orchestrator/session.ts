// One PR's labels as this run last saw them. Every write returns or implies the new label set, so the run keeps a
// mirror instead of re-reading after each write; it re-reads (refresh) only where another writer matters: before
// the points of no return of a deploy.
import { buildPrState } from '../core/state.js';
import type { PrState } from '../core/types.js';
import type { GitHubPort, PullRequestInfo } from '../github/port.js';

/** A PR as the plan record carries it from the plan step to the run step. */
export type PullSnapshot = Omit<PullRequestInfo, 'createdAt'> & { createdAt: string };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class PrSession {
  private constructor(
    private readonly github: GitHubPort,
    private pull: PullRequestInfo,
  ) {}

  static async open(github: GitHubPort, pr: number): Promise<PrSession> {
    return new PrSession(github, await github.getPullRequest(pr));
  }

  /**
   * A session on labels this workflow run read a moment ago (the plan step's, carried by the plan record), for a run
   * whose first use of the labels re-reads them anyway.
   */
  static resume(github: GitHubPort, snapshot: PullSnapshot): PrSession {
    return new PrSession(github, {
      ...snapshot,
      labels: [...snapshot.labels],
      createdAt: new Date(snapshot.createdAt),
    });
  }

  /** What resume() takes, as JSON carries it. */
  snapshot(): PullSnapshot {
    return { ...this.pull, labels: [...this.pull.labels], createdAt: this.pull.createdAt.toISOString() };
  }

  get number(): number {
    return this.pull.number;
  }

  get pullRequest(): PullRequestInfo {
    return this.pull;
  }

  get labels(): readonly string[] {
    return this.pull.labels;
  }

  state(): PrState {
    return buildPrState({
      number: this.pull.number,
      headSha: this.pull.headSha,
      open: this.pull.open,
      fromFork: this.pull.fromFork,
      labels: [...this.pull.labels],
    });
  }

  has(name: string): boolean {
    return this.pull.labels.some((label) => same(label, name));
  }

  async refresh(): Promise<PrState> {
    this.pull = await this.github.getPullRequest(this.pull.number);
    return this.state();
  }

  /** Adds every missing label in one call. */
  async add(names: string[]): Promise<void> {
    const missing = [...new Set(names)].filter((name) => !this.has(name));
    if (missing.length === 0) return;
    const after = await this.github.addLabels(this.pull.number, missing);
    this.pull = { ...this.pull, labels: after ?? [...this.pull.labels, ...missing] };
  }

  /**
   * Removes labels one by one (GitHub has no batch removal; PUT would drop labels people add meanwhile). Returns the
   * names this call removed: for a trigger label, that is the compare-and-swap outcome.
   */
  async remove(names: string[]): Promise<string[]> {
    const removed: string[] = [];
    for (const name of new Set(names)) {
      if (await this.github.removeLabel(this.pull.number, name)) removed.push(name);
      this.pull = { ...this.pull, labels: this.pull.labels.filter((label) => !same(label, name)) };
    }
    return removed;
  }

  /**
   * Deletes the repository's definition of a label, which takes it off this PR too (and off every other issue: the
   * caller has read that nothing else carries it). Returns whether the definition was there.
   */
  async deleteDefinition(name: string): Promise<boolean> {
    const deleted = await this.github.deleteRepoLabel(name);
    this.pull = { ...this.pull, labels: this.pull.labels.filter((label) => !same(label, name)) };
    return deleted;
  }

  /** Adds `add` first, then removes `remove` minus what was added, so the PR never shows an empty state between. */
  async replace(add: string[], remove: string[]): Promise<void> {
    await this.add(add);
    await this.remove(remove.filter((name) => !add.some((added) => same(added, name)) && this.has(name)));
  }
}
