// Admin passwords of the environments, as SSM SecureString parameters. ECS hands the value to the container through
// the task definition's `secrets` (the execution role reads it), so it is never in a label, a comment, a log line,
// the task definition or the job summary; maintainers read it with their own AWS access.
import { randomBytes } from 'node:crypto';
import {
  DeleteParameterCommand,
  DescribeParametersCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';

export { ADMIN_PASSWORD_VARIABLE, passwordName, passwordPrefix } from './store-names.js';
import { passwordName, passwordPrefix } from './store-names.js';

export interface StoredPassword {
  name: string;
  pr: number;
  sha7: string;
  modifiedAt?: Date;
}

export type PasswordDeletion = 'deleted' | 'already-gone';

export interface PasswordStore {
  /** The SDK client, when there is one, so that the ECS adapter counts these calls with its own. */
  readonly client?: SSMClient;
  /** The parameter of the environment's password (what the task definition's `valueFrom` names). */
  name(pr: number, sha7: string): string;
  /** Writes a fresh random password for the environment; returns the parameter name for `valueFrom`. */
  create(pr: number, sha7: string): Promise<string>;
  delete(pr: number, sha7: string): Promise<PasswordDeletion>;
  /** Every parameter under the repository's prefix whose name says which environment it belongs to. */
  list(): Promise<StoredPassword[]>;
}

const NAME_TAIL = /^pr-(\d+)\/([0-9a-f]{7})$/;

/** 24 random bytes: 32 URL-safe characters, nothing a shell or a form field would trip over. */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export class SsmPasswordStore implements PasswordStore {
  constructor(
    readonly client: SSMClient,
    private readonly repo: { owner: string; repo: string },
    private readonly generate: () => string = newPassword,
  ) {}

  name(pr: number, sha7: string): string {
    return passwordName(this.repo, pr, sha7);
  }

  async create(pr: number, sha7: string): Promise<string> {
    const name = passwordName(this.repo, pr, sha7);
    // Overwrite: a redeploy of the same SHA gets a fresh password; the old task stops with the old service.
    await this.client.send(
      new PutParameterCommand({
        Name: name,
        Value: this.generate(),
        Type: 'SecureString',
        Overwrite: true,
        Description: `superset-showtime admin password of PR #${pr} at ${sha7}`,
      }),
    );
    return name;
  }

  async delete(pr: number, sha7: string): Promise<PasswordDeletion> {
    try {
      await this.client.send(new DeleteParameterCommand({ Name: passwordName(this.repo, pr, sha7) }));
      return 'deleted';
    } catch (error) {
      const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
      if (name === 'ParameterNotFound') return 'already-gone';
      throw error;
    }
  }

  async list(): Promise<StoredPassword[]> {
    const prefix = passwordPrefix(this.repo);
    const found: StoredPassword[] = [];
    let nextToken: string | undefined;
    do {
      // Metadata only. GetParametersByPath would do, but with it any role could decrypt: the aws/ssm key lets every
      // principal of the account that may call SSM decrypt through SSM. The cleanup role must read no password.
      const page = await this.client.send(
        new DescribeParametersCommand({
          ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: [prefix.slice(0, -1)] }],
          MaxResults: 50,
          NextToken: nextToken,
        }),
      );
      for (const parameter of page.Parameters ?? []) {
        const match = NAME_TAIL.exec((parameter.Name ?? '').slice(prefix.length));
        if (!parameter.Name?.startsWith(prefix) || !match?.[1] || !match[2]) continue;
        found.push({
          name: parameter.Name,
          pr: Number(match[1]),
          sha7: match[2],
          modifiedAt: parameter.LastModifiedDate,
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return found;
  }
}

export function createSsmClient(settings: { region: string; endpoint?: string }): SSMClient {
  return new SSMClient({
    region: settings.region,
    maxAttempts: 5,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}
