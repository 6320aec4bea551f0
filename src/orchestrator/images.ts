// Teardown's share of the registry: an environment's image tag goes with the environment, so PR images do not
// accumulate. Only tags in the ECR repository of the stack are deleted (an ImageStore exists only for one).
import { imageTag } from '../docker/settings.js';
import type { Deps } from './context.js';

export interface ImageDeletion {
  deleted: string[];
  /** Tags left in place on purpose, with the reason. */
  kept: string[];
  failed: { resource: string; error: string }[];
}

/** The tag the builder gives the image of this PR and SHA (`pr-<n>-<sha7>-ci`). */
export function environmentImageTag(pr: number, sha: string): string {
  const reference = imageTag('repository', { pr, sha });
  return reference.slice(reference.lastIndexOf(':') + 1);
}

/** The PR and SHA an image tag belongs to, when the builder named it. */
export function parseEnvironmentImageTag(tag: string): { pr: number; sha7: string } | undefined {
  const match = /^pr-(\d+)-([0-9a-f]{7})-ci$/.exec(tag);
  return match?.[1] && match[2] ? { pr: Number(match[1]), sha7: match[2] } : undefined;
}

/**
 * Deletes the environment's tag. ECR removes the image itself only with its last tag, so another PR's tag of the same
 * commit keeps it; when this tag is the last one, a consistent read of ECS (its services, not a search) must show no
 * other PR's live environment at this SHA, which may run the image by digest. Never throws.
 */
export async function deleteEnvironmentImage(deps: Deps, pr: number, sha: string): Promise<ImageDeletion> {
  const result: ImageDeletion = { deleted: [], kept: [], failed: [] };
  const images = deps.images;
  if (images === undefined) return result;
  const sha7 = sha.slice(0, 7);
  const tag = environmentImageTag(pr, sha7);
  const resource = `image ${images.repository}:${tag}`;
  try {
    const image = await images.findTag(tag);
    if (image === undefined) return result;
    if (image.tags.length <= 1) {
      const sharing = (await deps.ecs.listManagedServices()).filter(
        (service) => service.status === 'ACTIVE' && service.sha === sha7 && service.pr !== pr,
      );
      if (sharing.length > 0) {
        const prs = [...new Set(sharing.map((service) => `#${service.pr ?? '?'}`))].join(', ');
        result.kept.push(`${resource}: ${prs} runs the same commit`);
        return result;
      }
    }
    if ((await images.deleteTag(tag)) === 'deleted') result.deleted.push(resource);
  } catch (error) {
    result.failed.push({ resource, error: error instanceof Error ? error.message : String(error) });
  }
  return result;
}

/** Teardown's call: a failure is logged for the run and left to the sweep, which lists what no label claims. */
export async function retireEnvironmentImage(deps: Deps, pr: number, sha: string): Promise<void> {
  const result = await deleteEnvironmentImage(deps, pr, sha);
  for (const line of result.kept) deps.log.info(`kept ${line}`);
  for (const failure of result.failed) {
    deps.log.warning(`could not delete ${failure.resource}; the cleanup sweep will: ${failure.error}`);
  }
}
