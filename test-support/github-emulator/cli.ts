// Standalone emulator: `npm run github-emulator -- --port 8080 --seed seed.json`. Prints its URL and token, serves
// until SIGINT/SIGTERM. Useful to point a local Octokit script or `gh api` at a known GitHub state.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator.js';
import { SeedError, parseSeed } from './seed.js';

const USAGE = 'usage: npm run github-emulator -- [--port <0-65535>] [--seed <seed.json>]';

export interface CliOptions {
  port: number;
  seedFile?: string;
}

/** Parses argv (after the script name). Returns the options or an error message naming the bad argument. */
export function parseArgs(
  argv: readonly string[],
): { ok: true; options: CliOptions } | { ok: false; message: string } {
  const options: CliOptions = { port: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--port') {
      const text = value();
      const port = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!(port >= 0 && port <= 65535)) {
        return {
          ok: false,
          message: `--port: expected a port number 0-65535, got ${JSON.stringify(text ?? null)}`,
        };
      }
      options.port = port;
    } else if (flag === '--seed') {
      const file = value();
      if (file === undefined || file === '')
        return { ok: false, message: '--seed: expected a path to a JSON file' };
      options.seedFile = file;
    } else {
      return { ok: false, message: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  return { ok: true, options };
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`github-emulator: ${parsed.message}\n${USAGE}`);
    process.exit(2);
  }
  let seed = {};
  if (parsed.options.seedFile !== undefined) {
    const file = parsed.options.seedFile;
    try {
      seed = parseSeed(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      const reason =
        error instanceof SeedError || error instanceof SyntaxError ? error.message : String(error);
      console.error(`github-emulator: --seed ${file}: ${reason}`);
      process.exit(2);
    }
  }
  const emulator = await startEmulator({ seed, port: parsed.options.port });
  console.log(`url: ${emulator.url}`);
  console.log(`token: ${emulator.token}`);
  const stop = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only as a program, so tests can import parseArgs.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`github-emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
