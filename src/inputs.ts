// Every input and output of the actions, named once. action.yml, cleanup/action.yml, the three job actions of the
// split form (plan/, build/, deploy/) and the README tables are generated from this catalogue
// (scripts/action-metadata.ts) and a test keeps them in sync.

/** `main` is the one-job form; `plan`, `build` and `deploy` are the three jobs of the split form. */
export type ActionName = 'main' | 'cleanup' | 'plan' | 'build' | 'deploy';
export const JOB_ACTIONS = ['plan', 'build', 'deploy'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export interface InputSpec {
  name: string;
  description: string;
  /** Literal default, or a GitHub expression such as `${{ github.token }}`. Absent means empty. */
  default?: string;
  /**
   * Which actions take it. An input of `main` reaches the split form's jobs by the rule in `inputsOf` (most go to
   * deploy), so only inputs of the split form alone name a job here.
   */
  actions: readonly ActionName[];
}

const BOTH = ['main', 'cleanup'] as const;
const MAIN = ['main'] as const;
const CLEANUP = ['cleanup'] as const;

export const INPUTS = [
  // GitHub
  {
    name: 'github-token',
    description:
      'Token for the GitHub API: needs issues, pull-requests and deployments write, metadata read. The default token works.',
    default: '${{ github.token }}',
    actions: BOTH,
  },
  // AWS
  { name: 'aws-region', description: 'AWS region of the ECS cluster.', default: 'us-west-2', actions: BOTH },
  {
    name: 'ecs-cluster',
    description: 'ECS cluster the environments run in.',
    default: 'superset-ci',
    actions: BOTH,
  },
  {
    name: 'subnets',
    description: 'Subnet IDs for the tasks, comma or newline separated (required to deploy).',
    actions: MAIN,
  },
  {
    name: 'security-groups',
    description: 'Security group IDs for the tasks, comma or newline separated (required to deploy).',
    actions: MAIN,
  },
  {
    name: 'assign-public-ip',
    description:
      'Give each task a public IP (true/false). Give the cleanup action the same value: it reads the IP of a task Fargate replaced.',
    default: 'true',
    actions: BOTH,
  },
  {
    name: 'task-definition',
    description:
      'Path (in the consuming repository) of a task-definition JSON template; empty uses the built-in Superset template.',
    actions: MAIN,
  },
  {
    name: 'container-name',
    description: 'Name of the Superset container in the template.',
    default: 'superset',
    actions: MAIN,
  },
  {
    name: 'container-port',
    description: 'Port Superset listens on in the container.',
    default: '8080',
    actions: MAIN,
  },
  {
    name: 'execution-role-arn',
    description: 'Task execution role (pulls the image, writes logs); overrides the template.',
    actions: MAIN,
  },
  {
    name: 'task-role-arn',
    description: 'Task role for the Superset container; overrides the template.',
    actions: MAIN,
  },
  {
    name: 'log-group',
    description: 'CloudWatch log group for the containers; overrides the template.',
    actions: MAIN,
  },
  {
    name: 'extra-env',
    description: 'Extra container environment, one KEY=VALUE per line.',
    actions: MAIN,
  },
  {
    name: 'feature-flags',
    description:
      'Feature flags every environment starts with, e.g. "ALERT_REPORTS DASHBOARD_RBAC" (space, comma or newline).',
    actions: MAIN,
  },
  { name: 'size', description: 'Default size: small, medium or large.', default: 'medium', actions: MAIN },
  {
    name: 'health-check-path',
    description: 'HTTP path that answers 200 when Superset is up.',
    default: '/health',
    actions: MAIN,
  },
  {
    name: 'stable-timeout-minutes',
    description: 'How long to wait for the ECS service to become stable.',
    default: '15',
    actions: MAIN,
  },
  {
    name: 'health-timeout-seconds',
    description: 'How long to wait for the health check to pass.',
    default: '600',
    actions: MAIN,
  },
  {
    name: 'poll-interval-seconds',
    description:
      'Longest pause between two polls of ECS: the pauses start at 2 s and grow by half up to this. Health checks run every 2 s, or every this many seconds when it is shorter (decimals allowed).',
    default: '10',
    actions: MAIN,
  },
  {
    name: 'fargate-spot',
    description:
      'Run the environments on Fargate Spot (about 70 % cheaper; AWS may reclaim a task at two minutes notice). The cluster needs the FARGATE_SPOT capacity provider (the stack adds it). Costs shown are then cost-per-hour × 0.3; give it to the cleanup action too, for the dashboard.',
    default: 'false',
    actions: BOTH,
  },
  {
    name: 'load-balancer-listener-arn',
    description:
      'Load-balancer mode: ARN of an existing ALB HTTPS listener whose certificate covers *.<preview-domain>. Each PR then answers at https://pr-<N>.<preview-domain>, and a new commit switches traffic with one listener rule change. Empty: each environment answers at its task IP.',
    actions: BOTH,
  },
  {
    name: 'preview-domain',
    description:
      'Load-balancer mode: the domain whose wildcard DNS record points at the load balancer, e.g. showtime.example.org (at most 26 characters, so that a PR host fits a label).',
    actions: BOTH,
  },
  {
    name: 'load-balancer-vpc-id',
    description:
      "Load-balancer mode: the load balancer's VPC, where each environment's target group is made.",
    actions: MAIN,
  },
  {
    name: 'load-balancer-address',
    description:
      "Load-balancer mode: base URL the action sends its health checks to, with the preview host as the Host header (e.g. an internal listener's http://10.0.0.5). Empty: https://<host> through DNS.",
    actions: MAIN,
  },
  {
    name: 'aws-endpoint',
    description: 'Endpoint override for the AWS APIs (tests, local stacks).',
    actions: BOTH,
  },
  // Docker
  {
    name: 'image-repository',
    description:
      "Image repository the PR images are pushed to and pulled from; empty uses the stack's ECR repository superset-showtime-pr in the credentials' account and aws-region. An ECR repository's tags are deleted at teardown.",
    actions: BOTH,
  },
  {
    name: 'build-context',
    description:
      'Directory of the checkout of the PR SHA (the action checks it out there when it needs a build).',
    default: '.showtime/checkout',
    actions: MAIN,
  },
  {
    name: 'dockerfile',
    description: "Dockerfile path relative to the build context; empty uses the context's Dockerfile.",
    actions: MAIN,
  },
  { name: 'build-target', description: 'Dockerfile target.', default: 'ci', actions: MAIN },
  {
    name: 'build-args',
    description: 'Build arguments, one KEY=VALUE per line.',
    default: 'INCLUDE_CHROMIUM=false\nLOAD_EXAMPLES_DUCKDB=true',
    actions: MAIN,
  },
  { name: 'platform', description: 'Target platform of the image.', default: 'linux/amd64', actions: MAIN },
  {
    name: 'cache-from',
    description:
      'Registry caches the build reads layers from, one per line: an image reference (e.g. ghcr.io/apache/superset-showtime-cache:ci) or type=registry,ref=…. Only a trusted workflow writes them (examples/workflows/showtime-cache.yml); the split form reads them anonymously, so they must be public.',
    actions: MAIN,
  },
  {
    name: 'cache-to',
    description:
      'Refused when set: a PR build never writes a layer cache. Refresh it from a trusted workflow on pushes to the default branch (examples/workflows/showtime-cache.yml).',
    actions: MAIN,
  },
  {
    name: 'force-rebuild',
    description: 'Build even when the image for the SHA already exists (true/false).',
    default: 'false',
    actions: MAIN,
  },
  {
    name: 'allow-unsafe-fork-builds',
    description:
      "Build a fork's approved commit in this one job, which also holds the deploy role and a write token (true/false). Leave it false and use the plan, build and deploy actions for fork PRs: their build job holds nothing worth stealing.",
    default: 'false',
    actions: MAIN,
  },
  {
    name: 'existing-image',
    description: 'Deploy this image instead of building one (skips checkout and docker entirely).',
    actions: MAIN,
  },
  // Policy
  {
    name: 'default-ttl',
    description: 'Lifetime of a new environment: <n>h, <n>d, <n>w, close or manual.',
    default: '48h',
    actions: BOTH,
  },
  {
    name: 'lease-minutes',
    description:
      'How long a run may hold a PR while building or deploying before another run or the sweep takes over.',
    default: '60',
    actions: BOTH,
  },
  {
    name: 'expiry-warning-hours',
    description: 'The sweep warns on the PR this long before an environment expires.',
    default: '6',
    actions: BOTH,
  },
  {
    name: 'max-environments',
    description: 'Most environments running at once in the repository (empty: no limit).',
    actions: MAIN,
  },
  {
    name: 'max-environments-per-requester',
    description: 'Most environments one person may have asked for at once (empty: no limit).',
    actions: MAIN,
  },
  {
    name: 'cost-per-hour',
    description:
      'Estimated on-demand USD per hour for small,medium,large, used in the status comment and the dashboard (× 0.3 with fargate-spot).',
    default: '0.03,0.06,0.12',
    actions: BOTH,
  },
  {
    name: 'slack-webhook-url',
    description: 'Slack incoming webhook for ready/failed/expiring/destroyed notices.',
    actions: BOTH,
  },
  // Cleanup only
  {
    name: 'sleep-schedule',
    description:
      'When the cleanup sweep puts running environments to sleep (scaled to zero, costing nothing; `/showtime wake`, the start label or a push wakes one), e.g. "Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam". Run the sweep at least hourly: it acts within the first hour of each window. Empty: never.',
    actions: CLEANUP,
  },
  {
    name: 'orphan-grace-minutes',
    description: 'A managed ECS service no PR claims is deleted only once it is older than this.',
    default: '30',
    actions: CLEANUP,
  },
  {
    name: 'delete-unused-labels',
    description:
      'Delete repository-level 🎪 label definitions that no PR uses any more (true/false). Done by sweeps that have something due and by runs started by hand (workflow_dispatch); a scheduled sweep with nothing due lists no labels.',
    default: 'true',
    actions: CLEANUP,
  },
  // Dry runs
  {
    name: 'dry-run-github',
    description: 'Write nothing to GitHub; log what would be written (true/false).',
    default: 'false',
    actions: BOTH,
  },
  {
    name: 'dry-run-aws',
    description: 'Create or delete nothing in AWS (true/false).',
    default: 'false',
    actions: BOTH,
  },
  {
    name: 'dry-run-docker',
    description: 'Run no docker command (true/false).',
    default: 'false',
    actions: MAIN,
  },
  // The hand-over between the jobs of the split form
  {
    name: 'plan',
    description:
      "The plan job's `plan` output: the versioned JSON record of its decisions (a job output, which no later job can change).",
    actions: ['build', 'deploy'],
  },
  {
    name: 'archive-digest',
    description:
      "The build job's `archive-digest` output: sha256 of the image archive it uploaded; empty when no build ran.",
    actions: ['deploy'],
  },
  {
    name: 'build-result',
    description: "The build job's result (`needs.build.result`): success, failure, cancelled or skipped.",
    default: 'skipped',
    actions: ['deploy'],
  },
  {
    name: 'artifact-name',
    description:
      'Name of the workflow artifact that carries the image archive from the build job to the deploy job.',
    default: 'showtime-image',
    actions: ['build', 'deploy'],
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

export interface OutputSpec {
  name: string;
  description: string;
  actions: readonly ActionName[];
}

export const OUTPUTS = [
  {
    name: 'action',
    description: 'What the run did: one of the planner actions (create, rolling-update, stop, …).',
    actions: MAIN,
  },
  { name: 'reason', description: 'Machine-readable reason of the decision.', actions: MAIN },
  { name: 'pr-number', description: 'The pull request the run worked on.', actions: MAIN },
  { name: 'target-sha', description: 'The commit SHA the run deployed or acted on.', actions: MAIN },
  { name: 'build-needed', description: 'Whether a docker build was needed (true/false).', actions: MAIN },
  { name: 'environment-url', description: 'URL of the environment, once it is running.', actions: MAIN },
  { name: 'status', description: 'Status of the environment after the run.', actions: MAIN },
  {
    name: 'plan',
    description:
      'The versioned JSON record of the decisions, for the build and deploy jobs of the split form.',
    actions: [],
  },
  {
    name: 'image-tag',
    description: 'The image the build job builds, repository and tag (empty when no build is needed).',
    actions: [],
  },
  { name: 'archive-digest', description: 'sha256 of the image archive the build job uploaded.', actions: [] },
  { name: 'archive-bytes', description: 'Size of the image archive in bytes.', actions: [] },
  {
    name: 'image',
    description: 'The image the deploy job deployed, by digest (repository@sha256:…).',
    actions: [],
  },
  {
    name: 'environments',
    description: 'JSON list of every environment the sweep saw, after it acted.',
    actions: CLEANUP,
  },
  {
    name: 'cleaned',
    description: 'How many environments, services and labels the sweep removed.',
    actions: CLEANUP,
  },
] as const satisfies readonly OutputSpec[];

export type OutputName = (typeof OUTPUTS)[number]['name'];

/**
 * The inputs of the one-job form each job of the split form takes. The plan decides and claims: it needs the
 * policy and the image's name, never AWS. The build job is handed nothing worth stealing: no token (no input has a
 * `${{ github.token }}` default there), no AWS, only what shapes the build. The deploy job takes every other input,
 * so an input added to the one-job form reaches it without a change here.
 */
const PLAN_TAKES: readonly InputName[] = [
  'github-token',
  'image-repository',
  'force-rebuild',
  'existing-image',
  'size',
  'feature-flags',
  'default-ttl',
  'lease-minutes',
  'expiry-warning-hours',
  'max-environments',
  'max-environments-per-requester',
  'dry-run-github',
  'dry-run-docker',
];
const BUILD_TAKES: readonly InputName[] = [
  'build-context',
  'dockerfile',
  'build-target',
  'build-args',
  'platform',
  'cache-from',
  'cache-to',
  'dry-run-docker',
];
const DEPLOY_SKIPS: readonly InputName[] = [
  ...BUILD_TAKES.filter((name) => name !== 'dry-run-docker'),
  'force-rebuild',
  // The split form builds forks in its build job; the switch exists only for the one-job form.
  'allow-unsafe-fork-builds',
];

const SPLIT_OUTPUTS: Record<JobAction, readonly OutputName[]> = {
  plan: ['action', 'reason', 'pr-number', 'target-sha', 'build-needed', 'plan', 'image-tag'],
  build: ['archive-digest', 'archive-bytes'],
  deploy: [
    'action',
    'reason',
    'pr-number',
    'target-sha',
    'build-needed',
    'environment-url',
    'status',
    'image',
  ],
};

function takes(spec: { name: string; actions: readonly ActionName[] }, action: ActionName): boolean {
  if (spec.actions.includes(action)) return true;
  if (!spec.actions.includes('main')) return false;
  const name = spec.name as InputName;
  if (action === 'plan') return PLAN_TAKES.includes(name);
  if (action === 'build') return BUILD_TAKES.includes(name);
  return action === 'deploy' && !DEPLOY_SKIPS.includes(name);
}

export function inputsOf(action: ActionName): readonly InputSpec[] {
  return INPUTS.filter((input) => takes(input, action));
}

export function outputsOf(action: ActionName): readonly OutputSpec[] {
  if (action === 'plan' || action === 'build' || action === 'deploy') {
    const names = SPLIT_OUTPUTS[action];
    return OUTPUTS.filter((output) => names.includes(output.name));
  }
  return OUTPUTS.filter((output) => (output.actions as readonly ActionName[]).includes(action));
}

/** The environment variable the runner (or a composite step) uses to hand an input to a JavaScript program. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
