// The deploy job's side of the hand-over: the image to deploy comes from the build job's archive (checked against
// the digest the build job reported, then pushed as bytes), from the registry (the plan found it there), or from
// `existing-image`. Always deployed by digest, so what runs is exactly what was checked.
import { existsSync } from 'node:fs';
import type { BuildLog, BuildResult, Builder } from './builder.js';
import { ACTIONS_LOG } from './builder.js';
import type { Registry } from './registry.js';
import { sha256File } from './archive.js';
import { BuilderInputError, existingImageProblems, imageTag } from './settings.js';
import type { BuildJobResult, BuildRequest } from './settings.js';

export interface Handover {
  imageRepository: string;
  existingImage?: string;
  /** The archive as downloaded; only read when the build job reported a digest. */
  archive: string;
  /** `sha256:<hex>` the build job reported for its archive; undefined when no build ran. */
  archiveDigest?: string;
  buildResult: BuildJobResult;
  /** The digest the plan found in the registry for this commit's tag. */
  knownDigest?: string;
}

/** The archive is not the one the build job made: it was changed on the way, and nothing from it is used. */
export class ArchiveDigestMismatch extends Error {
  constructor(expected: string, actual: string) {
    super(
      `the image archive is ${actual}, not the ${expected} the build job reported: it changed after the build, ` +
        'so nothing was pushed or deployed',
    );
    this.name = 'ArchiveDigestMismatch';
  }
}

export class HandedOverImage implements Builder {
  /** The image the last call settled on, for the deploy job's `image` output. */
  deployed?: string;

  constructor(
    private readonly handover: Handover,
    private readonly registry: Registry,
    private readonly log: Pick<BuildLog, 'info'> = ACTIONS_LOG,
  ) {}

  async ensureImage(request: BuildRequest): Promise<BuildResult> {
    const result = await this.settle(request);
    this.deployed = result.image;
    return result;
  }

  private async settle(request: BuildRequest): Promise<BuildResult> {
    const { handover } = this;
    if (handover.existingImage !== undefined) {
      const problems = existingImageProblems(handover.existingImage, request);
      if (problems.length > 0) throw new BuilderInputError(problems);
      return { image: handover.existingImage, built: false, skippedBecause: 'existing-image' };
    }
    const tag = imageTag(handover.imageRepository, request);
    if (handover.buildResult === 'failure' || handover.buildResult === 'cancelled') {
      throw new Error(`the build job of ${tag} ended ${handover.buildResult}; its log is in the run`);
    }
    if (handover.archiveDigest !== undefined) {
      if (!existsSync(handover.archive)) {
        throw new Error(
          `the build job reported an image archive, but none was downloaded to ${handover.archive}`,
        );
      }
      const actual = await sha256File(handover.archive);
      if (actual !== handover.archiveDigest) throw new ArchiveDigestMismatch(handover.archiveDigest, actual);
      this.log.info(`The image archive matches the build job's digest ${actual}.`);
      const digest = await this.registry.pushArchive(handover.archive, tag);
      return { image: digest ? byDigest(handover.imageRepository, digest) : tag, built: true };
    }
    if (handover.knownDigest !== undefined) {
      this.log.info(`${tag} was already in the registry when the plan ran; deploying it by digest.`);
      return {
        image: byDigest(handover.imageRepository, handover.knownDigest),
        built: false,
        skippedBecause: 'exists',
      };
    }
    // No build ran and the plan could not read the registry anonymously: this job may have the login it lacked.
    const lookup = await this.registry.digestOf(tag, { anonymous: false });
    if (!lookup.found) {
      throw new Error(`no build ran for ${tag} and the registry does not have it (${lookup.why})`);
    }
    return {
      image: byDigest(handover.imageRepository, lookup.digest),
      built: false,
      skippedBecause: 'exists',
    };
  }
}

export function byDigest(repository: string, digest: string): string {
  return `${repository}@${digest}`;
}
