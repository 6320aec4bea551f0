// The entrypoints' bodies: read settings and the event, build the adapters, call the orchestration, report. Kept
// here (not in src/entrypoints) so the two-line entry files stay trivially bundleable.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '../runner/core.js';
import type { InputName } from '../inputs.js';
import { readSettings } from '../settings.js';
import type { Log } from './context.js';
import type { PlanRecord } from './main.js';
import { planStep, runStep } from './main.js';
import { createDeps, ECS_ACTIONS } from './wiring.js';

const actionsLog: Log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
};

const readInput = (name: InputName): string => core.getInput(name);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readEvent(env: NodeJS.ProcessEnv): { name: string; payload: unknown } {
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

export async function planEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings('main', readInput);
    const event = readEvent(env);
    const deps = createDeps(settings, env, actionsLog);
    const record = await planStep(deps, event.name, event.payload);
    const file = path.join(
      env.RUNNER_TEMP ?? os.tmpdir(),
      `showtime-plan-${env.GITHUB_RUN_ID ?? process.pid}.json`,
    );
    writeFileSync(file, JSON.stringify(record, null, 2));
    const first = record.decisions[0];
    for (const decision of record.decisions)
      core.info(`plan: ${decision.action} (${decision.reason}): ${decision.message}`);
    core.setOutput('plan-file', file);
    core.setOutput('action', first?.action ?? 'nothing');
    core.setOutput('reason', first?.reason ?? '');
    core.setOutput('pr-number', record.pr ?? '');
    core.setOutput('target-sha', record.targetSha ?? '');
    core.setOutput('build-needed', String(record.buildNeeded && !settings.docker.existingImage));
  } catch (error) {
    core.setFailed(`showtime plan: ${messageOf(error)}`);
  }
}

export async function runEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const file = env.SHOWTIME_PLAN_FILE;
    if (!file)
      throw new Error('SHOWTIME_PLAN_FILE is not set: the run step follows the plan step of action.yml');
    const record = JSON.parse(readFileSync(file, 'utf8')) as PlanRecord;
    const settings = readSettings('main', readInput);
    const preloadAws = record.decisions.some((decision) => ECS_ACTIONS.has(decision.action));
    const deps = createDeps(settings, env, actionsLog, { preloadAws });
    const outcome = await runStep(deps, record);
    core.setOutput('action', outcome.action);
    core.setOutput('reason', outcome.reason);
    core.setOutput('pr-number', record.pr ?? '');
    core.setOutput('target-sha', outcome.targetSha ?? '');
    core.setOutput('build-needed', String(record.buildNeeded));
    core.setOutput('environment-url', outcome.url ?? '');
    core.setOutput('status', outcome.status ?? 'none');
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary).write();
    if (outcome.failed) core.setFailed(`showtime: ${outcome.reason}: see the PR's status comment`);
  } catch (error) {
    core.setFailed(`showtime run: ${messageOf(error)}`);
  }
}
