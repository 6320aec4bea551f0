// One sweep's state, shared by its steps: what it read, what it did, what failed; and the reads every step makes.
import type { ManagedService } from '../aws/ecs.js';
import type { SweepAction, SweepActionKind, SweepFailure } from '../core/dashboard.js';
import type { SweepView } from '../core/reconcile.js';
import { buildPrState, UNKNOWN_HEAD } from '../core/state.js';
import type { Address, PrState } from '../core/types.js';
import { GitHubError } from '../github/errors.js';
import type { LabelDefinition } from '../core/labels.js';
import type { PullRequestSummary } from '../github/port.js';
import { notify } from '../notify/slack.js';
import type { Notice } from '../notify/slack.js';
import type { Deps } from './context.js';
import { messageOf } from './context.js';

import { PrSession } from './session.js';
/** A PR's head SHA is not in a search result; nothing the sweep decides from a summary depends on it. */

/** Where each kind of action writes, to tell what a partial dry run did not carry out. */
const SYSTEM: Record<SweepActionKind, 'github' | 'aws' | 'both' | 'none'> = {
  destroyed: 'both',
  warned: 'github',
  'marked-failed': 'github',
  'address-refreshed': 'github',
  slept: 'both',
  'route-repaired': 'aws',
  dated: 'github',
  untracked: 'github',
  adopted: 'github',
  'orphan-deleted': 'aws',
  'orphan-kept': 'none',
  'leftover-deleted': 'aws',
  'label-deleted': 'github',
  'labels-synced': 'github',
};

/** A PR's state as its search result shows it. */
export function summaryState(summary: PullRequestSummary): PrState {
  return buildPrState({
    number: summary.number,
    headSha: UNKNOWN_HEAD,
    open: summary.open,
    labels: summary.labels,
  });
}
export const lower = (name: string): string => name.toLowerCase();

/** Everything one sweep knows and has done; passed between the steps. */
export class Sweep {
  readonly now: Date;
  readonly dryRun: boolean;
  readonly actions: SweepAction[] = [];
  readonly failures: SweepFailure[] = [];
  readonly warnings: string[] = [];
  /** Final state and labels of every PR, by number. */
  readonly prs = new Map<number, { state: PrState; labels: string[] }>();
  /** Environments a stop already went through (their services are gone or reported). */
  readonly handled = new Set<string>();
  cleaned = 0;
  services: ManagedService[] | undefined;
  /** Public-IP mode: where each running environment's task answers now, by `pr/sha` (envKey). */
  addresses: Map<string, Address> | undefined;
  repoLabels: LabelDefinition[] = [];
  labelsByName = new Map<string, LabelDefinition>();

  constructor(readonly deps: Deps) {
    this.now = deps.clock();
    this.dryRun = deps.settings.dryRun.github || deps.settings.dryRun.aws;
  }

  act(action: SweepAction): void {
    const dry = this.deps.settings.dryRun;
    const system = { github: dry.github, aws: dry.aws, both: dry.github || dry.aws, none: false }[
      SYSTEM[action.kind]
    ];
    this.actions.push(system ? { ...action, planned: true } : action);
    this.deps.log.info(`${system ? 'would: ' : ''}${action.kind} ${action.subject}: ${action.detail}`);
  }

  warn(message: string): void {
    this.warnings.push(message);
    this.deps.log.warning(message);
  }

  fail(failure: SweepFailure): void {
    this.failures.push(failure);
    this.deps.log.error(`${failure.pr ? `#${failure.pr} ` : ''}${failure.subject}: ${failure.error}`);
  }

  async notify(notice: Notice): Promise<void> {
    // A dry run writes nothing anywhere, Slack included.
    if (this.dryRun) return;
    const repo = `${this.deps.github.repo.owner}/${this.deps.github.repo.repo}`;
    await notify(this.deps.settings, { ...notice, repo }, { warn: (m) => this.deps.log.warning(m) });
  }

  /** What the reconciler sees of this sweep, now. */
  view(): SweepView {
    return {
      now: this.now,
      policy: this.deps.settings.policy,
      orphanGraceMinutes: this.deps.settings.orphanGraceMinutes,
      prs: this.prs,
      services: this.services,
      labels: this.labelsByName,
      handled: this.handled,
      ...(this.addresses ? { addresses: this.addresses } : {}),
    };
  }
}

/**
 * The SHAs a PR's labels claim, from a fresh read of the PR: an orphan or a leftover is deleted only when this says
 * nothing claims it. A PR that is gone claims nothing; one that cannot be read is a failure, and `undefined`.
 */
export async function claimsOf(
  deps: Deps,
  sweep: Sweep,
  pr: number,
  subject: string,
): Promise<Set<string> | undefined> {
  try {
    return new Set(Object.keys((await PrSession.open(deps.github, pr)).state().environments));
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return new Set();
    sweep.fail({ pr, subject, error: `could not read the PR: ${messageOf(error)}` });
    return undefined;
  }
}
