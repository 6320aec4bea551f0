// Where the tools that scripts/setup.sh installs are found when they are not on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where scripts/setup.sh may have put moto_server when it is not on PATH (pipx's bin dir, or its venv). */
function motoCandidates(): string[] {
  const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return [
    join(homedir(), '.local', 'bin', 'moto_server'),
    join(cache, 'superset-showtime', 'moto-venv', 'bin', 'moto_server'),
  ];
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The moto_server to start: MOTO_SERVER_COMMAND, else PATH, else where the setup script installs it. */
export function motoServerCommand(): string {
  if (process.env.MOTO_SERVER_COMMAND) return process.env.MOTO_SERVER_COMMAND;
  if (onPath('moto_server')) return 'moto_server';
  return motoCandidates().find((candidate) => existsSync(candidate)) ?? 'moto_server';
}
