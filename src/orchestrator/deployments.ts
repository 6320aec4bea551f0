// The PR's GitHub deployments: a courtesy record of each environment (the PR's "deployed" box and environment URL).
import type { Deps } from './context.js';
import { environmentName } from './common.js';

/**
 * ONE request: the deployment, with no `in_progress` status (nobody reads it; the status comment says building). Not
 * transient: GitHub's auto_inactive then marks the previous deployment of the PR's environment inactive when this
 * one succeeds, so a rolling update writes no inactive status of its own.
 */
export async function startDeployment(deps: Deps, pr: number, sha: string): Promise<number | undefined> {
  if (deps.settings.dryRun.github) return undefined;
  try {
    const deployment = await deps.github.createDeployment({
      ref: sha,
      environment: environmentName(pr),
      description: `showtime environment for PR #${pr} at ${sha.slice(0, 7)}`,
      transient: false,
    });
    return deployment.id;
  } catch (error) {
    // A deployment record is a courtesy: without one the environment still works.
    deps.log.warning(`could not create a GitHub deployment: ${String(error)}`);
    return undefined;
  }
}

export async function finishDeployment(
  deps: Deps,
  id: number | undefined,
  state: 'success' | 'failure' | 'inactive',
  environmentUrl?: string,
): Promise<void> {
  if (id === undefined) return;
  await deps.github
    .createDeploymentStatus(id, { state, environmentUrl, logUrl: deps.run.url })
    .catch((error: unknown) => deps.log.warning(`could not update deployment ${id}: ${String(error)}`));
}

export async function deactivateDeployments(deps: Deps, pr: number, sha7: string): Promise<void> {
  if (deps.settings.dryRun.github) return;
  const deployments = await deps.github.listDeployments({ environment: environmentName(pr) }).catch(() => []);
  for (const deployment of deployments.filter((d) => d.sha.startsWith(sha7))) {
    await finishDeployment(deps, deployment.id, 'inactive');
  }
}
