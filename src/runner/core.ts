// The runner's workflow commands (inputs, outputs, log lines, groups, the job summary, the failed status), written by
// @actions/core's own command modules. Not through its package entry: that one imports its OIDC client, and with it
// @actions/http-client and undici (about 1 MB of bundle), at every step's start, for a token this action never asks
// for. Measured with bench/cold-start.ts: the plan step's spawn → first request went from 180 to 139 ms (bare node:
// 84 ms). The package's `exports` map hides these modules, hence the paths; __tests__/runner/core.test.ts checks that
// every function here writes byte for byte what @actions/core's would.
import os from 'node:os';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../../node_modules/@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export { summary } from '../../node_modules/@actions/core/lib/summary.js';

/** The input as the runner passed it (INPUT_<NAME>), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function info(message: string): void {
  process.stdout.write(message + os.EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function warning(message: string): void {
  issueCommand('warning', toCommandProperties({}), message);
}

export function error(message: string): void {
  issueCommand('error', toCommandProperties({}), message);
}

/** An error annotation, and exit code 1 once the step ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** `fn`'s log lines folded under `name` in the run's log, closed however `fn` ends. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}
