// Bundles every entrypoint into its own folder under dist/ (dist/<name>/index.js).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export const ENTRYPOINTS = ['plan', 'run', 'cleanup'];

rmSync('dist', { recursive: true, force: true });
for (const name of ENTRYPOINTS) {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      `src/entrypoints/${name}.ts`,
      '--out',
      `dist/${name}`,
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
}
