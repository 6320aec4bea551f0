import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_FILES, renderAction, renderReadme } from '../scripts/action-metadata.js';
import type { ActionName } from '../src/inputs.js';
import { INPUTS, inputEnvName, inputsOf, JOB_ACTIONS } from '../src/inputs.js';

const regenerate = 'run `npx tsx scripts/action-metadata.ts` and commit the result';
const ALL = Object.keys(ACTION_FILES) as ActionName[];

test.each(ALL.map((action) => [ACTION_FILES[action], action]))(
  '%s is generated from src/inputs.ts',
  (path, action) => {
    expect({ path, text: readFileSync(path, 'utf8') }).toEqual({ path, text: renderAction(action) });
  },
);

test('README inputs and outputs tables are generated from src/inputs.ts', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(renderReadme(readme) === readme ? 'in sync' : regenerate).toBe('in sync');
});

test.each(ALL.map((action) => [action]))('every %s step is handed every input of its action', (action) => {
  const text = renderAction(action);
  const nodeSteps = text.split('    - name: ').filter((step) => step.includes('node "$GITHUB_ACTION_PATH'));
  expect(nodeSteps.length).toBeGreaterThan(0);
  for (const step of nodeSteps) {
    for (const input of inputsOf(action)) {
      expect(step).toContain(`${inputEnvName(input.name)}: \${{ inputs.${input.name} }}`);
    }
  }
});

test('input names are unique and in the form the runner expects', () => {
  const names = INPUTS.map((input) => input.name);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
});

describe('the split form', () => {
  const main = inputsOf('main').map((input) => input.name);
  const names = (action: ActionName) => inputsOf(action).map((input) => input.name);

  test('together, the three jobs take every input of the one-job form but its fork-build switch', () => {
    const split = new Set(JOB_ACTIONS.flatMap(names));
    // The split form builds forks in its build job, which holds nothing: the one-job form's opt-in has no place there.
    expect(main.filter((name) => !split.has(name))).toEqual(['allow-unsafe-fork-builds']);
  });

  // The build job runs the PR's code: nothing it declares may bring a token or a cloud setting into it.
  test('the build action declares no token, no AWS input and no expression default', () => {
    const build = inputsOf('build');
    expect(
      build.map((input) => input.name).filter((name) => /token|aws|secret|role|slack/.test(name)),
    ).toEqual([]);
    expect(build.filter((input) => input.default?.includes('${{'))).toEqual([]);
    const code = readFileSync(ACTION_FILES.build, 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'));
    expect(code.filter((line) => /github\.token|secrets\.|id-token/.test(line))).toEqual([]);
  });

  test('the plan action takes no AWS input and the deploy action no build input', () => {
    expect(names('plan').filter((name) => name.startsWith('aws-') || name.startsWith('ecs-'))).toEqual([]);
    expect(
      names('deploy').filter((name) => names('build').includes(name) && name !== 'dry-run-docker'),
    ).toEqual(['plan', 'artifact-name']);
  });

  test('only the build action checks out, and it pins checkout to v7 with allow-unsafe-pr-checkout', () => {
    const steps = (action: ActionName) =>
      (
        parse(readFileSync(ACTION_FILES[action], 'utf8')) as {
          runs: { steps: { uses?: string; with?: Record<string, unknown> }[] };
        }
      ).runs.steps;
    const checkouts = (action: ActionName) =>
      steps(action).filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts('plan')).toEqual([]);
    expect(checkouts('deploy')).toEqual([]);
    expect(checkouts('build')).toHaveLength(1);
    expect(checkouts('build')[0]?.with).toMatchObject({
      'persist-credentials': false,
      'allow-unsafe-pr-checkout': true,
    });
  });
});
