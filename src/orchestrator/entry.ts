// The entrypoints' bodies: read settings and the event, build the adapters, call the orchestration, report. Kept
// here (not in src/entrypoints) so the two-line entry files stay trivially bundleable.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '../runner/core.js';
import type { InputName } from '../inputs.js';
import { readSettings } from '../settings.js';
import { actionsLog } from './actions-log.js';
import { messageOf } from './context.js';
import type { PlanRecord } from './plan-record.js';
import type { RunOutcome } from './run-step.js';
import { buildJobNeeded, planImage } from './handover.js';
import { debugPlanRecord, encodePlanRecord, readPlanRecord } from './plan-record.js';
import { planStep } from './plan-step.js';
import { runStep } from './run-step.js';
import { createDeps, createRegistry, ECS_ACTIONS } from './wiring.js';

export const readInput = (name: InputName): string => core.getInput(name);

export function readEvent(env: NodeJS.ProcessEnv): { name: string; payload: unknown } {
  const name = env.GITHUB_EVENT_NAME;
  const file = env.GITHUB_EVENT_PATH;
  if (!name || !file)
    throw new Error('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run this as a GitHub Action');
  try {
    return { name, payload: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    throw new Error(`the event payload ${file} is not readable JSON: ${messageOf(error)}`);
  }
}

/**
 * The plan step of the one-job form, and the plan job of the split form (plan/action.yml sets SHOWTIME_JOB=plan):
 * there it reads the plan action's inputs, looks the image up before any checkout, and hands its record on as the
 * `plan` output.
 */
export async function planEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const split = env.SHOWTIME_JOB === 'plan';
    const settings = readSettings(split ? 'plan' : 'main', readInput);
    const event = readEvent(env);
    const deps = createDeps(settings, env, actionsLog);
    if (split && settings.docker.imageRepository === '') {
      // The one-job form looks the stack's ECR repository up with its AWS role; the plan job has none.
      throw new Error(
        "input 'image-repository' is empty; the plan and deploy jobs need the repository's URI, e.g. the stack's " +
          'ImageRepositoryUri output (<account>.dkr.ecr.<region>.amazonaws.com/superset-showtime-pr)',
      );
    }
    let record = await planStep(deps, event.name, event.payload);
    if (split) {
      record = await planImage(
        record,
        settings.docker,
        createRegistry(settings, env, actionsLog),
        actionsLog,
      );
      core.setOutput('plan', encodePlanRecord(record));
      core.setOutput('image-tag', buildJobNeeded(record) ? (record.image?.tag ?? '') : '');
    }
    const file = path.join(
      env.RUNNER_TEMP ?? os.tmpdir(),
      `showtime-plan-${env.GITHUB_RUN_ID ?? process.pid}.json`,
    );
    writeFileSync(file, JSON.stringify(record, null, 2));
    core.debug(debugPlanRecord(record));
    const first = record.decisions[0];
    for (const decision of record.decisions)
      core.info(`plan: ${decision.action} (${decision.reason}): ${decision.message}`);
    core.setOutput('plan-file', file);
    core.setOutput('action', first?.action ?? 'nothing');
    core.setOutput('reason', first?.reason ?? '');
    core.setOutput('pr-number', record.pr ?? '');
    core.setOutput('target-sha', record.targetSha ?? '');
    core.setOutput(
      'build-needed',
      String(split ? buildJobNeeded(record) : record.buildNeeded && !settings.docker.existingImage),
    );
  } catch (error) {
    core.setFailed(`showtime plan: ${messageOf(error)}`);
  }
}

export async function runEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const file = env.SHOWTIME_PLAN_FILE;
    if (!file)
      throw new Error('SHOWTIME_PLAN_FILE is not set: the run step follows the plan step of action.yml');
    const record = readPlanRecord(readFileSync(file, 'utf8'), `the plan file ${file}`);
    core.debug(debugPlanRecord(record));
    const settings = readSettings('main', readInput);
    const preloadAws = record.decisions.some((decision) => ECS_ACTIONS.has(decision.action));
    const deps = createDeps(settings, env, actionsLog, { preloadAws });
    await report(record, await runStep(deps, record), env);
  } catch (error) {
    core.setFailed(`showtime run: ${messageOf(error)}`);
  }
}

/** The outputs, summary and exit status of a run step (one-job form) or a deploy job (split form). */
export async function report(record: PlanRecord, outcome: RunOutcome, env: NodeJS.ProcessEnv): Promise<void> {
  core.setOutput('action', outcome.action);
  core.setOutput('reason', outcome.reason);
  core.setOutput('pr-number', record.pr ?? '');
  core.setOutput('target-sha', outcome.targetSha ?? '');
  core.setOutput('build-needed', String(record.buildNeeded));
  core.setOutput('environment-url', outcome.url ?? '');
  core.setOutput('status', outcome.status ?? 'none');
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary).write();
  if (outcome.failed) core.setFailed(`showtime: ${outcome.reason}: see the PR's status comment`);
}
