// Maintainer controls on a running environment: live configuration, TTL, freeze.
import type { DeployedEnvironment } from '../aws/ecs.js';
import {
  addressLabel,
  addressUrl,
  configLabels,
  FREEZE,
  parseLabel,
  statusLabel,
  ttlLabel,
} from '../core/labels.js';
import { balancerOf, shownAddress } from './routing.js';
import { describeExtension } from '../core/report.js';
import type { Decision, Environment, Status } from '../core/types.js';
import type { Deps } from './context.js';
import type { Outcome } from './common.js';
import { consume, relabel, removeEach, setStatus, statusLabelsOf } from './common.js';
import type { PrSession } from './session.js';

export async function reconfigure(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const state = session.state();
  const sha7 = decision.targetSha?.slice(0, 7) ?? state.active;
  const env = sha7 ? state.environments[sha7] : undefined;
  if (sha7 === undefined || env === undefined || decision.config === undefined) {
    return { outcome: 'refused', failed: false, message: 'No running environment to configure.' };
  }
  await consume(deps, session, decision.consume);
  let running: DeployedEnvironment;
  try {
    await setStatus(deps, session, sha7, 'configuring');
    running = await deps.ecs.updateConfiguration({
      pr: session.number,
      sha: sha7,
      config: decision.config,
      size: decision.config.size ?? deps.settings.policy.defaultSize,
    });
  } catch (error) {
    // ECS still runs the previous configuration: the labels must say `running` again, and only that.
    const left = await settleStatus(deps, session, sha7, 'running');
    return {
      outcome: 'failed',
      failed: true,
      message: `Changing the configuration of \`${sha7}\` failed; the previous configuration keeps running.`,
      details: [error instanceof Error ? error.message : String(error), ...left],
    };
  }
  // From here the new configuration serves: a label write that fails now is reported, never turned into a failure
  // of a change that took effect.
  const address = shownAddress(deps, session.number, running.address);
  const next = [...configLabels(sha7, decision.config), addressLabel(sha7, address)];
  const stale = env.labels.filter((label) => {
    const kind = parseLabel(label).kind;
    return (kind === 'config' || kind === 'address') && !next.includes(label);
  });
  const left = await finishLabels(deps, session, sha7, next, stale);
  return {
    outcome: 'done',
    failed: false,
    message: `Configuration of \`${sha7}\` updated.`,
    url: addressUrl(address),
    details: left,
  };
}

/**
 * Puts `status` (and `along`, in the same call) on the SHA and takes every other status label off, each removal on its
 * own and retried once, so that one refused call never leaves two statuses. Returns what could not be done.
 */
async function settleStatus(
  deps: Deps,
  session: PrSession,
  sha7: string,
  status: Status,
  along: string[] = [],
): Promise<string[]> {
  const label = statusLabel(sha7, status);
  try {
    await relabel(deps, session, [...along, label], []);
  } catch (error) {
    // Without the new status on, removing the old one would leave none: keep what is there and say so.
    return [`could not mark ${sha7} ${status}: ${String(error)}`];
  }
  const others = () => statusLabelsOf(session.state().environments[sha7]).filter((name) => name !== label);
  let missed = await removeEach(deps, session, others());
  if (missed.length > 0) missed = await removeEach(deps, session, missed);
  return missed.map((name) => `could not remove ${name}; the next event or the cleanup sweep removes it`);
}

/** The new configuration's labels on, then `running` and only that, then the stale config and address labels off. */
async function finishLabels(
  deps: Deps,
  session: PrSession,
  sha7: string,
  next: string[],
  stale: string[],
): Promise<string[]> {
  const problems = await settleStatus(deps, session, sha7, 'running', next);
  // The old configuration's labels are the only record of it until the new ones are on.
  const written = next.every((label) => session.has(label));
  let missed = written ? await removeEach(deps, session, stale) : [];
  if (missed.length > 0) missed = await removeEach(deps, session, missed);
  problems.push(...missed.map((name) => `could not remove ${name}`));
  for (const problem of problems) deps.log.warning(problem);
  return problems;
}

/** `extend` writes the ⌛ the planner worked out (it counts from the creation, and the planner checked the limit). */
export async function extend(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const target = targetOf(session, decision);
  const written = decision.ttlWritten ?? decision.ttl;
  if (target === undefined || decision.ttl === undefined || written === undefined) {
    return { outcome: 'refused', failed: false, message: 'No environment to extend.' };
  }
  const { sha7, env } = target;
  const label = ttlLabel(sha7, written);
  const old = env.labels.filter((name) => parseLabel(name).kind === 'ttl' && name !== label);
  await relabel(deps, session, [label], old);
  return {
    outcome: 'done',
    failed: false,
    message: describeExtension(sha7, decision.ttl, written, env.createdAt),
  };
}

export async function setFrozen(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const freeze = decision.action === 'freeze';
  if (freeze && !session.has(FREEZE)) await relabel(deps, session, [FREEZE], []);
  if (!freeze && session.has(FREEZE)) await relabel(deps, session, [], [FREEZE]);
  return { outcome: 'done', failed: false, message: decision.message };
}

/** The environment the decision names, as the labels describe it now. */
function targetOf(session: PrSession, decision: Decision): { sha7: string; env: Environment } | undefined {
  const sha7 = decision.targetSha?.slice(0, 7);
  const env = sha7 === undefined ? undefined : session.state().environments[sha7];
  return sha7 === undefined || env === undefined ? undefined : { sha7, env };
}

/**
 * Puts the environment to sleep: its service scales to zero, then the labels say `sleeping`. In public-IP mode its
 * 🌐 goes too (the task's IP is released; a wake gets another); a load balancer's host stays the PR's.
 */
export async function sleep(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const target = targetOf(session, decision);
  if (!target)
    return { outcome: 'refused', failed: false, message: 'No running environment to put to sleep.' };
  const { sha7, env } = target;
  await consume(deps, session, decision.consume);
  try {
    await deps.ecs.sleepEnvironment(session.number, sha7);
  } catch (error) {
    return {
      outcome: 'failed',
      failed: true,
      message: `Putting \`${sha7}\` to sleep failed; it keeps running.`,
      details: [error instanceof Error ? error.message : String(error)],
    };
  }
  const left = await settleStatus(deps, session, sha7, 'sleeping');
  const address = balancerOf(deps) ? [] : env.labels.filter((label) => parseLabel(label).kind === 'address');
  const missed = await removeEach(
    deps,
    session,
    address.filter((label) => session.has(label)),
  );
  left.push(...missed.map((name) => `could not remove ${name}`));
  for (const problem of left) deps.log.warning(problem);
  return {
    outcome: 'done',
    failed: false,
    message: `\`${sha7}\` is asleep: nothing runs and nothing is billed until \`/showtime wake\`.`,
    details: left,
  };
}

/** Wakes a sleeping environment: one task again, healthy, at its (in public-IP mode new) address. */
export async function wake(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const target = targetOf(session, decision);
  if (!target) return { outcome: 'refused', failed: false, message: 'No sleeping environment to wake.' };
  const { sha7, env } = target;
  await consume(deps, session, decision.consume);
  let running: DeployedEnvironment;
  try {
    running = await deps.ecs.wakeEnvironment(session.number, sha7);
  } catch (error) {
    // Scaled up or not, it did not come up healthy: the labels keep saying what the PR can count on.
    await deps.ecs.sleepEnvironment(session.number, sha7).catch(() => undefined);
    return {
      outcome: 'failed',
      failed: true,
      message: `Waking \`${sha7}\` failed; it stays asleep. \`/showtime start\` redeploys it.`,
      details: [error instanceof Error ? error.message : String(error)],
    };
  }
  const address = shownAddress(deps, session.number, running.address);
  const next = addressLabel(sha7, address);
  const stale = env.labels.filter((label) => parseLabel(label).kind === 'address' && label !== next);
  const left = await finishLabels(deps, session, sha7, [next], stale);
  return {
    outcome: 'done',
    failed: false,
    message: `\`${sha7}\` is awake: ${addressUrl(address)}`,
    url: addressUrl(address),
    details: left,
  };
}
