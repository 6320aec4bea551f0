// Step 3 of the sweep: one PR the reconciler says needs a write, read again and carried out.
import type { Sweep } from './sweep-state.js';
import { summaryState } from './sweep-state.js';
import { expiryMarker, renderExpiryWarning } from '../core/dashboard.js';
import { addressLabel, addressUrl, TRACKED } from '../core/labels.js';
import type { Address } from '../core/types.js';
import { environmentName } from './common.js';
import { finishDeployment } from './deployments.js';
import {
  decideSchedule,
  envKey,
  missingServices,
  movedAddresses,
  needsAction,
  onlyTracked,
} from '../core/reconcile.js';
import { missingCreated } from '../core/state-guard.js';
import type { Decision } from '../core/types.js';
import { formatTime, ttlDeadline } from '../core/values.js';
import type { PullRequestSummary } from '../github/port.js';
import { relabel, setStatus, writeStatusComment } from './common.js';
import { destroy } from './teardown.js';
import { sleep } from './controls.js';
import { PrSession } from './session.js';
// ---------------------------------------------------------------------------------------------------------------
// Step 3: one PR.

export async function sweepPr(sweep: Sweep, summary: PullRequestSummary): Promise<void> {
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
  else if (decision.action === 'sleep') await sleepPr(sweep, session, decision);

  const missing = missingServices(sweep.view(), session.state());
  if (missing.length > 0) await markServiceGone(sweep, session, missing);
  const moved = movedAddresses(sweep.view(), session.state());
  if (moved.length > 0) await refreshAddresses(sweep, session, moved);
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

/**
 * Fargate replaced an environment's task and the new one answers at another IP: the 🌐 label, the status comment
 * and the deployment's URL follow, so the link reviewers were sent works again.
 */
async function refreshAddresses(
  sweep: Sweep,
  session: PrSession,
  moved: { sha: string; address: Address }[],
): Promise<void> {
  const { deps } = sweep;
  const pr = session.number;
  for (const { sha, address } of moved) {
    const env = session.state().environments[sha];
    const old = env?.address ? addressLabel(sha, env.address) : undefined;
    await relabel(deps, session, [addressLabel(sha, address)], old && session.has(old) ? [old] : []);
    const url = addressUrl(address);
    // The newest deployment of the SHA carries the URL GitHub shows on the PR.
    const deployments = await deps.github
      .listDeployments({ environment: environmentName(pr) })
      .catch(() => []);
    const latest = deployments.filter((d) => d.sha.startsWith(sha)).sort((a, b) => b.id - a.id)[0];
    await finishDeployment(deps, latest?.id, 'success', url);
    sweep.act({
      kind: 'address-refreshed',
      pr,
      subject: sha,
      detail: `its task was replaced; it now answers at ${url}`,
    });
  }
  await writeStatusComment(deps, session, {
    message: `Fargate replaced the task of ${moved.map((m) => `\`${m.sha}\``).join(', ')}; the address above is its new one.`,
    outcome: 'info',
    details: [],
  });
}

/** The sleep schedule: the same path as `/showtime sleep`, and the status comment says how to wake it. */
async function sleepPr(sweep: Sweep, session: PrSession, decision: Decision): Promise<void> {
  const { deps } = sweep;
  const sha = decision.targetSha ?? '';
  const outcome = await sleep(deps, session, decision);
  if (outcome.failed) {
    sweep.fail({
      pr: session.number,
      subject: sha,
      error: (outcome.details ?? []).join('; ') || outcome.message,
    });
    return;
  }
  sweep.act({ kind: 'slept', pr: session.number, subject: sha, detail: decision.message });
  await writeStatusComment(deps, session, {
    message: outcome.message,
    outcome: outcome.outcome,
    details: outcome.details ?? [],
  });
}
