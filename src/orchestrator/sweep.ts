// The cleanup sweep: one pass over every PR with showtime state, the ECS services showtime manages and the
// repository's 🎪 labels. Everything is read once up front; a PR is read again (one GET) only when the sweep is
// about to act on it, because GitHub's search index lags behind label writes and a decision to destroy or warn must
// rest on the labels as they are now.
//
// GitHub requests per sweep (n = PRs found, L = repository labels, C = comments on a PR, D = deployments of a PR):
//   1. search: ceil(n/100) (one query: TRACKED and the legacy labels fit in 256 characters)
//   2. repository labels: ceil(L/100); ECS: ListServices per 10 services + DescribeServices per 10
//   3. per PR that needs action: 1 GET, then
//        stop:        a few label writes + ceil(D/100) + 1 per deployment of the SHA + status comment (ceil(C/100) + 1)
//        warn-expiry: ceil(C/100) to look for this deadline's warning, + 1 POST the first time
//        service gone: 2 label writes + status comment
//      per PR that needs nothing: 0
//   4. orphan services: 1 GET per PR that has an old unclaimed service, then the ECS deletion; leftover image tags
//      and admin passwords (ECR DescribeImages per 1000 tags, SSM per 10 parameters): 1 GET per PR that has one
//   5. labels: 0 when the catalogue is in shape (else ceil(L/100) + 1 per write); 1 consistent read (the issues
//      listing) per candidate label no PR the search found carries (each PR it shows gets TRACKED, 1 POST, once),
//      + 1 DELETE per label removed
// A sweep over 10 PRs with nothing to do therefore makes 2 GitHub requests.
import type { ManagedService } from '../aws/ecs.js';
import type { EnvironmentRow, SweepAction, SweepActionKind, SweepFailure } from '../core/dashboard.js';
import { environmentRows, expiryMarker, renderDashboard, renderExpiryWarning } from '../core/dashboard.js';
import {
  BLOCKED,
  CIRCUS,
  EMOJI,
  FREEZE,
  LEGACY_TRIGGER,
  labelDefinition,
  parseLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
} from '../core/labels.js';
import type { SweepView } from '../core/reconcile.js';
import {
  confirmUncarried,
  confirmUnclaimed,
  decideSchedule,
  envKey,
  isQuiet,
  labelVerdicts,
  leftoverCandidates,
  missingServices,
  needsAction,
  onlyTracked,
  orphanVerdicts,
} from '../core/reconcile.js';
import { buildPrState } from '../core/state.js';
import { missingCreated } from '../core/state-guard.js';
import type { Decision, PrState, Status } from '../core/types.js';
import { formatDuration, formatTime, ttlDeadline } from '../core/values.js';
import { GitHubError } from '../github/errors.js';
import type { LabelDefinition } from '../core/labels.js';
import type { PullRequestSummary } from '../github/port.js';
import { notify } from '../notify/slack.js';
import type { Notice } from '../notify/slack.js';
import type { Deps } from './context.js';
import { relabel, setStatus, writeStatusComment } from './common.js';
import { destroy } from './deploy.js';
import { deleteEnvironmentImage, parseEnvironmentImageTag, retireEnvironmentImage } from './images.js';
import { PrSession } from './session.js';

/**
 * Global-form statuses the sweep searches for. The global form (`🎪 🚦 running`) predates per-SHA labels, and the
 * CLI of that time knew only this lifecycle; leaving out the later statuses keeps the search to a single query.
 */
export const LEGACY_GLOBAL_STATUSES: readonly Status[] = [
  'building',
  'built',
  'deploying',
  'running',
  'failed',
];

/** What the sweep searches for: the index label, plus the labels of PRs the earlier workflow labelled. */
export function sweepSearchLabels(): string[] {
  return [
    TRACKED,
    LEGACY_TRIGGER,
    ...LEGACY_GLOBAL_STATUSES.map((status) => `${CIRCUS} ${EMOJI.status} ${status}`),
  ];
}

/** Created and coloured by every sweep, so that people see proper trigger labels in the label picker. */
export const CATALOGUE = [TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, TRACKED];

/** A PR's head SHA is not in a search result; nothing the sweep decides from a summary depends on it. */
const UNKNOWN_HEAD = '0'.repeat(40);

export interface SweepResult {
  rows: EnvironmentRow[];
  actions: SweepAction[];
  failures: SweepFailure[];
  /** Environments destroyed, orphan services deleted and repository labels deleted (would be, in a dry run). */
  cleaned: number;
  /** The job summary. */
  dashboard: string;
}

export interface SweepOptions {
  /** `https://github.com/owner/name`; defaults to github.com. */
  repoUrl?: string;
  /**
   * List the repository's labels and collect leftovers even when nothing is due (a run started by hand,
   * workflow_dispatch). A scheduled sweep with nothing due skips both; its leftovers wait for the next sweep that
   * lists.
   */
  full?: boolean;
}

/** Where each kind of action writes, to tell what a partial dry run did not carry out. */
const SYSTEM: Record<SweepActionKind, 'github' | 'aws' | 'both' | 'none'> = {
  destroyed: 'both',
  warned: 'github',
  'marked-failed': 'github',
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
function summaryState(summary: PullRequestSummary): PrState {
  return buildPrState({
    number: summary.number,
    headSha: UNKNOWN_HEAD,
    open: summary.open,
    labels: summary.labels,
  });
}
const lower = (name: string): string => name.toLowerCase();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything one sweep knows and has done; passed between the steps. */
class Sweep {
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
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Step 3: one PR.

async function sweepPr(sweep: Sweep, summary: PullRequestSummary): Promise<void> {
  const { deps } = sweep;
  const pr = summary.number;
  const state = summaryState(summary);
  sweep.prs.set(pr, { state, labels: summary.labels });
  if (!needsAction(sweep.view(), state, summary.labels)) return;

  // 1 GET: the search result may be minutes old.
  const session = await PrSession.open(deps.github, pr);
  // An active environment whose 📅 is gone would never expire: it counts as created now, the first time it is seen so
  // (the same rule as the PR workflow's, core/state-guard.ts).
  const undated = missingCreated(session.state(), sweep.now);
  if (undated.length > 0) {
    if (!deps.settings.dryRun.github) await session.add(undated);
    sweep.act({
      kind: 'dated',
      pr,
      subject: undated.join(', '),
      detail: 'no 📅 label: counted as created now',
    });
  }
  const fresh = session.state();
  sweep.prs.set(pr, { state: fresh, labels: [...session.labels] });
  const decision = decideSchedule(sweep.view(), fresh);
  if (decision.action === 'stop') await stopPr(sweep, session, decision);
  else if (decision.action === 'warn-expiry') await warnPr(sweep, session, decision);

  const missing = missingServices(sweep.view(), session.state());
  if (missing.length > 0) await markServiceGone(sweep, session, missing);
  if (onlyTracked(session.state(), [...session.labels])) {
    await relabel(deps, session, [], [TRACKED]);
    sweep.act({ kind: 'untracked', pr, subject: TRACKED, detail: 'closed, with nothing left to clean' });
  }
  sweep.prs.set(pr, { state: session.state(), labels: [...session.labels] });
}

async function stopPr(sweep: Sweep, session: PrSession, decision: Decision): Promise<void> {
  const { deps } = sweep;
  const pr = session.number;
  const only = decision.targetSha?.slice(0, 7);
  const targets = Object.values(session.state().environments).filter(
    (env) => only === undefined || env.sha === only,
  );
  for (const env of targets) sweep.handled.add(envKey(pr, env.sha));
  // The same path as a stop requested on the PR: mark destroying, delete the resources, then the labels.
  const outcome = await destroy(deps, session, decision.message, only);
  const after = session.state();
  for (const env of targets) {
    const left = !deps.settings.dryRun.github && after.environments[env.sha] !== undefined;
    if (outcome.failed && left) {
      sweep.fail({ pr, subject: env.sha, error: (outcome.details ?? []).join('; ') || outcome.message });
      continue;
    }
    sweep.cleaned += 1;
    sweep.act({ kind: 'destroyed', pr, subject: env.sha, detail: `${decision.reason}: ${decision.message}` });
    await sweep.notify({ kind: 'destroyed', pr, sha: env.sha, reason: decision.reason });
  }
  await writeStatusComment(deps, session, {
    message: outcome.message,
    outcome: outcome.outcome,
    details: outcome.details ?? [],
  });
}

async function warnPr(sweep: Sweep, session: PrSession, decision: Decision): Promise<void> {
  const { deps } = sweep;
  const pr = session.number;
  const sha = decision.targetSha ?? '';
  const env = session.state().environments[sha];
  const deadline = env?.createdAt && ttlDeadline(env.ttl ?? deps.settings.policy.defaultTtl, env.createdAt);
  if (env === undefined || deadline === undefined) return;
  const marker = expiryMarker(sha, deadline);
  // ceil(comments/100) requests: the marker carries the deadline, so this deadline is warned about once.
  if ((await deps.github.findComment(pr, marker)) !== undefined) return;
  await deps.github.createComment(
    pr,
    renderExpiryWarning({ sha, deadline, now: sweep.now, requester: env.requester }),
  );
  sweep.act({ kind: 'warned', pr, subject: sha, detail: `expires at ${formatTime(deadline)}` });
  await sweep.notify({ kind: 'expiring', pr, sha, reason: `expires at ${formatTime(deadline)}` });
}

/**
 * Labels say running, ECS has no such service (deleted by hand, or lost): the environment is marked failed rather
 * than its labels removed, so the PR shows what happened, a start redeploys it, and its TTL still retires it.
 */
async function markServiceGone(sweep: Sweep, session: PrSession, shas: string[]): Promise<void> {
  const { deps } = sweep;
  for (const sha of shas) {
    await setStatus(deps, session, sha, 'failed');
    sweep.act({
      kind: 'marked-failed',
      pr: session.number,
      subject: sha,
      detail: 'its labels say it is served, but its ECS service no longer exists',
    });
  }
  const list = shas.map((sha) => `\`${sha}\``).join(', ');
  await writeStatusComment(deps, session, {
    message: `The ECS service of ${list} no longer exists, so the cleanup sweep marked it failed.`,
    outcome: 'failed',
    details: ['`/showtime start` deploys the pull request again.'],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4: services no PR claims.

/**
 * A managed service is deleted when no PR's labels claim its PR and SHA, no run holds that SHA's lock, and it is
 * older than orphan-grace-minutes by its created-at tag. Before deleting, its PR is read again (1 GET per PR) so a
 * stale search never costs a live environment. A service without a created-at tag cannot be dated: it counts as
 * old once that fresh read shows its PR no longer claims it. Services whose PR and SHA cannot be read from either
 * tags or name are reported, never deleted (nothing identifies what they belong to).
 */
/**
 * The SHAs a PR's labels claim, from a fresh read of the PR: an orphan or a leftover is deleted only when this says
 * nothing claims it. A PR that is gone claims nothing; one that cannot be read is a failure, and `undefined`.
 */
async function claimsOf(
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

async function sweepOrphans(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  const candidates = new Map<number, ManagedService[]>();
  for (const verdict of orphanVerdicts({ ...sweep.view(), services: sweep.services })) {
    const { service } = verdict;
    if (verdict.kind === 'keep-unidentified') {
      sweep.act({
        kind: 'orphan-kept',
        subject: service.serviceName,
        detail: 'its tags and name do not say which PR and SHA it belongs to; delete it by hand',
      });
    } else if (verdict.kind === 'keep-young') {
      sweep.act({
        kind: 'orphan-kept',
        pr: verdict.pr,
        subject: service.serviceName,
        detail: `no PR claims it, but it is younger than ${formatDuration(deps.settings.orphanGraceMinutes * 60_000)}`,
      });
    } else {
      candidates.set(verdict.pr, [...(candidates.get(verdict.pr) ?? []), service]);
    }
  }

  for (const [pr, services] of candidates) {
    const claims = await claimsOf(deps, sweep, pr, `services of #${pr}`);
    for (const service of services) {
      const sha = service.sha ?? '';
      if (confirmUnclaimed(sha, claims) === 'keep') continue;
      sweep.handled.add(envKey(pr, sha));
      const age = service.createdAt ? `created ${formatTime(service.createdAt)}` : 'no created-at tag';
      if (deps.settings.dryRun.aws) {
        sweep.cleaned += 1;
        sweep.act({
          kind: 'orphan-deleted',
          pr,
          subject: service.serviceName,
          detail: `no PR claims it (${age})`,
        });
        continue;
      }
      const report = await deps.ecs.deleteEnvironment(pr, sha).catch((error: unknown) => ({
        deleted: [],
        alreadyGone: [],
        failed: [{ resource: service.serviceName, error: messageOf(error) }],
      }));
      if (report.failed.length > 0) {
        const error = report.failed.map((f) => `${f.resource}: ${f.error}`).join('; ');
        sweep.fail({ pr, subject: service.serviceName, error });
        continue;
      }
      await retireEnvironmentImage(deps, pr, sha);
      sweep.cleaned += 1;
      sweep.act({
        kind: 'orphan-deleted',
        pr,
        subject: service.serviceName,
        detail: `no PR claims it (${age})`,
      });
      await sweep.notify({ kind: 'destroyed', pr, sha, reason: 'orphan service: no PR claims it' });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4b: image tags and admin passwords no environment claims.

/** Something a teardown should have deleted with its environment: an image tag or an admin password. */
interface Leftover {
  pr: number;
  sha7: string;
  subject: string;
  createdAt?: Date;
  remove(): Promise<'deleted' | 'kept' | 'gone'>;
}

/** Lists one kind of leftover; a registry or parameter store that cannot be listed is reported, not fatal. */
async function listed<T>(sweep: Sweep, subject: string, list: () => Promise<T[]>): Promise<T[]> {
  try {
    return await list();
  } catch (error) {
    sweep.fail({ subject, error: `could not list them, none deleted: ${messageOf(error)}` });
    return [];
  }
}

async function listLeftovers(sweep: Sweep): Promise<Leftover[]> {
  const { deps } = sweep;
  const leftovers: Leftover[] = [];
  const images = deps.images;
  if (images) {
    for (const image of await listed(sweep, `images in ${images.repository}`, () => images.listTagged())) {
      const owner = parseEnvironmentImageTag(image.tag);
      if (owner === undefined) continue;
      leftovers.push({
        ...owner,
        subject: `${images.repository}:${image.tag}`,
        createdAt: image.pushedAt,
        async remove() {
          const result = await deleteEnvironmentImage(deps, owner.pr, owner.sha7);
          const failure = result.failed[0];
          if (failure) throw new Error(failure.error);
          return result.deleted.length > 0 ? 'deleted' : result.kept.length > 0 ? 'kept' : 'gone';
        },
      });
    }
  }
  const passwords = deps.passwords;
  if (passwords) {
    for (const password of await listed(sweep, 'admin passwords', () => passwords.list())) {
      leftovers.push({
        pr: password.pr,
        sha7: password.sha7,
        subject: `parameter ${password.name}`,
        createdAt: password.modifiedAt,
        async remove() {
          return (await passwords.delete(password.pr, password.sha7)) === 'deleted' ? 'deleted' : 'gone';
        },
      });
    }
  }
  return leftovers;
}

/**
 * What a failed or crashed teardown left: the same rule as for orphan services. A tag or password goes when no PR's
 * labels claim its PR and SHA, no live service or lock does, it is older than orphan-grace-minutes, and a fresh read
 * of its PR (1 GET per PR) still shows no claim. Only in the repository the sweep was given, under the names the
 * action gives them.
 */
async function sweepLeftovers(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  // Without the list of services, what runs cannot be told from what was left (leftoverCandidates says none).
  if (sweep.services === undefined) return;
  const candidates = new Map<number, Leftover[]>();
  for (const leftover of leftoverCandidates(sweep.view(), await listLeftovers(sweep))) {
    candidates.set(leftover.pr, [...(candidates.get(leftover.pr) ?? []), leftover]);
  }
  for (const [pr, leftovers] of candidates) {
    const claims = await claimsOf(deps, sweep, pr, `leftovers of #${pr}`);
    for (const leftover of leftovers) {
      if (confirmUnclaimed(leftover.sha7, claims) === 'keep') continue;
      try {
        const result = await leftover.remove();
        if (result !== 'deleted') continue;
        sweep.cleaned += 1;
        sweep.act({
          kind: 'leftover-deleted',
          pr,
          subject: leftover.subject,
          detail: `no environment claims it (${leftover.createdAt ? `created ${formatTime(leftover.createdAt)}` : 'undated'})`,
        });
      } catch (error) {
        sweep.fail({ pr, subject: leftover.subject, error: messageOf(error) });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Step 5: repository labels.

/**
 * Without the listing (a quiet sweep), one read of the catalogue's last label stands for all of it: a sync writes the
 * catalogue in order, so its last label in shape means the ones before it were written (a person recolouring one of
 * them is set right by the next sweep that lists).
 */
async function syncCatalogue(sweep: Sweep, quiet: boolean): Promise<void> {
  const { deps } = sweep;
  const wanted = CATALOGUE.map((name) => labelDefinition(name)).filter(
    (definition): definition is LabelDefinition => definition !== undefined,
  );
  const inShape = (definition: LabelDefinition, current: LabelDefinition | undefined): boolean =>
    current !== undefined &&
    lower(current.color) === lower(definition.color) &&
    current.description === definition.description;
  const sentinel = wanted[wanted.length - 1];
  // 1 request.
  if (quiet && sentinel && inShape(sentinel, await deps.github.getLabelDefinition(sentinel.name))) return;
  const differing = wanted.filter((definition) => {
    if (quiet) return true; // ensureLabelDefinitions reads the current definitions itself
    const current = sweep.labelsByName.get(lower(definition.name));
    return (
      current === undefined ||
      lower(current.color) !== lower(definition.color) ||
      current.description !== definition.description
    );
  });
  // 0 requests when every catalogue label is in shape.
  if (differing.length === 0) return;
  const sync = await deps.github.ensureLabelDefinitions(differing);
  const names = deps.settings.dryRun.github
    ? differing.map((d) => d.name)
    : [...sync.created, ...sync.updated];
  if (names.length > 0) {
    sweep.act({ kind: 'labels-synced', subject: names.join(', '), detail: 'colour and description set' });
  }
}

/**
 * A PR that carries showtime labels but not TRACKED (labelled by an earlier generation) gets TRACKED, so that the
 * next sweeps find it with their first search and look after it like any other.
 */
async function adopt(sweep: Sweep, pull: PullRequestSummary): Promise<void> {
  const { deps } = sweep;
  if (pull.labels.some((label) => parseLabel(label).kind === 'tracked')) return;
  try {
    // 1 request (the dry-run twin only logs it); adding needs no fresh read, so no session.
    await deps.github.addLabels(pull.number, [TRACKED]);
    sweep.act({
      kind: 'adopted',
      pr: pull.number,
      subject: TRACKED,
      detail: 'it carries showtime labels of an earlier version; later sweeps look after it',
    });
  } catch (error) {
    sweep.fail({ pr: pull.number, subject: TRACKED, error: `could not add it: ${messageOf(error)}` });
  }
}

async function deleteUnusedLabels(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  const deletions: { name: string; why: string }[] = [];
  const unverified: string[] = [];
  for (const verdict of labelVerdicts(sweep.view())) {
    if (verdict.kind === 'delete-label') deletions.push(verdict);
    else unverified.push(verdict.name);
  }

  // Deleting a repository label removes it from every PR that carries it, so a definition goes only when a consistent
  // read (the issues listing, not the lagging and possibly partial search index) shows nothing carries it. 1 request
  // per candidate; PRs found carrying one (labelled by an earlier generation, without TRACKED) are adopted.
  for (const name of unverified) {
    try {
      const carriers = await deps.github.listLabelCarriers(name);
      if (confirmUncarried(carriers) === 'act') deletions.push({ name, why: 'nothing carries it' });
      for (const pull of carriers.pulls) if (!sweep.prs.has(pull.number)) await adopt(sweep, pull);
    } catch (error) {
      sweep.fail({
        subject: name,
        error: `could not check what carries the label, kept: ${messageOf(error)}`,
      });
    }
  }

  for (const { name, why } of deletions) {
    try {
      // 1 request each; false means someone else deleted it first, which is as good.
      await deps.github.deleteRepoLabel(name);
      sweep.cleaned += 1;
      sweep.act({ kind: 'label-deleted', subject: name, detail: why });
    } catch (error) {
      sweep.fail({ subject: name, error: `could not delete the label: ${messageOf(error)}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

export async function sweep(deps: Deps, options: SweepOptions = {}): Promise<SweepResult> {
  const run = new Sweep(deps);
  const { settings } = deps;

  // Step 1: every PR with showtime state, open and closed, from one search (its results embed the labels).
  const search = await deps.github.searchPullRequests({ labels: sweepSearchLabels(), state: 'all' });
  const summaries = search.pulls;
  deps.log.info(`found ${summaries.length} pull requests with showtime labels`);
  if (search.incomplete) {
    // Nothing destructive rests on the search (each is licensed by a fresh read), so this costs only the PRs missed,
    // which the next sweep finds.
    run.warn(
      'GitHub search returned partial results: PRs it missed are looked after by the next sweep; nothing was deleted on the strength of it.',
    );
  }

  // Step 2: the managed services and the repository's labels (locks with their leases), each listed once.
  try {
    run.services = await deps.ecs.listManagedServices();
  } catch (error) {
    // Without the list nothing can be reconciled; expiry still runs (its deletions report their own failures).
    run.fail({
      subject: 'ECS services',
      error: `could not list them, reconciliation skipped: ${messageOf(error)}`,
    });
  }
  // The repository's labels (locks with their leases, leftovers for the GC) are listed only when something may be
  // due: a quiet sweep costs its search pages and one catalogue read, whatever the number of labels (see isQuiet).
  const quiet =
    !options.full &&
    isQuiet(
      run.view(),
      summaries.map((summary) => ({ state: summaryState(summary), labels: summary.labels })),
    );
  if (!quiet) {
    run.repoLabels = await deps.github.listRepoLabels();
    run.labelsByName = new Map(run.repoLabels.map((label) => [lower(label.name), label]));
  }

  // Step 3: each PR on its own; one PR's failure does not stop the others.
  for (const summary of summaries) {
    try {
      await sweepPr(run, summary);
    } catch (error) {
      run.fail({ pr: summary.number, subject: `PR #${summary.number}`, error: messageOf(error) });
    }
  }

  // Step 4 and 5: what no PR claims.
  try {
    await sweepOrphans(run);
  } catch (error) {
    run.fail({ subject: 'orphan services', error: messageOf(error) });
  }
  try {
    await sweepLeftovers(run);
  } catch (error) {
    run.fail({ subject: 'leftover images and passwords', error: messageOf(error) });
  }
  try {
    await syncCatalogue(run, quiet);
  } catch (error) {
    run.fail({ subject: 'label catalogue', error: messageOf(error) });
  }
  // A teardown deletes the definitions it made unused; the GC only collects leftovers (of a teardown that failed, an
  // expired lock), and they wait for the next sweep that has something due.
  if (settings.deleteUnusedLabels && !quiet) await deleteUnusedLabels(run);

  const rows = environmentRows(
    [...run.prs.values()].map(({ state }) => state),
    {
      now: run.now,
      defaultTtl: settings.policy.defaultTtl,
      defaultSize: settings.policy.defaultSize,
      costPerHour: settings.costPerHour,
    },
  );
  const repo = deps.github.repo;
  const dashboard = renderDashboard({
    now: run.now,
    repoUrl: options.repoUrl ?? `https://github.com/${repo.owner}/${repo.repo}`,
    rows,
    actions: run.actions,
    failures: run.failures,
    warnings: run.warnings,
    dryRun: settings.dryRun,
    runUrl: deps.run.url,
  });
  return {
    rows,
    actions: run.actions,
    failures: run.failures,
    cleaned: run.cleaned,
    dashboard,
  };
}
