// Renders action.yml, cleanup/action.yml and the README's inputs/outputs tables from src/inputs.ts, so an input is
// named in one place. `npx tsx scripts/action-metadata.ts` writes them; __tests__/action-metadata.test.ts fails when
// a committed file differs from what this renders.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ActionName, InputSpec, OutputSpec } from '../src/inputs.js';
import { inputEnvName, inputsOf, outputsOf } from '../src/inputs.js';

/** Third-party actions, pinned by commit (a tag can be moved; a commit cannot). */
export const PINNED = {
  checkout: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
  setupBuildx: 'docker/setup-buildx-action@e468171a9de216ec08956ac3ada2f0791b6bd435 # v3.11.1',
};

const quote = (text: string): string => JSON.stringify(text);

function inputsYaml(inputs: readonly InputSpec[]): string[] {
  const lines = ['inputs:'];
  for (const input of inputs) {
    lines.push(`  ${input.name}:`, `    description: ${quote(input.description)}`, '    required: false');
    if (input.default !== undefined) lines.push(`    default: ${quote(input.default)}`);
  }
  return lines;
}

function outputsYaml(outputs: readonly OutputSpec[], step: string): string[] {
  const lines = ['outputs:'];
  for (const output of outputs) {
    lines.push(
      `  ${output.name}:`,
      `    description: ${quote(output.description)}`,
      `    value: \${{ steps.${step}.outputs.${output.name} }}`,
    );
  }
  return lines;
}

/** Composite steps get no INPUT_* of their own: each step is handed every input explicitly. */
function inputEnv(inputs: readonly InputSpec[], indent: string): string[] {
  return inputs.map((input) => `${indent}${inputEnvName(input.name)}: \${{ inputs.${input.name} }}`);
}

export function renderMainAction(): string {
  const inputs = inputsOf('main');
  return [
    '# Generated from src/inputs.ts by scripts/action-metadata.ts: edit those, then run `npx tsx scripts/action-metadata.ts`.',
    'name: superset-showtime',
    'description: Ephemeral Apache Superset environments per pull request on AWS ECS Fargate, driven by 🎪 labels.',
    'author: Apache Superset',
    'branding:',
    '  icon: box',
    '  color: purple',
    ...inputsYaml(inputs),
    ...outputsYaml(outputsOf('main'), 'run'),
    'runs:',
    '  using: composite',
    '  steps:',
    '    - name: Plan',
    '      id: plan',
    '      shell: bash',
    '      run: node "$GITHUB_ACTION_PATH/dist/plan/index.js"',
    '      env:',
    ...inputEnv(inputs, '        '),
    '    # Only when the plan needs an image: the PR code is checked out at the pinned SHA, without credentials, and',
    '    # is only ever handed to BuildKit.',
    '    - name: Check out the pinned commit',
    "      if: steps.plan.outputs.build-needed == 'true'",
    `      uses: ${PINNED.checkout}`,
    '      with:',
    '        ref: ${{ steps.plan.outputs.target-sha }}',
    '        path: ${{ inputs.build-context }}',
    '        persist-credentials: false',
    '    - name: Set up docker buildx',
    "      if: steps.plan.outputs.build-needed == 'true'",
    `      uses: ${PINNED.setupBuildx}`,
    '    - name: Run',
    '      id: run',
    '      shell: bash',
    '      run: node "$GITHUB_ACTION_PATH/dist/run/index.js"',
    '      env:',
    '        SHOWTIME_PLAN_FILE: ${{ steps.plan.outputs.plan-file }}',
    ...inputEnv(inputs, '        '),
    '',
  ].join('\n');
}

export function renderCleanupAction(): string {
  const inputs = inputsOf('cleanup');
  return [
    '# Generated from src/inputs.ts by scripts/action-metadata.ts: edit those, then run `npx tsx scripts/action-metadata.ts`.',
    'name: superset-showtime cleanup',
    'description: Scheduled sweep for superset-showtime environments (TTL, leftovers, reconciliation, dashboard).',
    'author: Apache Superset',
    'branding:',
    '  icon: trash-2',
    '  color: purple',
    ...inputsYaml(inputs),
    ...outputsYaml(outputsOf('cleanup'), 'sweep'),
    'runs:',
    '  using: composite',
    '  steps:',
    '    - name: Sweep',
    '      id: sweep',
    '      shell: bash',
    '      run: node "$GITHUB_ACTION_PATH/../dist/cleanup/index.js"',
    '      env:',
    ...inputEnv(inputs, '        '),
    '',
  ].join('\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function renderTables(action: ActionName): string {
  const rows = inputsOf(action).map(
    (input) =>
      `| \`${input.name}\` | ${cell(input.description)} | ${input.default ? `\`${cell(input.default)}\`` : ''} |`,
  );
  const outputs = outputsOf(action).map((output) => `| \`${output.name}\` | ${cell(output.description)} |`);
  return [
    '| input | description | default |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
  ].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetween(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}

export function renderReadme(readme: string): string {
  return replaceBetween(
    replaceBetween(readme, 'inputs:main', renderTables('main')),
    'inputs:cleanup',
    renderTables('cleanup'),
  );
}

if (process.argv[1]?.endsWith('action-metadata.ts')) {
  writeFileSync('action.yml', renderMainAction());
  writeFileSync('cleanup/action.yml', renderCleanupAction());
  writeFileSync('README.md', renderReadme(readFileSync('README.md', 'utf8')));
}
