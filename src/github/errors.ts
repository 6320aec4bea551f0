// One error class for every GitHub failure, with a message a maintainer can act on: which operation, what GitHub
// said, and (for 401/403) which token permission the workflow must grant.

/** The token permission each operation needs, in the words of a workflow's `permissions:` block. */
export const PERMISSION_NEEDED = {
  getPullRequest: 'pull-requests: read',
  listPullRequestCommits: 'pull-requests: read',
  addLabels: 'issues: write (or pull-requests: write)',
  removeLabel: 'issues: write (or pull-requests: write)',
  ensureLabelDefinitions: 'issues: write (or pull-requests: write)',
  listRepoLabels: 'issues: read (or pull-requests: read)',
  getLabelDefinition: 'issues: read (or pull-requests: read)',
  deleteRepoLabel: 'issues: write (or pull-requests: write)',
  searchPullRequests: 'pull-requests: read',
  listLabelCarriers: 'issues: read (or pull-requests: read)',
  getPermission: 'metadata: read',
  findComment: 'issues: read (or pull-requests: read)',
  upsertComment: 'issues: write (or pull-requests: write)',
  createComment: 'issues: write (or pull-requests: write)',
  reactToComment: 'issues: write (or pull-requests: write)',
  createDeployment: 'deployments: write',
  createDeploymentStatus: 'deployments: write',
  listDeployments: 'deployments: read',
  acquireLock: 'issues: write (or pull-requests: write)',
  renewLock: 'issues: write (or pull-requests: write)',
  releaseLock: 'issues: write (or pull-requests: write)',
} as const;

export type Operation = keyof typeof PERMISSION_NEEDED;

export class GitHubError extends Error {
  override readonly name = 'GitHubError';

  constructor(
    readonly operation: Operation,
    /** HTTP status GitHub answered, or undefined when the request never got an answer or was refused before sending. */
    readonly status: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What a failed request looked like, reduced to the parts that decide the message. */
export interface Failure {
  status: number | undefined;
  /** GitHub's own `message`, or the transport error's. */
  detail: string;
  headers: Record<string, string | undefined>;
}

/**
 * A 403/429 is a rate limit (not a missing permission) when GitHub says so: a `retry-after` header (secondary limit),
 * an exhausted primary quota, or the words "rate limit" in its message.
 */
export function isRateLimit(failure: Failure): boolean {
  if (failure.status !== 403 && failure.status !== 429) return false;
  return (
    failure.headers['retry-after'] !== undefined ||
    failure.headers['x-ratelimit-remaining'] === '0' ||
    /rate limit/i.test(failure.detail)
  );
}

/**
 * The message for people. `what` names the operation's subject ("adding labels to pull request #12 in o/r");
 * `notFound`, when given, replaces the whole message on a 404 (the caller knows which object was missing).
 */
export function explainFailure(
  operation: Operation,
  what: string,
  failure: Failure,
  notFound?: string,
): string {
  const { status, detail } = failure;
  const said = status === undefined ? detail : `${status} ${detail}`;
  const lead = `GitHub ${operation} (${what}) failed`;
  if (status === 404 && notFound !== undefined) return notFound;
  if (status === undefined) return `${lead}: ${detail}`;
  if (status === 401) return `${lead}: GitHub rejected the token (${said}); check the github-token input.`;
  if (isRateLimit(failure)) {
    return `${lead}: GitHub's rate limit was still exceeded after the allowed retries (${said}); try again later.`;
  }
  if (status === 403) {
    return (
      `${lead}: the token lacks permission (${said}); grant the workflow ` +
      `\`permissions: ${PERMISSION_NEEDED[operation]}\`.`
    );
  }
  if (status === 404) return `${lead}: not found (${said}).`;
  if (status >= 500) return `${lead}: GitHub answered ${said} and kept failing after the allowed retries.`;
  return `${lead}: GitHub refused the request (${said}).`;
}

/** The HTTP status of an Octokit request error, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status } = error as { status: unknown };
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's validation error codes (`already_exists`, `custom`, …) carried by a 422. */
export function validationCodes(error: unknown): string[] {
  const data = responseOf(error)?.data;
  if (typeof data !== 'object' || data === null || !('errors' in data) || !Array.isArray(data.errors))
    return [];
  return data.errors.flatMap((e: unknown) =>
    typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? [e.code] : [],
  );
}

/** GitHub's `message` in an error response (e.g. "Label does not exist"), or ''. */
export function githubMessage(error: unknown): string {
  const data = responseOf(error)?.data;
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
    return data.message;
  }
  return '';
}

function responseOf(error: unknown): { data?: unknown; headers?: Record<string, unknown> } | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error as { response: unknown };
  return typeof response === 'object' && response !== null ? response : undefined;
}

export function failureOf(error: unknown): Failure {
  const response = responseOf(error);
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(response?.headers ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') headers[key.toLowerCase()] = String(value);
  }
  const detail = githubMessage(error) || (error instanceof Error ? error.message : String(error));
  return { status: statusOf(error), detail, headers };
}

export function toGitHubError(
  error: unknown,
  operation: Operation,
  what: string,
  notFound?: string,
): GitHubError {
  if (error instanceof GitHubError) return error;
  const failure = failureOf(error);
  return new GitHubError(operation, failure.status, explainFailure(operation, what, failure, notFound), {
    cause: error,
  });
}
