// Bundles every entrypoint into its own folder under dist/ (dist/<name>/index.js). Each bundle is built aside and
// then swapped in, so a test or demo running meanwhile never finds dist/ half empty.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';

export const ENTRYPOINTS = ['plan', 'run', 'cleanup', 'build', 'deploy'];
const STAGING = '.tmp/dist-next';

rmSync(STAGING, { recursive: true, force: true });
mkdirSync(STAGING, { recursive: true });
for (const name of ENTRYPOINTS) {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      `src/entrypoints/${name}.ts`,
      '--out',
      `${STAGING}/${name}`,
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
}
mkdirSync('dist', { recursive: true });
for (const name of ENTRYPOINTS) {
  rmSync(`dist/${name}`, { recursive: true, force: true });
  renameSync(`${STAGING}/${name}`, `dist/${name}`);
}
rmSync(STAGING, { recursive: true, force: true });
