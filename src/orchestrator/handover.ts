// What passes between the jobs of the split form. The plan record travels as a job output (a job that ran PR code
// can overwrite the run's artifacts, never another job's outputs); only the image archive, checked by digest, is an
// artifact.
import { imageTag } from '../docker/settings.js';
import type { Registry } from '../docker/registry.js';
import type { Log } from './context.js';
import type { PlanRecord } from './main.js';
import { PLAN_VERSION } from './main.js';

/** The record as the plan job's `plan` output carries it. */
export function encodePlanRecord(record: PlanRecord): string {
  return JSON.stringify(record);
}

/** Parses a plan record, refusing one of another version or shape with a message that says what to fix. */
export function readPlanRecord(text: string, source: string): PlanRecord {
  if (text.trim() === '') {
    // GitHub also empties a job output that contains the value of a secret, without failing the job.
    throw new Error(
      `${source} is empty: pass the plan job's \`plan\` output (needs.plan.outputs.plan); if it is passed, ` +
        "look for a 'Skip output' warning in the plan job: GitHub drops an output that contains a secret's value",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${source} is not JSON: pass the plan job's \`plan\` output (needs.plan.outputs.plan) unchanged`,
    );
  }
  const record = parsed as Partial<PlanRecord> | null;
  if (record === null || typeof record !== 'object') throw new Error(`${source} is not a plan record`);
  if (record.version !== PLAN_VERSION) {
    throw new Error(
      `${source} is a plan record of version ${JSON.stringify(record.version)}; this release reads version ` +
        `${PLAN_VERSION}: use the plan, build and deploy actions of one release`,
    );
  }
  if (!Array.isArray(record.decisions) || !Array.isArray(record.commandErrors)) {
    throw new Error(`${source} lacks its decisions: it is not a plan record`);
  }
  const positive = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) > 0;
  if (record.statusCommentId !== undefined && !positive(record.statusCommentId)) {
    throw new Error(
      `${source}: statusCommentId must be a positive integer (a comment id), got ${JSON.stringify(record.statusCommentId)}`,
    );
  }
  const pull = record.pull;
  if (
    pull !== undefined &&
    (pull === null ||
      typeof pull !== 'object' ||
      pull.number !== record.pr ||
      typeof pull.open !== 'boolean' ||
      typeof pull.fromFork !== 'boolean' ||
      !/^[0-9a-f]{40}$/.test(String(pull.headSha)) ||
      !Array.isArray(pull.labels) ||
      !pull.labels.every((label) => typeof label === 'string') ||
      Number.isNaN(Date.parse(String(pull.createdAt))))
  ) {
    throw new Error(
      `${source}: pull must be the PR the record is about, with its number, 40-hex headSha, open, fromFork, labels and createdAt`,
    );
  }
  return record as PlanRecord;
}

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
