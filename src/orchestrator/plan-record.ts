// The plan record: what the plan step decided and claimed, handed to the run step (one job) or to the build and
// deploy jobs (three jobs) as JSON. A named, versioned seam: a reader refuses a record of another version or shape.
import type { Actor, CommandError, Decision } from '../core/types.js';
import type { Claim } from './deploy.js';
import type { PullSnapshot } from './session.js';

/** Version of the plan record; a reader refuses any other (the plan and the run or deploy of different releases). */
export const PLAN_VERSION = 2;

/** The image the split form's build job builds, as the plan named it (and its digest when the registry had it). */
export interface PlannedImage {
  tag: string;
  digest?: string;
}

export interface PlanRecord {
  version: typeof PLAN_VERSION;
  pr?: number;
  actor?: Actor;
  commentId?: number;
  decisions: Decision[];
  commandErrors: CommandError[];
  /** Set when this run won the claim of a create / rolling update: it holds the lock of that SHA. */
  claim?: Claim;
  buildNeeded: boolean;
  targetSha?: string;
  /** Set by the split form's plan job when this run claimed a build. */
  image?: PlannedImage;
  /**
   * The status comment's id, as the plan step found or created it (GitHub's answer, never text a person wrote): the
   * run step edits it without listing the PR's comments.
   */
  statusCommentId?: number;
  /** The PR as the plan step left it after a claim: the run step's deploy starts from it (see runStep). */
  pull?: PullSnapshot;
}

export function record(decisions: Decision[], extra: Partial<PlanRecord> = {}): PlanRecord {
  const build = decisions.find((decision) => decision.buildNeeded);
  return {
    version: PLAN_VERSION,
    decisions,
    commandErrors: [],
    buildNeeded: build !== undefined && extra.claim !== undefined,
    targetSha: build?.targetSha ?? decisions[0]?.targetSha,
    ...extra,
  };
}

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

/**
 * The record for the run's debug log (shown with ACTIONS_STEP_DEBUG): everything but the quoted lines of command
 * errors, which repeat what someone wrote in a comment.
 */
export function debugPlanRecord(record: PlanRecord): string {
  return `plan record: ${JSON.stringify({ ...record, commandErrors: record.commandErrors.length })}`;
}
