// Tearing environments down: resources first, labels after, each label with its definition where nothing else
// carries it.
import {
  activeLabel,
  buildingLabel,
  isStateLabel,
  isStrayStateLabel,
  statusLabel,
  TRACKED,
} from '../core/labels.js';
import type { Environment } from '../core/types.js';
import type { Deps } from './context.js';
import type { Outcome } from './common.js';
import { relabel, setStatus, statusLabelsOf } from './common.js';
import { deactivateDeployments } from './deployments.js';
import { retireEnvironmentImage } from './images.js';
import type { PrSession } from './session.js';
import { balancerOf, releaseRouting } from './routing.js';

/**
 * Deletes one environment's resources, then its labels. Labels go only once the resources are gone; what could
 * not be deleted keeps its labels with status failed, and is returned as lines for the PR.
 */
export async function retire(
  deps: Deps,
  session: PrSession,
  env: Environment,
  options: {
    deploymentsInactive?: boolean;
    /**
     * Retired by a switch: requests the old task was serving still drain (its target group's deregistration delay),
     * so the group stays for the sweep to delete once no label claims it. A stop deletes it at once.
     */
    draining?: boolean;
  } = {},
): Promise<string[]> {
  const report = deps.settings.dryRun.aws
    ? { deleted: [], failed: [] }
    : await deps.ecs.deleteEnvironment(session.number, env.sha).catch((error: unknown) => ({
        deleted: [],
        failed: [{ resource: `service of ${env.sha}`, error: String(error) }],
      }));
  // Load-balancer mode: the environment's rule and target group, once its service is gone.
  const routing =
    report.failed.length > 0
      ? []
      : await releaseRouting(deps, session.number, env.sha, {
          active: session.state().active,
          keepTargetGroup: options.draining === true,
        });
  if (report.failed.length > 0 || routing.length > 0) {
    // `destroying` stays on the labels: a deletion is owed, and every sweep retries it (planner: deletion-owed).
    await setStatus(deps, session, env.sha, 'destroying');
    return [
      ...report.failed.map((failure) => `Could not delete ${failure.resource}: ${failure.error}`),
      ...routing,
    ];
  }
  // Before the labels go: a run that dies here leaves the environment labelled, and its teardown is retried.
  await retireEnvironmentImage(deps, session.number, env.sha);
  // A Set: env.labels may hold the 🎯 and 🏗️ of the SHA already, and each definition is to be deleted once.
  const labels = [...new Set([...env.labels, activeLabel(env.sha), buildingLabel(env.sha)])].filter((label) =>
    session.has(label),
  );
  try {
    await removeWithDefinitions(deps, session, labels);
  } catch (error) {
    // The resources are gone but some labels stay: `destroying` says a deletion is owed, so the next sweep finishes
    // it, instead of the labels claiming a running environment that is not there.
    await setStatus(deps, session, env.sha, 'destroying').catch(() => undefined);
    return [`Could not remove the labels of ${env.sha}; the cleanup sweep will: ${String(error)}`];
  }
  if (!options.deploymentsInactive) await deactivateDeployments(deps, session.number, env.sha);
  return [];
}

/**
 * Takes a retired environment's labels off the PR, each with its repository definition when nothing else carries
 * it: deleting a definition takes the label off every issue, so one DELETE does both, 2 requests per label (the
 * carriers read, the DELETE) where removing and then deleting took 3. "Nothing else" is a consistent read (the issues
 * listing, never search): two PRs can share a head commit, and deleting a definition another PR carries would erase
 * that PR's state. A label others carry, or whose carriers cannot be read, is only removed from this PR; the sweep
 * collects its definition once it is unused. Throws when a label cannot be taken off the PR.
 */
async function removeWithDefinitions(deps: Deps, session: PrSession, names: string[]): Promise<void> {
  if (deps.settings.dryRun.github) {
    deps.log.info(
      `dry run: would remove [${names.join(', ')}] with their definitions where nothing else carries them`,
    );
    return;
  }
  for (const name of names) {
    if (await deleteIfOnlyHere(deps, session, name)) continue;
    if (session.has(name)) await session.remove([name]);
  }
}

async function deleteIfOnlyHere(deps: Deps, session: PrSession, name: string): Promise<boolean> {
  try {
    const carriers = await deps.github.listLabelCarriers(name);
    const onlyHere = carriers.carried
      ? carriers.numbers.length > 0 && carriers.numbers.every((number) => number === session.number)
      : true;
    if (!onlyHere) return false;
    await session.deleteDefinition(name);
    return true;
  } catch (error) {
    deps.log.warning(
      `could not delete the definition of ${name}, taking it off the PR only: ${String(error)}`,
    );
    return false;
  }
}

/**
 * Tears down every environment of the PR (or only `only`), including one still building: its run sees the labels
 * go and yields.
 */
export async function destroy(deps: Deps, session: PrSession, why: string, only?: string): Promise<Outcome> {
  const state = session.state();
  const envs = Object.values(state.environments).filter((env) => only === undefined || env.sha === only);
  if (envs.length === 0 && state.building === undefined) {
    if (session.has(TRACKED)) await relabel(deps, session, [], [TRACKED]);
    return { outcome: 'info', failed: false, message: 'Nothing to stop.' };
  }
  // Mark first, so a run building one of them sees the stop before it creates anything more. The mark is a courtesy:
  // if writing it fails half-way (the new status added, the old not removed), the teardown still goes on, and
  // retire() removes every label of the environment, both statuses included. Giving up here would leave a running
  // environment labelled with two statuses (reliability tests: a stop whose first label write fails for good).
  const replaced = envs.flatMap((env) =>
    statusLabelsOf(env).filter((label) => label !== statusLabel(env.sha, 'destroying')),
  );
  // The replaced statuses and the building pointer go with their definitions: the teardown would delete those
  // definitions anyway, and doing it here saves the separate removal from the PR.
  try {
    await relabel(
      deps,
      session,
      envs.map((env) => statusLabel(env.sha, 'destroying')),
      [],
    );
    await removeWithDefinitions(deps, session, [
      ...replaced,
      ...(state.building && (only === undefined || only === state.building)
        ? [buildingLabel(state.building)]
        : []),
    ]);
  } catch (error) {
    deps.log.warning(
      `could not mark the environments destroying, tearing them down anyway: ${String(error)}`,
    );
  }
  const leftovers: string[] = [];
  // Load-balancer mode: the PR's host stops answering first, which also frees the target groups for deletion.
  const mode = balancerOf(deps);
  if (mode && only === undefined) {
    await mode.router.removeRoute({ pr: session.number }).catch((error: unknown) => {
      leftovers.push(`Could not delete the listener rule of PR #${session.number}: ${String(error)}`);
    });
  }
  for (const env of envs)
    leftovers.push(...(await retire(deps, session, session.state().environments[env.sha] ?? env)));
  const after = session.state();
  if (Object.keys(after.environments).length === 0) {
    // Everything that looks like state goes with the last environment, parseable or not; the index label goes last
    // and only when nothing state-like is left, so that whatever a failed removal leaves, the sweep still finds.
    const strays = only === undefined ? session.labels.filter(isStrayStateLabel) : [];
    await relabel(
      deps,
      session,
      [],
      [...after.legacyLabels, ...strays].filter((label) => session.has(label)),
    );
    if (
      session.has(TRACKED) &&
      !session.labels.some((label) => label !== TRACKED && (isStateLabel(label) || isStrayStateLabel(label)))
    ) {
      await relabel(deps, session, [], [TRACKED]);
    }
  }
  return {
    outcome: leftovers.length > 0 ? 'failed' : 'done',
    failed: leftovers.length > 0,
    message:
      leftovers.length > 0 ? `${why} Some resources could not be deleted.` : `${why} Environments removed.`,
    details: leftovers,
  };
}
