// What npm cannot bring (moto_server, the OCI registry, skopeo, umoci, chromium) comes from scripts/setup.sh. The test
// suite (as jest's globalSetup) and the demo call this first, so the README's two commands work on a fresh Debian or
// Ubuntu machine. Plain JavaScript because jest loads a globalSetup module without the TypeScript path mapping.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SETUP = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'setup.sh');

/**
 * Runs scripts/setup.sh when something it provides is missing, saying what first. SHOWTIME_SKIP_SETUP=1 turns this
 * off (a machine set up by other means); a test that needs a missing tool then fails naming it.
 * @param {(line: string) => void} [log]
 */
export function ensureTools(log = (line) => process.stderr.write(`${line}\n`)) {
  if (process.env.SHOWTIME_SKIP_SETUP === '1') return;
  const check = spawnSync('bash', [SETUP, '--check'], { encoding: 'utf8' });
  if (check.status === 0) return;
  log(`superset-showtime: some tools are missing, running scripts/setup.sh:\n${check.stdout.trim()}`);
  const install = spawnSync('bash', [SETUP], { stdio: 'inherit' });
  if (install.status !== 0) {
    throw new Error(
      `scripts/setup.sh failed (exit ${install.status}): install what it lists by hand, or set SHOWTIME_SKIP_SETUP=1`,
    );
  }
}

export default ensureTools;
