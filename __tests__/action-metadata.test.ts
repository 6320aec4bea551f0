import { readFileSync } from 'node:fs';
import { renderCleanupAction, renderMainAction, renderReadme } from '../scripts/action-metadata.js';
import { INPUTS, inputEnvName, inputsOf } from '../src/inputs.js';

const regenerate = 'run `npx tsx scripts/action-metadata.ts` and commit the result';

test.each([
  ['action.yml', renderMainAction],
  ['cleanup/action.yml', renderCleanupAction],
])('%s is generated from src/inputs.ts', (path, render) => {
  expect({ path, text: readFileSync(path, 'utf8') }).toEqual({ path, text: render() });
});

test('README inputs and outputs tables are generated from src/inputs.ts', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(renderReadme(readme) === readme ? 'in sync' : regenerate).toBe('in sync');
});

test.each([['main' as const], ['cleanup' as const]])(
  'every %s step is handed every input of its action',
  (action) => {
    const text = action === 'main' ? renderMainAction() : renderCleanupAction();
    const nodeSteps = text.split('    - name: ').filter((step) => step.includes('node "$GITHUB_ACTION_PATH'));
    expect(nodeSteps.length).toBeGreaterThan(0);
    for (const step of nodeSteps) {
      for (const input of inputsOf(action)) {
        expect(step).toContain(`${inputEnvName(input.name)}: \${{ inputs.${input.name} }}`);
      }
    }
  },
);

test('input names are unique and in the form the runner expects', () => {
  const names = INPUTS.map((input) => input.name);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
});
