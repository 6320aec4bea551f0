// The seed: the state an emulator starts with, as tests and the CLI's --seed file describe it. parseSeed checks a value
// read from JSON and names the offending field and the accepted form, so a typo in a seed file is a clear error.

/** Repository roles, finest first as GitHub ranks them. `permission` in the API is the legacy base role. */
export const ROLES = ['admin', 'maintain', 'write', 'triage', 'read'] as const;
export type Role = (typeof ROLES)[number];

export interface SeedLabel {
  name: string;
  /** Six hex digits without `#`; default `ededed` (GitHub's colour for labels created on the fly). */
  color?: string;
  description?: string | null;
  /** GitHub's flag for the labels every new repository gets. */
  default?: boolean;
}

export interface SeedIssue {
  number: number;
  title?: string;
  body?: string | null;
  /** Login of the author; default `octocat`. */
  author?: string;
  state?: 'open' | 'closed';
  /** Label names; labels missing from the repository are created with the default colour. */
  labels?: string[];
  /** ISO 8601 timestamps; default: the emulator's clock at seeding. */
  createdAt?: string;
  updatedAt?: string;
}

export interface SeedPull extends SeedIssue {
  /** 40 hex digits; default derived from the PR number. Recorded as a commit of the repository. */
  headSha?: string;
  /** Branch name in the head repository; default `pr-<number>`. */
  headRef?: string;
  /** True when the head branch lives in the author's fork. */
  fork?: boolean;
  draft?: boolean;
}

export interface SeedRepository {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  labels?: SeedLabel[];
  pulls?: SeedPull[];
  issues?: SeedIssue[];
  /** login → role. The owner is an admin unless listed otherwise. */
  collaborators?: Record<string, Role>;
}

export interface Seed {
  /** The token the emulator accepts; default a random `ghs_…` string. */
  token?: string;
  /** Login the token acts as (creator of comments, deployments, reactions); default `github-actions[bot]`. */
  actor?: string;
  repositories?: SeedRepository[];
  /** Requests per window before the primary rate limit answers 403: core per hour, search per minute. */
  rateLimits?: { core?: number; search?: number };
}

export class SeedError extends Error {
  override name = 'SeedError';
}

type Path = string;

function fail(path: Path, expected: string, got: unknown): never {
  throw new SeedError(`${path}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKeys(path: Path, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, `one of the fields ${allowed.join(', ')}`, key);
  }
}

function optString(path: Path, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

function optBool(path: Path, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function optTimestamp(path: Path, value: unknown): string | undefined {
  const text = optString(path, value);
  if (text !== undefined && Number.isNaN(Date.parse(text))) fail(path, 'an ISO 8601 timestamp', value);
  return text;
}

function positiveInt(path: Path, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(path, 'a positive integer', value);
  return value;
}

function optArray(path: Path, value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'an array', value);
  return value;
}

function login(path: Path, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/.test(value)) {
    fail(path, 'a GitHub login (letters, digits, hyphens; optional [bot] suffix)', value);
  }
  return value;
}

const HEX_COLOR = /^[0-9a-fA-F]{6}$/;
const SHA = /^[0-9a-f]{40}$/;

function parseLabel(path: Path, value: unknown): SeedLabel {
  if (!isRecord(value)) fail(path, 'an object {name, color?, description?, default?}', value);
  checkKeys(path, value, ['name', 'color', 'description', 'default']);
  const name = optString(`${path}.name`, value['name']);
  if (name === undefined || name.trim() === '') fail(`${path}.name`, 'a non-empty string', value['name']);
  const color = optString(`${path}.color`, value['color']);
  if (color !== undefined && !HEX_COLOR.test(color)) fail(`${path}.color`, 'six hex digits without #', color);
  const description =
    value['description'] === null ? null : optString(`${path}.description`, value['description']);
  const label: SeedLabel = { name };
  if (color !== undefined) label.color = color;
  if (description !== undefined) label.description = description;
  const isDefault = optBool(`${path}.default`, value['default']);
  if (isDefault !== undefined) label.default = isDefault;
  return label;
}

const ISSUE_KEYS = [
  'number',
  'title',
  'body',
  'author',
  'state',
  'labels',
  'createdAt',
  'updatedAt',
] as const;
const PULL_KEYS = [...ISSUE_KEYS, 'headSha', 'headRef', 'fork', 'draft'] as const;

function parseIssueFields(path: Path, value: Record<string, unknown>): SeedIssue {
  const issue: SeedIssue = { number: positiveInt(`${path}.number`, value['number']) };
  const title = optString(`${path}.title`, value['title']);
  if (title !== undefined) issue.title = title;
  if (value['body'] === null) issue.body = null;
  else {
    const body = optString(`${path}.body`, value['body']);
    if (body !== undefined) issue.body = body;
  }
  if (value['author'] !== undefined) issue.author = login(`${path}.author`, value['author']);
  const state = value['state'];
  if (state !== undefined) {
    if (state !== 'open' && state !== 'closed') fail(`${path}.state`, '"open" or "closed"', state);
    issue.state = state;
  }
  if (value['labels'] !== undefined) {
    issue.labels = optArray(`${path}.labels`, value['labels']).map((l, i) => {
      const name = optString(`${path}.labels[${i}]`, l);
      if (name === undefined || name === '') fail(`${path}.labels[${i}]`, 'a label name', l);
      return name;
    });
  }
  const createdAt = optTimestamp(`${path}.createdAt`, value['createdAt']);
  if (createdAt !== undefined) issue.createdAt = createdAt;
  const updatedAt = optTimestamp(`${path}.updatedAt`, value['updatedAt']);
  if (updatedAt !== undefined) issue.updatedAt = updatedAt;
  return issue;
}

function parsePull(path: Path, value: unknown): SeedPull {
  if (!isRecord(value))
    fail(path, 'an object {number, title?, author?, headSha?, fork?, state?, labels?}', value);
  checkKeys(path, value, PULL_KEYS);
  const pull: SeedPull = parseIssueFields(path, value);
  const headSha = optString(`${path}.headSha`, value['headSha']);
  if (headSha !== undefined && !SHA.test(headSha))
    fail(`${path}.headSha`, '40 lowercase hex digits', headSha);
  if (headSha !== undefined) pull.headSha = headSha;
  const headRef = optString(`${path}.headRef`, value['headRef']);
  if (headRef !== undefined) pull.headRef = headRef;
  const fork = optBool(`${path}.fork`, value['fork']);
  if (fork !== undefined) pull.fork = fork;
  const draft = optBool(`${path}.draft`, value['draft']);
  if (draft !== undefined) pull.draft = draft;
  return pull;
}

function parseIssue(path: Path, value: unknown): SeedIssue {
  if (!isRecord(value)) fail(path, 'an object {number, title?, author?, state?, labels?}', value);
  checkKeys(path, value, ISSUE_KEYS);
  return parseIssueFields(path, value);
}

function parseRepository(path: Path, value: unknown): SeedRepository {
  if (!isRecord(value))
    fail(path, 'an object {owner, name, labels?, pulls?, issues?, collaborators?}', value);
  checkKeys(path, value, [
    'owner',
    'name',
    'defaultBranch',
    'private',
    'labels',
    'pulls',
    'issues',
    'collaborators',
  ]);
  const repo: SeedRepository = {
    owner: login(`${path}.owner`, value['owner']),
    name: optString(`${path}.name`, value['name']) ?? fail(`${path}.name`, 'a repository name', undefined),
  };
  if (!/^[A-Za-z0-9._-]+$/.test(repo.name))
    fail(`${path}.name`, 'a repository name of letters, digits, . _ -', repo.name);
  const defaultBranch = optString(`${path}.defaultBranch`, value['defaultBranch']);
  if (defaultBranch !== undefined) repo.defaultBranch = defaultBranch;
  const priv = optBool(`${path}.private`, value['private']);
  if (priv !== undefined) repo.private = priv;
  repo.labels = optArray(`${path}.labels`, value['labels']).map((l, i) =>
    parseLabel(`${path}.labels[${i}]`, l),
  );
  repo.pulls = optArray(`${path}.pulls`, value['pulls']).map((p, i) => parsePull(`${path}.pulls[${i}]`, p));
  repo.issues = optArray(`${path}.issues`, value['issues']).map((p, i) =>
    parseIssue(`${path}.issues[${i}]`, p),
  );
  const numbers = new Set<number>();
  for (const item of [...repo.pulls, ...repo.issues]) {
    if (numbers.has(item.number))
      fail(`${path}`, 'issue and pull numbers unique within the repository', item.number);
    numbers.add(item.number);
  }
  const collaborators = value['collaborators'];
  if (collaborators !== undefined) {
    if (!isRecord(collaborators)) fail(`${path}.collaborators`, 'an object {login: role}', collaborators);
    repo.collaborators = {};
    for (const [user, role] of Object.entries(collaborators)) {
      login(`${path}.collaborators key`, user);
      if (!(ROLES as readonly unknown[]).includes(role))
        fail(`${path}.collaborators.${user}`, ROLES.join('|'), role);
      repo.collaborators[user] = role as Role;
    }
  }
  return repo;
}

/** Checks a seed read from JSON. Throws SeedError naming the field, the accepted form and what it got. */
export function parseSeed(value: unknown): Seed {
  if (!isRecord(value)) fail('seed', 'an object {token?, actor?, repositories?, rateLimits?}', value);
  checkKeys('seed', value, ['token', 'actor', 'repositories', 'rateLimits']);
  const seed: Seed = {};
  const token = optString('seed.token', value['token']);
  if (token !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(token)) fail('seed.token', 'printable ASCII without spaces', token);
    seed.token = token;
  }
  if (value['actor'] !== undefined) seed.actor = login('seed.actor', value['actor']);
  seed.repositories = optArray('seed.repositories', value['repositories']).map((r, i) =>
    parseRepository(`seed.repositories[${i}]`, r),
  );
  const limits = value['rateLimits'];
  if (limits !== undefined) {
    if (!isRecord(limits)) fail('seed.rateLimits', 'an object {core?, search?}', limits);
    checkKeys('seed.rateLimits', limits, ['core', 'search']);
    seed.rateLimits = {};
    if (limits['core'] !== undefined)
      seed.rateLimits.core = positiveInt('seed.rateLimits.core', limits['core']);
    if (limits['search'] !== undefined)
      seed.rateLimits.search = positiveInt('seed.rateLimits.search', limits['search']);
  }
  return seed;
}
