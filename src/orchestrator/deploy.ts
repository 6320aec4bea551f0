// The blue-green deploy of one SHA: build or find its image, create its service, switch the PR to it, retire the
// environments it replaces (teardown.ts).
import { logLine, plainText } from '../core/markdown.js';
import {
  activeLabel,
  addressLabel,
  addressUrl,
  buildingLabel,
  statusLabel,
  TRACKED,
} from '../core/labels.js';
import type { Decision } from '../core/types.js';
import { ttlDeadline } from '../core/values.js';
import type { Deps } from './context.js';
import { phase } from './context.js';
import type { Outcome } from './common.js';
import type { EnvironmentError } from '../aws/ecs.js';
import { defaultConfig, relabel, removeEach, setStatus, statusLabelsOf } from './common.js';
import { finishDeployment, startDeployment } from './deployments.js';
import { retire } from './teardown.js';
import {
  balancerOf,
  checkThroughBalancer,
  prepareTargetGroup,
  releaseRouting,
  shownAddress,
} from './routing.js';
import type { PrSession } from './session.js';
import type { Notice } from '../notify/slack.js';
import { notify } from '../notify/slack.js';

/** Slack, when configured; a dry run announces nothing and a failed notice is only a warning. */
export async function announce(deps: Deps, notice: Notice): Promise<void> {
  if (deps.settings.dryRun.github) return;
  const repo = `${deps.github.repo.owner}/${deps.github.repo.repo}`;
  await notify(deps.settings, { repo, ...notice }, { warn: (message) => deps.log.warning(message) });
}

/** A SHA this run claimed: it holds the SHA's lock label. */
export interface Claim {
  sha: string;
  lock: string;
  /** ISO time the lock's lease expires, as granted at the claim: releasing before then needs no read of the lock. */
  leaseExpiresAt?: string;
}

export async function deploy(
  deps: Deps,
  session: PrSession,
  claim: Claim,
  decision: Decision,
): Promise<Outcome> {
  const sha7 = claim.sha.slice(0, 7);
  const pr = session.number;
  let serviceCreated = false;
  let creating = false;
  let switched = false;
  let deploymentId: number | undefined;
  const mode = balancerOf(deps);
  try {
    deploymentId = await startDeployment(deps, pr, claim.sha);
    const image = await deps.builder.ensureImage({ pr, sha: claim.sha });
    // Stopped or superseded while building? Then nothing was deployed yet: give the SHA's labels back and go.
    if (!(await stillOurs(deps, session, sha7)))
      return await abandon(deps, session, sha7, false, deploymentId);
    // No intermediate `deploying` status or comment: the claim's `building` stands until the switch writes
    // `running` (or the failure writes `failed`), 4 GitHub calls fewer per deploy, nothing a reader acts on lost.
    const state = session.state();
    const env = state.environments[sha7];
    const now = deps.clock();
    const ttl = env?.ttl ?? deps.settings.policy.defaultTtl;
    const requester = env?.requester ?? 'unknown';
    const expiresAt = env?.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
    creating = true;
    const running = await phase(deps.log, `Deploy ${sha7}`, async () => {
      // Load-balancer mode: the service registers its task in the environment's own target group, which must
      // already be in use by a rule of the load balancer (ECS refuses a service on a group no load balancer uses).
      const targetGroupArn = mode
        ? await prepareTargetGroup(mode.router, { pr, sha7, requester, createdAt: now, expiresAt })
        : undefined;
      const created = await deps.ecs.createEnvironment({
        pr,
        sha: claim.sha,
        image: image.image,
        requester,
        config: env?.config ?? defaultConfig(deps),
        size: env?.config.size ?? deps.settings.policy.defaultSize,
        createdAt: now,
        expiresAt,
        ...(targetGroupArn ? { targetGroupArn } : {}),
      });
      return { ...created, targetGroupArn };
    });
    serviceCreated = true;
    if (!(await stillOurs(deps, session, sha7)))
      return await abandon(deps, session, sha7, true, deploymentId);
    if (mode && running.targetGroupArn) {
      const targetGroupArn = running.targetGroupArn;
      await phase(deps.log, `Check ${sha7} through the load balancer`, () =>
        checkThroughBalancer(deps, mode.router, mode.balancer, { pr, sha7, targetGroupArn }),
      );
    }
    const address = shownAddress(deps, pr, running.address);
    const url = addressUrl(address);

    // Blue-green switch: the new environment is healthy, so it becomes active, then the others go. The new labels go
    // on first, so the PR never shows no environment; from then on the new environment is the PR's, and no later
    // failure may delete it (reliability tests: a switch whose label removals fail for good).
    const before = session.state();
    const retired = Object.values(before.environments).filter((other) => other.sha !== sha7);
    const missed = await phase(deps.log, `Switch to ${sha7}`, async () => {
      // Load-balancer mode: one ModifyRule moves the PR's host; if the labels then cannot say so, the host goes
      // back, so that traffic and labels never disagree.
      const moved =
        mode && running.targetGroupArn ? await switchHost(deps, pr, running.targetGroupArn) : undefined;
      try {
        await relabel(
          deps,
          session,
          [statusLabel(sha7, 'running'), addressLabel(sha7, address), activeLabel(sha7)],
          [],
        );
      } catch (error) {
        await moved?.undo();
        throw error;
      }
      switched = true;
      return removeEach(deps, session, [
        ...statusLabelsOf(before.environments[sha7]).filter(
          (label) => label !== statusLabel(sha7, 'running'),
        ),
        buildingLabel(sha7),
        ...retired.map((other) => activeLabel(other.sha)),
      ]);
    });
    // The switch is not atomic with the check before it: a stop that went through in between deleted the service
    // and the labels, and the switch has just written running, 🌐 and 🎯 back. A stop leaves traces; if it did,
    // withdraw the switch (reliability tests: a stop between the last check and the switch).
    if (await stoppedMeanwhile(deps, session, sha7))
      return await abandon(deps, session, sha7, true, deploymentId);
    await finishDeployment(deps, deploymentId, 'success', url);
    await announce(deps, { kind: 'ready', pr, sha: claim.sha, url });
    const leftovers: string[] = [];
    // The environment's own host served only the check before the switch.
    if (mode)
      await mode.router.removeRoute({ pr, sha7 }).catch((error: unknown) => {
        leftovers.push(
          `Could not delete the listener rule of ${sha7}'s own host; the stop will: ${String(error)}`,
        );
      });
    // GitHub's auto_inactive has marked the retired SHAs' deployments inactive with this success.
    for (const other of retired)
      leftovers.push(
        ...(await phase(deps.log, `Retire ${other.sha}`, () =>
          retire(deps, session, other, { deploymentsInactive: deploymentId !== undefined, draining: true }),
        )),
      );
    // A removal GitHub refused even after its retries gets one more try once the rest is done; what still stays is
    // reported, and the planner's repair of a damaged state removes it on the PR's next event.
    const unfinished = await removeEach(
      deps,
      session,
      missed.filter((label) => session.has(label)),
    );
    leftovers.push(
      ...unfinished.map((label) => `Could not remove the label ${label}; the next event on the PR will.`),
    );
    return {
      outcome: leftovers.length > 0 ? 'failed' : 'done',
      failed: leftovers.length > 0,
      message: `${decision.action === 'rolling-update' ? 'Rolled forward to' : 'Deployed'} \`${sha7}\`: ${url}`,
      url,
      details: leftovers,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (switched) {
      // The new environment serves and its labels say so: only the tidying after the switch failed.
      deps.log.error(logLine(`${sha7} is running, but finishing its switch failed: ${message}`));
      return {
        outcome: 'failed',
        failed: true,
        message: `\`${sha7}\` is running, but finishing the switch to it failed: ${plainText(message)}`,
        details: ['The next event on the PR, or the cleanup sweep, finishes it.'],
      };
    }
    // A stop (or a newer SHA) that reached this SHA meanwhile deletes the service being created, and ECS then
    // reports it INACTIVE: the stop won, this run withdraws (reliability tests: a stop while ECS creates the service).
    const overtaken = await stillOurs(deps, session, sha7).then(
      (ours) => !ours,
      () => false,
    );
    if (overtaken) {
      deps.log.info(logLine(`${sha7} was stopped or superseded during its deploy (${message})`));
      return await abandon(deps, session, sha7, creating, deploymentId);
    }
    deps.log.error(logLine(`deploy of ${sha7} failed: ${message}`));
    const cleanup = serviceCreated
      ? await deps.ecs.deleteEnvironment(pr, claim.sha).then(
          (report) => report.failed.length === 0,
          () => false,
        )
      : undefined;
    // The environment's rule and target group go with it (the PR's host never moved to it).
    for (const line of await releaseRouting(deps, pr, sha7)) deps.log.warning(line);
    await markFailed(deps, session, sha7).catch((labelError: unknown) => {
      deps.log.error(`could not record the failure on the PR: ${String(labelError)}`);
    });
    await finishDeployment(deps, deploymentId, 'failure');
    await announce(deps, { kind: 'failed', pr, sha: claim.sha, reason: message });
    return {
      outcome: 'failed',
      failed: true,
      // Escaped: an error's text may carry what the PR's code answered (a health check) or printed.
      message: `Deploying \`${sha7}\` failed: ${plainText(message)}`,
      details: [cleanedUp(error, cleanup)],
    };
  } finally {
    if (!deps.settings.dryRun.github) {
      const heldUntil = claim.leaseExpiresAt === undefined ? undefined : new Date(claim.leaseExpiresAt);
      await deps.github.releaseLock(claim.lock, deps.run.holder, heldUntil).catch((error: unknown) => {
        deps.log.warning(`could not release ${claim.lock}; it expires on its own: ${String(error)}`);
      });
    }
  }
}

/**
 * Points the PR's host at the new target group (a new rule on the first start, one ModifyRule after); `undo` puts
 * back what the host routed to before.
 */
async function switchHost(
  deps: Deps,
  pr: number,
  targetGroupArn: string,
): Promise<{ undo(): Promise<void> } | undefined> {
  const router = deps.router;
  if (!router) return undefined;
  const before = (await router.ruleOf({ pr }))?.targetGroupArns[0];
  const change = await router.route({ pr }, targetGroupArn);
  deps.log.info(`PR #${pr}'s host ${change === 'created' ? 'now routes' : 'switched'} to ${targetGroupArn}`);
  return {
    undo: async () => {
      await (before ? router.route({ pr }, before) : router.removeRoute({ pr })).catch((error: unknown) => {
        deps.log.error(`could not route PR #${pr}'s host back after a failed switch: ${String(error)}`);
      });
    },
  };
}

/** Recognised by name: importing the class would load the ECS adapter, and with it the AWS SDK, in every step. */
function isEnvironmentError(error: unknown): error is EnvironmentError {
  return error instanceof Error && error.name === 'EnvironmentError' && 'cleanup' in error;
}

/** What a failed deploy left behind, for the PR: the lock always goes, the labels keep the failure. */
function cleanedUp(error: unknown, serviceDeleted: boolean | undefined): string {
  const retry = 'the lock is released and the labels say failed; `/showtime start` tries again.';
  if (serviceDeleted === false)
    return `Not cleaned up: the ECS service could not be deleted; the cleanup sweep retries. The lock is released.`;
  if (serviceDeleted === true) return `Cleaned up: the ECS service was deleted; ${retry}`;
  if (isEnvironmentError(error)) {
    const notCleaned =
      'Not cleaned up: ECS kept what the deploy made; the cleanup sweep retries. The lock is released.';
    const said: Record<string, string> = {
      deleted: `Cleaned up: the ECS service and its task definitions were removed; ${retry}`,
      'rolled-back': `Cleaned up: the service went back to its previous revision; ${retry}`,
      'delete-failed': notCleaned,
      'rollback-failed': notCleaned,
    };
    if (said[error.cleanup]) return said[error.cleanup] as string;
  }
  return `Cleaned up: nothing had been created in ECS; ${retry}`;
}

/** True while the PR still points its building pointer at this SHA: a stop or a newer SHA removes or moves it. */
export async function stillOurs(deps: Deps, session: PrSession, sha7: string): Promise<boolean> {
  if (deps.settings.dryRun.github) return true;
  const state = await session.refresh();
  return state.building === sha7 && state.environments[sha7]?.status !== 'destroying';
}

/**
 * True when a stop has reached this SHA since the claim: it is marked destroying, or the labels the claim wrote (the
 * index label and its 📅) are gone, which only a teardown removes.
 */
async function stoppedMeanwhile(deps: Deps, session: PrSession, sha7: string): Promise<boolean> {
  if (deps.settings.dryRun.github) return false;
  const state = await session.refresh();
  return (
    session.has(statusLabel(sha7, 'destroying')) ||
    !session.has(TRACKED) ||
    state.environments[sha7]?.createdAt === undefined
  );
}

export async function abandon(
  deps: Deps,
  session: PrSession,
  sha7: string,
  serviceCreated: boolean,
  deploymentId: number | undefined,
): Promise<Outcome> {
  const state = session.state();
  const reason =
    state.building && state.building !== sha7 ? `superseded by \`${state.building}\`` : 'stopped';
  for (const line of await releaseRouting(deps, session.number, sha7)) deps.log.warning(line);
  if (serviceCreated) {
    const report = await deps.ecs.deleteEnvironment(session.number, sha7);
    if (report.failed.length > 0) {
      await markFailed(deps, session, sha7);
      return {
        outcome: 'failed',
        failed: true,
        message: `\`${sha7}\` was ${reason} but its service could not be deleted; the sweep will retry.`,
        details: report.failed.map((failure) => `${failure.resource}: ${failure.error}`),
      };
    }
  }
  const env = state.environments[sha7];
  await relabel(
    deps,
    session,
    [],
    [...(env?.labels ?? []), activeLabel(sha7)].filter((l) => session.has(l)),
  );
  await finishDeployment(deps, deploymentId, 'inactive');
  return {
    outcome: 'info',
    failed: false,
    message: `\`${sha7}\` was ${reason} during its deploy and was withdrawn.`,
  };
}

export async function markFailed(deps: Deps, session: PrSession, sha7: string): Promise<void> {
  await setStatus(deps, session, sha7, 'failed');
  if (session.has(buildingLabel(sha7))) await relabel(deps, session, [], [buildingLabel(sha7)]);
}
