// What passes between the jobs of the split form. The plan record travels as a job output (a job that ran PR code
// can overwrite the run's artifacts, never another job's outputs); only the image archive, checked by digest, is an
// artifact.
import { imageTag } from '../docker/settings.js';
import type { Registry } from '../docker/registry.js';
import type { Log } from './context.js';
import type { PlanRecord } from './plan-record.js';

/** The commit the build job builds: the claimed one, only when this run claimed a build. */
export function buildRequestOf(record: PlanRecord): { pr: number; sha: string } | undefined {
  if (!record.buildNeeded || record.claim === undefined || record.pr === undefined) return undefined;
  return { pr: record.pr, sha: record.claim.sha };
}

/**
 * Names the image of a claimed build and looks it up in the registry before anything is checked out: when it is
 * there, the build job is skipped and the deploy job deploys it by digest. The plan job holds no registry login,
 * so the read is anonymous; a registry that refuses it (a private one) means a build, which is always safe.
 */
export async function planImage(
  record: PlanRecord,
  options: { imageRepository: string; forceRebuild: boolean; existingImage?: string },
  registry: Registry,
  log: Log,
): Promise<PlanRecord> {
  const request = buildRequestOf(record);
  if (request === undefined || options.existingImage !== undefined) return record;
  const tag = imageTag(options.imageRepository, request);
  if (options.forceRebuild) {
    log.info(`force-rebuild: building ${tag} without looking in the registry`);
    return { ...record, image: { tag } };
  }
  const lookup = await registry.digestOf(tag, { anonymous: true });
  if (lookup.found) {
    log.info(`${tag} is already in the registry (${lookup.digest}); the build job is skipped.`);
    return { ...record, image: { tag, digest: lookup.digest } };
  }
  log.info(`${tag} is to be built: ${lookup.why}.`);
  return { ...record, image: { tag } };
}

/** Whether the build job has anything to do. */
export function buildJobNeeded(record: PlanRecord): boolean {
  return (
    buildRequestOf(record) !== undefined && record.image !== undefined && record.image.digest === undefined
  );
}
