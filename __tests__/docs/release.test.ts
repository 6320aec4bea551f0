// The release is what `@v1` users get: the changelog names the package version, the release workflow checks dist/
// and moves the major tag, Dependabot watches every place that pins an action, and every pin is a node24 release.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { changelogSection } from '../../scripts/changelog-section.mjs';

type Yaml = Record<string, unknown>;
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Yaml;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  engines: { node: string };
};

/** Every action.yml of this repository (the root one and each action folder) and every workflow file. */
function pinningFiles(): string[] {
  const actions = [
    'action.yml',
    ...readdirSync('.')
      .filter((dir) => existsSync(path.join(dir, 'action.yml')))
      .map((dir) => path.join(dir, 'action.yml')),
  ];
  const workflows = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name)),
  );
  return [...new Set([...actions, ...workflows])];
}

describe('CHANGELOG.md', () => {
  test('has a section for the package version, which is the release notes', () => {
    const section = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), pkg.version);
    expect(section).toEqual(expect.stringContaining('apache/superset-showtime@v1'));
  });

  test.each([
    ['## 1.0.0 - 2026-12-02\nnotes\n## 0.9.0\nold', '1.0.0', 'notes'],
    ['## [1.0.0] - 2026-12-02\nnotes', '1.0.0', 'notes'],
    ['## 1.0.10\nten\n## 1.0.1\none', '1.0.1', 'one'],
    ['## 1.0.0\nnotes', '1.0.1', undefined],
    ['## 1x0x0\nnotes', '1.0.0', undefined],
  ])('the section reader: %j, %s → %j', (text, version, expected) => {
    expect(changelogSection(text, version)).toBe(expected);
  });
});

describe('the release workflow', () => {
  const doc = load('.github/workflows/release.yml');
  const steps = ((doc.jobs as Record<string, { steps: { run?: string }[] }>).release?.steps ?? []).map(
    (s) => s.run ?? '',
  );

  test('runs on vX.Y.Z tags only', () => {
    expect(doc.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
  });

  test('refuses a tag whose dist/ is not the build of its source, or whose version has no changelog section', () => {
    const checkDist = steps.findIndex(
      (run) => run.includes('npm run build') && run.includes('git status --porcelain -- dist'),
    );
    const notes = steps.findIndex((run) => run.includes('scripts/changelog-section.mjs'));
    const release = steps.findIndex((run) => run.includes('gh release create'));
    const major = steps.findIndex((run) => run.includes('refs/tags/$major'));
    expect(checkDist).toBeGreaterThanOrEqual(0);
    expect([checkDist < release, notes < release, release < major]).toEqual([true, true, true]);
  });
});

describe('Dependabot', () => {
  const doc = load('.github/dependabot.yml') as {
    updates: { 'package-ecosystem': string; directories: string[] }[];
  };
  const of = (ecosystem: string) =>
    doc.updates.find((u) => u['package-ecosystem'] === ecosystem)?.directories ?? [];

  test('watches every action folder and the example workflows for github-actions', () => {
    const folders = pinningFiles()
      .filter((file) => file.endsWith('action.yml'))
      .map((file) => `/${path.dirname(file)}`.replace(/\/\.$/, '/'));
    expect(of('github-actions').sort()).toEqual(expect.arrayContaining([...folders, '/examples/workflows']));
  });

  test('watches both npm manifests', () => {
    expect(of('npm').sort()).toEqual(['/', '/.ci/node24']);
  });
});

// The first major release of each action that runs on node24 (read from the actions' tags, 2026-12-02). An older pin
// makes every user's run print a deprecation warning they cannot fix.
const NODE24_SINCE: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 5,
  'actions/download-artifact': 5,
  'docker/setup-buildx-action': 4,
  'docker/login-action': 4,
  'aws-actions/configure-aws-credentials': 5,
  'aws-actions/amazon-ecr-login': 2,
};

describe('every pinned third-party action is a node24 release', () => {
  const pins = pinningFiles().flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const match = /uses:\s*([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@[0-9a-f]{40}\s*#\s*v(\d+)/.exec(line);
        return match ? [{ file, action: match[1] ?? '', major: Number(match[2]) }] : [];
      }),
  );

  test('the files pin something', () => {
    expect(pins.length).toBeGreaterThan(3);
  });

  test.each(pinningFiles())('%s', (file) => {
    for (const pin of pins.filter((p) => p.file === file)) {
      const since = NODE24_SINCE[pin.action];
      expect({ ...pin, known: since !== undefined }).toEqual({ ...pin, known: true });
      expect({ ...pin, node24: pin.major >= (since ?? Infinity) }).toEqual({ ...pin, node24: true });
    }
  });

  test('package.json says the runtime is Node 24', () => {
    expect(pkg.engines.node).toBe('>=24');
  });
});
