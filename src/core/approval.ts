// The one rule for untrusted code. Anyone can push to the head branch of a fork PR (its author, or whoever the fork
// lets in), so a fork's head commit is deployed only when a writer named that commit in full: `/showtime start
// <40-hex>` on the current head, or a workflow dispatch with the full SHA of a commit of the PR. Everything else
// that would build a fork's commit (the start label, `testenv-up`, a plain `/showtime start`, a 7-character SHA, a
// push, a writer's push or "Update branch", an unfreeze behind the head, a repair) is answered `await-approval` with
// the command to paste. A 7-character SHA is not an approval: commits with a chosen 7-hex prefix take seconds to
// make. Only writers can push to branches of the base repository, so same-repository PRs keep the one-label flow.
// Pure: the planner applies `requireApproval` to every decision it returns, and so does anything that rewrites one.
import type { Actor, Decision, PlanInput, PrState, ShowtimeEvent } from './types.js';
import { parseFullSha } from './values.js';
import type { Sha, Sha7 } from './values.js';

const WRITER_PERMISSIONS: ReadonlySet<string> = new Set(['admin', 'maintain', 'write']);
const FULL_SHA = /^[0-9a-f]{40}$/;

/** admin, maintain or write; `unknown` (the permission check failed) is never a writer. */
export function isWriter(actor: Actor): boolean {
  return WRITER_PERMISSIONS.has(actor.permission);
}

/**
 * Whether the PR's head needs an approval in full. A PR whose head repository is unknown (the caller did not say)
 * counts as a fork: the cautious reading.
 */
export function headIsUntrusted(state: PrState, event?: ShowtimeEvent): boolean {
  return state.fromFork !== false || (event?.kind === 'synchronize' && event.fromFork);
}

/** The full SHA a writer named in this event, if any: the only form of approval a fork's commit accepts. */
export function approvedInFull(event: ShowtimeEvent): string | undefined {
  if (event.kind !== 'command' && event.kind !== 'dispatch') return undefined;
  if (!isWriter(event.actor)) return undefined;
  const sha =
    event.kind === 'dispatch' ? event.sha : event.command.kind === 'start' ? event.command.sha : undefined;
  return sha !== undefined && FULL_SHA.test(sha) ? sha : undefined;
}

/** What an `await-approval` decision carries, so the answer can link the commit and its diff. */
export interface ApprovalRequest {
  /** The commit waiting for approval. */
  sha: Sha;
  /** The last commit that was approved and deployed (the active environment), for the diff. */
  since?: Sha7;
}

/** The exact comment that approves `sha`. */
export function approvalCommand(sha: string): string {
  return `/showtime start ${sha}`;
}

/**
 * The decision itself when it builds nothing, builds a trusted head, or builds the very commit a writer named in
 * full; otherwise `await-approval` for the commit it would have built. Labels that only a deployment consumes (conf
 * labels) stay for the deployment that applies them; trigger labels are answered.
 */
export function requireApproval(input: PlanInput, decision: Decision): Decision {
  const { state, event } = input;
  if (!decision.buildNeeded || decision.targetSha === undefined) return decision;
  if (!headIsUntrusted(state, event)) return decision;
  // A build names its commit in full (planner.ts build()); anything shorter cannot be approved, so nothing is built.
  const sha = parseFullSha(decision.targetSha);
  if (sha === undefined)
    return {
      action: 'refuse',
      reason: 'invalid-sha',
      message: `${decision.targetSha} is not a full commit SHA, so it cannot be approved or built.`,
      buildNeeded: false,
      consume: [],
    };
  const pending = new Set(state.pendingConfig.map((entry) => entry.label));
  const answered = decision.consume.filter((label) => !pending.has(label));
  if (input.policy.forkBuilds === 'refused') {
    // Asked before any approval: approving a commit this job would then refuse to build helps nobody.
    return {
      action: 'refuse',
      reason: 'fork-build-needs-split',
      message:
        `${sha.slice(0, 7)} is a fork's commit, and this workflow runs showtime as one job, which holds the deploy ` +
        "role and a write token: a fork's code is never built here. Run the plan, build and deploy actions instead " +
        '(README: One job or three); their build job holds nothing worth stealing.',
      buildNeeded: false,
      targetSha: sha,
      consume: answered,
    };
  }
  if (approvedInFull(event) === sha) return decision;
  const approval: ApprovalRequest = { sha, ...(state.active ? { since: state.active } : {}) };
  const asked =
    event.kind === 'synchronize' ? `${sha.slice(0, 7)} was pushed to` : `${sha.slice(0, 7)} is the head of`;
  return {
    action: 'await-approval',
    reason: 'awaiting-approval',
    message:
      `${asked} a fork PR: a fork's commit is deployed only when a maintainer approves it by its full SHA. ` +
      `To deploy it, comment \`${approvalCommand(sha)}\`.`,
    buildNeeded: false,
    targetSha: sha,
    consume: answered,
    approval,
  };
}

/**
 * Markdown links to the commit waiting for approval and to its diff since the last approved commit, for the PR.
 * `server` is e.g. https://github.com; `repo` is owner/name (both from the runner, never from the PR).
 */
export function approvalLinks(server: string, repo: string, approval: ApprovalRequest): string {
  return approvalLinksAt(`${server.replace(/\/+$/, '')}/${repo}`, approval);
}

/** approvalLinks for a repository's web address (`https://github.com/owner/repo`). */
export function approvalLinksAt(base: string, approval: ApprovalRequest): string {
  return `Review ${reviewLinks(base, approval)}, then comment \`${approvalCommand(approval.sha)}\`.`;
}

/** The commit waiting for approval and its diff since the last approved commit, as markdown links. */
export function reviewLinks(base: string, approval: ApprovalRequest): string {
  const commit = `[commit ${approval.sha.slice(0, 7)}](${base}/commit/${approval.sha})`;
  const diff = approval.since
    ? ` · [diff since ${approval.since}, the last approved commit](${base}/compare/${approval.since}...${approval.sha})`
    : '';
  return `${commit}${diff}`;
}
