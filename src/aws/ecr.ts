// The ECR adapter: the registry of PR images that the stack creates (aws/showtime-stack.yml). Teardown deletes an
// environment's tag here so that nothing accumulates; the sweep lists what a failed teardown left.
import {
  BatchDeleteImageCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
} from '@aws-sdk/client-ecr';
import type { ImageDetail } from '@aws-sdk/client-ecr';

export { DEFAULT_ECR_REPOSITORY, parseEcrRepository } from './store-names.js';
export type { EcrRepository } from './store-names.js';
import type { EcrRepository } from './store-names.js';
import { ecrRepositoryLabel } from './store-names.js';

/** One tag of an image, with everything else ECR knows of that image. */
export interface StoredImage {
  tag: string;
  digest: string;
  /** Every tag the image carries, this one included. */
  tags: string[];
  pushedAt?: Date;
}

export type TagDeletion = 'deleted' | 'already-gone';

/** What teardown and the sweep need from the registry of PR images. */
export interface ImageStore {
  /** Where the images are, for messages: the repository URI. */
  readonly repository: string;
  /** The image that carries `tag` now (DescribeImages, a consistent read), or undefined. */
  findTag(tag: string): Promise<StoredImage | undefined>;
  /** Removes the tag; ECR deletes the image itself only with its last tag. */
  deleteTag(tag: string): Promise<TagDeletion>;
  /** One entry per tag of every tagged image (untagged ones are the lifecycle policy's). */
  listTagged(): Promise<StoredImage[]>;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : undefined;
}

/**
 * No such image, or no such repository: either way there is nothing to delete. The latter is the default
 * repository of an account that deploys only existing images and never created it.
 */
function isAbsent(error: unknown): boolean {
  const name = errorName(error);
  return name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException';
}

function entries(detail: ImageDetail): StoredImage[] {
  const tags = detail.imageTags ?? [];
  return tags.map((tag) => ({ tag, digest: detail.imageDigest ?? '', tags, pushedAt: detail.imagePushedAt }));
}

export class EcrImageStore implements ImageStore {
  readonly repository: string;

  constructor(
    private readonly client: ECRClient,
    private readonly target: EcrRepository,
  ) {
    this.repository = ecrRepositoryLabel(target);
  }

  async findTag(tag: string): Promise<StoredImage | undefined> {
    try {
      const found = await this.client.send(
        new DescribeImagesCommand({
          registryId: this.target.registryId,
          repositoryName: this.target.name,
          imageIds: [{ imageTag: tag }],
        }),
      );
      const detail = found.imageDetails?.[0];
      return detail ? entries(detail).find((entry) => entry.tag === tag) : undefined;
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw error;
    }
  }

  async deleteTag(tag: string): Promise<TagDeletion> {
    const answer = await this.client.send(
      new BatchDeleteImageCommand({
        registryId: this.target.registryId,
        repositoryName: this.target.name,
        imageIds: [{ imageTag: tag }],
      }),
    );
    if ((answer.imageIds ?? []).some((id) => id.imageTag === tag)) return 'deleted';
    // BatchDeleteImage answers 200 and lists per-image failures instead of throwing.
    const failure = answer.failures?.[0];
    if (
      failure === undefined ||
      failure.failureCode === 'ImageNotFound' ||
      failure.failureCode === 'ImageTagDoesNotMatchDigest'
    )
      return 'already-gone';
    throw new Error(
      `ECR refused to delete ${tag}: ${failure.failureCode ?? 'unknown'} ${failure.failureReason ?? ''}`.trim(),
    );
  }

  async listTagged(): Promise<StoredImage[]> {
    const images: StoredImage[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.describePage(nextToken);
      if (page === undefined) return [];
      for (const detail of page.imageDetails ?? []) images.push(...entries(detail));
      nextToken = page.nextToken;
    } while (nextToken);
    return images;
  }

  private async describePage(nextToken: string | undefined) {
    try {
      return await this.client.send(
        new DescribeImagesCommand({
          registryId: this.target.registryId,
          repositoryName: this.target.name,
          filter: { tagStatus: 'TAGGED' },
          maxResults: 1000,
          nextToken,
        }),
      );
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw error;
    }
  }
}

export function createEcrClient(settings: { region: string; endpoint?: string }): ECRClient {
  return new ECRClient({
    region: settings.region,
    maxAttempts: 5,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

/**
 * The URI of a repository of the credentials' account in the client's region: how an empty image-repository becomes
 * the stack's ECR repository without anyone copying an account number into a workflow.
 */
export async function resolveEcrRepositoryUri(client: ECRClient, name: string): Promise<string> {
  try {
    const found = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    const uri = found.repositories?.[0]?.repositoryUri;
    if (!uri) throw new Error('DescribeRepositories returned no URI');
    return uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `input 'image-repository' is empty, so the PR images go to the ECR repository ${name} of the stack ` +
        `(aws/showtime-stack.yml), but it could not be found (${reason}); deploy the stack in this account and ` +
        `region, or set 'image-repository' to a repository, e.g. its ImageRepositoryUri output`,
    );
  }
}
