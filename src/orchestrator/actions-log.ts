// The runner's log, for the entrypoints: workflow commands through src/runner/core.ts, groups included.
import * as core from '../runner/core.js';
import type { Log } from './context.js';

export const actionsLog: Log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (name, fn) => core.group(name, fn),
};
