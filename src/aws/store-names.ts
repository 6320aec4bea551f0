// The names of the image repository and the admin passwords, without the SDK: the wiring and the dry runs need
// them in every step, the ECR and SSM clients only a step that talks to AWS (see lazy.ts).

/** The repository the stack creates when its ImageRepositoryName parameter is left alone. */
export const DEFAULT_ECR_REPOSITORY = 'superset-showtime-pr';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<name>`: what ECR calls a repository URI. */
const ECR_URI =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9]+(?:[._/-][a-z0-9]+)*)$/;

export interface EcrRepository {
  /** The account; absent means the account of the credentials (ECR's own default). */
  registryId?: string;
  region: string;
  name: string;
}

/** The ECR repository an image-repository value names, or undefined for any other registry. */
export function parseEcrRepository(uri: string): EcrRepository | undefined {
  const match = ECR_URI.exec(uri);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { registryId: match[1], region: match[2], name: match[3] };
}

/** The variable Superset's docker-init.sh gives to `superset fab create-admin` (it falls back to `admin`). */
export const ADMIN_PASSWORD_VARIABLE = 'ADMIN_PASSWORD';

/** `/showtime/<owner>/<name>/`: the prefix the stack lets the execution role read and the roles delete under. */
export function passwordPrefix(repo: { owner: string; repo: string }): string {
  return `/showtime/${repo.owner}/${repo.repo}/`;
}

export function passwordName(repo: { owner: string; repo: string }, pr: number, sha7: string): string {
  return `${passwordPrefix(repo)}pr-${pr}/${sha7}`;
}

/** How messages name an ECR repository: its URI, or its name and region when the account is the credentials'. */
export function ecrRepositoryLabel(target: EcrRepository): string {
  return target.registryId === undefined
    ? `ECR repository ${target.name} (${target.region})`
    : `${target.registryId}.dkr.ecr.${target.region}.amazonaws.com/${target.name}`;
}
