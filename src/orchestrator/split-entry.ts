// The build and deploy jobs of the split form (the plan job is planEntrypoint with SHOWTIME_JOB=plan).
import os from 'node:os';
import path from 'node:path';
import * as core from '../runner/core.js';
import { ARCHIVE_FILE, credentialsIn } from '../docker/archive.js';
import { HandedOverImage } from '../docker/handover.js';
import { imageTag, readHandoverInputs } from '../docker/settings.js';
import { readSettings } from '../settings.js';
import { actionsLog } from './actions-log.js';
import { messageOf } from './context.js';
import { readInput, report } from './entry.js';
import { buildJobNeeded, buildRequestOf } from './handover.js';
import { debugPlanRecord, readPlanRecord } from './plan-record.js';
import { runStep } from './run-step.js';
import { createArchiveBuilder, createDeps, createRegistry } from './wiring.js';

/** Where the archive is written (build job) and downloaded to (deploy job): outside any checkout. */
export function archiveDir(env: NodeJS.ProcessEnv): string {
  return env.SHOWTIME_ARCHIVE_DIR || path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'showtime-image');
}

/**
 * The untrusted job: builds the claimed commit into an OCI archive and reports its digest. It refuses to start while
 * it can see any credential, so a workflow that hands it one fails loudly instead of exposing it to the PR's code.
 */
export async function buildEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const held = credentialsIn(env);
    if (held.length > 0) {
      throw new Error(
        `the build job can see credentials it must not hold: ${held.join(', ')}. It builds the pull request's ` +
          'code: give it no secrets, no id-token, no GitHub token and no registry login (README: security model)',
      );
    }
    const settings = readSettings('build', readInput);
    const record = readPlanRecord(core.getInput('plan'), "input 'plan'");
    core.debug(debugPlanRecord(record));
    const request = buildRequestOf(record);
    const tag = record.image?.tag;
    if (request === undefined || tag === undefined || !buildJobNeeded(record)) {
      throw new Error(
        "the plan asks for no build: run the build job only when needs.plan.outputs.build-needed == 'true'",
      );
    }
    // The plan named the image; the build job takes no image-repository of its own (nothing to disagree with).
    const repository = tag.slice(0, tag.lastIndexOf(':'));
    const archive = await createArchiveBuilder(settings, env, repository).buildArchive(
      request,
      tag,
      path.join(archiveDir(env), ARCHIVE_FILE),
    );
    if (archive) core.info(`The image archive is ${archive.bytes} bytes, ${archive.digest}.`);
    core.setOutput('archive-path', archive?.path ?? '');
    core.setOutput('archive-digest', archive?.digest ?? '');
    core.setOutput('archive-bytes', String(archive?.bytes ?? 0));
  } catch (error) {
    core.setFailed(`showtime build: ${messageOf(error)}`);
  }
}

/**
 * The trusted job: checks the archive against the build job's digest, pushes it, and carries the plan out as the
 * one-job form's run step does; the image is deployed by digest.
 */
export async function deployEntrypoint(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readSettings('deploy', readInput);
    const record = readPlanRecord(core.getInput('plan'), "input 'plan'");
    core.debug(debugPlanRecord(record));
    const handover = readHandoverInputs((name) => core.getInput(name));
    const request = buildRequestOf(record);
    if (request && record.image && record.image.tag !== imageTag(settings.docker.imageRepository, request)) {
      throw new Error(
        `the plan named the image ${record.image.tag}, but this job's image-repository is ` +
          `${settings.docker.imageRepository}: give the plan and deploy jobs the same image-repository`,
      );
    }
    const image = new HandedOverImage(
      {
        imageRepository: settings.docker.imageRepository,
        existingImage: settings.docker.existingImage,
        archive: path.join(archiveDir(env), ARCHIVE_FILE),
        archiveDigest: handover.archiveDigest,
        buildResult: handover.buildResult,
        knownDigest: record.image?.digest,
      },
      createRegistry(settings, env, actionsLog),
    );
    const deps = createDeps(settings, env, actionsLog, { builder: image });
    const outcome = await runStep(deps, record);
    core.setOutput('image', image.deployed ?? '');
    await report(record, outcome, env);
  } catch (error) {
    core.setFailed(`showtime deploy: ${messageOf(error)}`);
  }
}
