// Maintainer controls on a running environment: live configuration, TTL, freeze.
import { addressLabel, configLabels, FREEZE, parseLabel, statusLabel, ttlLabel } from '../core/labels.js';
import { describeExtension } from '../core/report.js';
import type { Decision } from '../core/types.js';
import { MAX_TTL_HOURS } from '../core/values.js';
import type { Deps } from './context.js';
import type { Outcome } from './common.js';
import { consume, relabel, setStatus } from './common.js';
import type { PrSession } from './session.js';

export async function reconfigure(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const state = session.state();
  const sha7 = decision.targetSha?.slice(0, 7) ?? state.active;
  const env = sha7 ? state.environments[sha7] : undefined;
  if (sha7 === undefined || env === undefined || decision.config === undefined) {
    return { outcome: 'refused', failed: false, message: 'No running environment to configure.' };
  }
  await consume(deps, session, decision.consume);
  await setStatus(deps, session, sha7, 'configuring');
  try {
    const running = await deps.ecs.updateConfiguration({
      pr: session.number,
      sha: sha7,
      config: decision.config,
      size: decision.config.size ?? deps.settings.policy.defaultSize,
    });
    const current = env.labels.filter((label) => parseLabel(label).kind === 'config');
    const next = configLabels(sha7, decision.config);
    await relabel(
      deps,
      session,
      [...next, statusLabel(sha7, 'running'), addressLabel(sha7, running.address)],
      [
        ...current,
        statusLabel(sha7, 'configuring'),
        ...env.labels.filter((l) => parseLabel(l).kind === 'address'),
      ],
    );
    return {
      outcome: 'done',
      failed: false,
      message: `Configuration of \`${sha7}\` updated.`,
      url: running.url,
    };
  } catch (error) {
    await setStatus(deps, session, sha7, 'running');
    return {
      outcome: 'failed',
      failed: true,
      message: `Changing the configuration of \`${sha7}\` failed; the previous configuration keeps running.`,
      details: [error instanceof Error ? error.message : String(error)],
    };
  }
}

/** `extend` restarts the clock: the TTL is rewritten so that the deadline is now + the requested duration. */
export async function extend(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const state = session.state();
  const sha7 = state.active ?? Object.keys(state.environments)[0];
  const env = sha7 ? state.environments[sha7] : undefined;
  if (sha7 === undefined || env === undefined || decision.ttl === undefined) {
    return { outcome: 'refused', failed: false, message: 'No environment to extend.' };
  }
  let ttl = decision.ttl;
  if (ttl.kind === 'duration' && env.createdAt) {
    const elapsed = Math.ceil((deps.clock().getTime() - env.createdAt.getTime()) / 3_600_000);
    const hours = Math.max(0, elapsed) + ttl.hours;
    if (hours > MAX_TTL_HOURS) {
      return {
        outcome: 'refused',
        failed: false,
        message: `An environment lives at most ${MAX_TTL_HOURS / 168} weeks; use \`/showtime keep-alive\` to keep it until the PR closes.`,
      };
    }
    ttl = { kind: 'duration', hours };
  }
  const label = ttlLabel(sha7, ttl);
  const old = env.labels.filter((name) => parseLabel(name).kind === 'ttl' && name !== label);
  await relabel(deps, session, [label], old);
  return {
    outcome: 'done',
    failed: false,
    message: describeExtension(sha7, decision.ttl, ttl, env.createdAt),
  };
}

export async function setFrozen(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const freeze = decision.action === 'freeze';
  if (freeze && !session.has(FREEZE)) await relabel(deps, session, [FREEZE], []);
  if (!freeze && session.has(FREEZE)) await relabel(deps, session, [], [FREEZE]);
  return { outcome: 'done', failed: false, message: decision.message };
}
