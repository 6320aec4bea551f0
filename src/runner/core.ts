// The few workflow commands the action speaks to the runner: inputs, outputs, log lines, groups, the job summary
// and the failed status. @actions/core does the same, but it also pulls in @actions/http-client and a bundled undici
// (for OIDC tokens, which the action never asks for): about 1 MB of bundle and 40 ms of every cold start. The
// formats below are the runner's (https://docs.github.com/actions/reference/workflow-commands-for-github-actions)
// and match what @actions/core writes, so logs, outputs and summaries read the same.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** `%`, CR and LF would end or corrupt a command line; the runner decodes these escapes. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** The input as the runner passes it (`INPUT_<NAME>`, spaces as underscores, upper case), trimmed. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * A step output, as a heredoc in the GITHUB_OUTPUT file under a delimiter no value can contain (a random one, as the
 * runner documents for multiline values). Without the file (an old runner, a local run) the deprecated
 * `::set-output` command is the only channel left.
 */
export function setOutput(name: string, output: unknown): void {
  // As @actions/core converts: strings as they are, nothing as empty, anything else as JSON.
  const value =
    output === undefined || output === null
      ? ''
      : typeof output === 'string'
        ? output
        : JSON.stringify(output);
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`output ${name} contains its own delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function warning(message: string): void {
  command('warning', message);
}

export function error(message: string): void {
  command('error', message);
}

/** Marks the step failed: an error annotation and a non-zero exit code once the event loop drains. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** A collapsible section of the log around `fn`. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  process.stdout.write(`::group::${escapeData(name)}${EOL}`);
  try {
    return await fn();
  } finally {
    process.stdout.write(`::endgroup::${EOL}`);
  }
}

/** The job summary: markdown appended to the GITHUB_STEP_SUMMARY file (nothing when the runner gave none). */
export const summary = {
  addRaw(markdown: string) {
    return {
      write(): Promise<void> {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (file) appendFileSync(file, markdown, 'utf8');
        return Promise.resolve();
      },
    };
  },
};
