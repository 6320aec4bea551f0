// Renders action.yml, cleanup/action.yml and the README's inputs/outputs tables from src/inputs.ts, so an input is
// named in one place. `npx tsx scripts/action-metadata.ts` writes them; __tests__/action-metadata.test.ts fails when
// a committed file differs from what this renders.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionName, InputSpec, JobAction, OutputSpec } from '../src/inputs.js';
import { inputEnvName, inputsOf, JOB_ACTIONS, outputsOf } from '../src/inputs.js';

/** Third-party actions, pinned by commit (a tag can be moved; a commit cannot) at their current node24 releases. */
export const PINNED = {
  checkout: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
  setupBuildx: 'docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e # v4.3.0',
  setupNode: 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0',
  uploadArtifact: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
  downloadArtifact: 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1',
};

/**
 * The bundles run on Node 24 whatever the runner's PATH holds. A runner whose node is older gets Node 24 from
 * setup-node, which on GitHub's Ubuntu images comes from the runner's tool cache (no download); the steps after it,
 * the job's own included, then see Node 24 on PATH. A runner that has Node 24 already skips it.
 */
export function nodeRuntimeSteps(): string[] {
  return [
    '    - name: Which node',
    '      id: node',
    '      shell: bash',
    `      run: echo "major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" >> "$GITHUB_OUTPUT"`,
    '    - name: Node 24 for the bundles',
    '      if: steps.node.outputs.major < 24',
    `      uses: ${PINNED.setupNode}`,
    '      with:',
    '        node-version: 24',
  ];
}

/** The files the generator writes, by action. */
export const ACTION_FILES: Record<ActionName, string> = {
  main: 'action.yml',
  cleanup: 'cleanup/action.yml',
  plan: 'plan/action.yml',
  build: 'build/action.yml',
  deploy: 'deploy/action.yml',
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
    ...nodeRuntimeSteps(),
    '    - name: Plan',
    '      id: plan',
    '      shell: bash',
    '      run: node "$GITHUB_ACTION_PATH/dist/plan/index.js"',
    '      env:',
    ...inputEnv(inputs, '        '),
    '    # Only when the plan needs an image: the PR code is checked out at the pinned SHA, without credentials, and',
    '    # is only ever handed to BuildKit. A fork’s code only with allow-unsafe-fork-builds (the plan refuses it',
    '    # otherwise): this job holds the deploy role and a write token; the split form builds forks without them.',
    '    - name: Check out the pinned commit',
    "      if: steps.plan.outputs.build-needed == 'true'",
    `      uses: ${PINNED.checkout}`,
    '      with:',
    '        ref: ${{ steps.plan.outputs.target-sha }}',
    '        path: ${{ inputs.build-context }}',
    '        persist-credentials: false',
    '        allow-unsafe-pr-checkout: ${{ inputs.allow-unsafe-fork-builds }}',
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
    ...nodeRuntimeSteps(),
    '    - name: Sweep',
    '      id: sweep',
    '      shell: bash',
    '      run: node "$GITHUB_ACTION_PATH/../dist/cleanup/index.js"',
    '      env:',
    ...inputEnv(inputs, '        '),
    '',
  ].join('\n');
}

const HEADER =
  '# Generated from src/inputs.ts by scripts/action-metadata.ts: edit those, then run `npx tsx scripts/action-metadata.ts`.';

const JOB_META: Record<JobAction, { title: string; description: string; icon: string; step: string }> = {
  plan: {
    title: 'superset-showtime plan',
    description:
      'Split form, trusted job 1 of 3: decides, claims the commit and says whether the build job is needed. No AWS, no registry login.',
    icon: 'git-branch',
    step: 'plan',
  },
  build: {
    title: 'superset-showtime build',
    description:
      "Split form, untrusted job 2 of 3: builds the pull request's image into an OCI archive where no credential can be reached.",
    icon: 'package',
    step: 'build',
  },
  deploy: {
    title: 'superset-showtime deploy',
    description:
      'Split form, trusted job 3 of 3: checks the archive against its digest, pushes it and deploys it by digest. Never runs PR code.',
    icon: 'upload-cloud',
    step: 'deploy',
  },
};

function jobSteps(action: JobAction, inputs: readonly InputSpec[]): string[] {
  const env = inputEnv(inputs, '        ');
  const node = (name: string, id: string, bundle: string, extraEnv: string[]): string[] => [
    `    - name: ${name}`,
    `      id: ${id}`,
    '      shell: bash',
    `      run: node "$GITHUB_ACTION_PATH/../dist/${bundle}/index.js"`,
    '      env:',
    ...extraEnv,
    ...env,
  ];
  const archiveDir = '        SHOWTIME_ARCHIVE_DIR: ${{ runner.temp }}/showtime-image';
  switch (action) {
    case 'plan':
      return node('Plan', 'plan', 'plan', ['        SHOWTIME_JOB: plan']);
    case 'build':
      return [
        // The one place PR code is checked out: see the README's security model for why this job is safe.
        '    # allow-unsafe-pr-checkout: this job is where a fork’s code is meant to be: the workflow gives it',
        '    # `contents: read` only, no secrets and no id-token; the checkout keeps no credential, and the bundle refuses',
        '    # to build while it can see a token, an AWS variable or a registry login. The code is BuildKit’s context only.',
        '    - name: Check out the pinned commit',
        `      uses: ${PINNED.checkout}`,
        '      with:',
        '        ref: ${{ fromJSON(inputs.plan).claim.sha }}',
        '        path: ${{ inputs.build-context }}',
        '        persist-credentials: false',
        '        allow-unsafe-pr-checkout: true',
        '    - name: Set up docker buildx',
        `      uses: ${PINNED.setupBuildx}`,
        ...node('Build the image archive', 'build', 'build', [archiveDir]),
        // Layers are gzip-compressed already: zipping the archive again costs CPU for nothing.
        '    - name: Upload the image archive',
        `      uses: ${PINNED.uploadArtifact}`,
        '      with:',
        '        name: ${{ inputs.artifact-name }}',
        '        path: ${{ steps.build.outputs.archive-path }}',
        '        if-no-files-found: error',
        '        retention-days: 1',
        '        compression-level: 0',
        // A re-run of the build job uploads under the same name; the deploy job checks the digest either way.
        '        overwrite: true',
      ];
    case 'deploy':
      return [
        '    - name: Download the image archive',
        "      if: inputs.archive-digest != ''",
        `      uses: ${PINNED.downloadArtifact}`,
        '      with:',
        '        name: ${{ inputs.artifact-name }}',
        '        path: ${{ runner.temp }}/showtime-image',
        ...node('Deploy', 'deploy', 'deploy', [archiveDir]),
      ];
  }
}

export function renderJobAction(action: JobAction): string {
  const meta = JOB_META[action];
  const inputs = inputsOf(action);
  return [
    HEADER,
    `name: ${meta.title}`,
    `description: ${JSON.stringify(meta.description)}`,
    'author: Apache Superset',
    'branding:',
    `  icon: ${meta.icon}`,
    '  color: purple',
    ...inputsYaml(inputs),
    ...outputsYaml(outputsOf(action), meta.step),
    'runs:',
    '  using: composite',
    '  steps:',
    ...nodeRuntimeSteps(),
    ...jobSteps(action, inputs),
    '',
  ].join('\n');
}

export function renderAction(action: ActionName): string {
  if (action === 'main') return renderMainAction();
  if (action === 'cleanup') return renderCleanupAction();
  return renderJobAction(action);
}

/** Which job of the split form takes each input: one table, next to the one-job form's. */
export function renderSplitTable(): string {
  const names = [...new Set(JOB_ACTIONS.flatMap((action) => inputsOf(action).map((input) => input.name)))];
  const rows = names.map(
    (name) =>
      `| \`${name}\` | ${JOB_ACTIONS.map((action) => (inputsOf(action).some((i) => i.name === name) ? '✓' : '')).join(' | ')} |`,
  );
  const outputs = JOB_ACTIONS.flatMap((action) =>
    outputsOf(action).map((output) => `| ${action} | \`${output.name}\` | ${cell(output.description)} |`),
  );
  return [
    '| input | plan | build | deploy |',
    '| --- | :-: | :-: | :-: |',
    ...rows,
    '',
    '| job | output | description |',
    '| --- | --- | --- |',
    ...outputs,
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
    replaceBetween(
      replaceBetween(readme, 'inputs:main', renderTables('main')),
      'inputs:cleanup',
      renderTables('cleanup'),
    ),
    'inputs:split',
    renderSplitTable(),
  );
}

if (process.argv[1]?.endsWith('action-metadata.ts')) {
  for (const [action, file] of Object.entries(ACTION_FILES)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderAction(action as ActionName));
  }
  writeFileSync('README.md', renderReadme(readFileSync('README.md', 'utf8')));
}
