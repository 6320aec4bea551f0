// The sets of environment statuses the rules ask about, named once: the planner, the claim's repair rule and the
// sweep's reconciler all mean the same thing by "a run is busy with it".
import type { Status } from './types.js';

type StatusSet = ReadonlySet<Status | undefined>;

/** A run is bringing this SHA up: building its image or creating its deployment. */
export const DEPLOYING: StatusSet = new Set(['building', 'built', 'deploying', 'updating']);
/** A run is working on it: bringing it up or changing its configuration. */
export const IN_PROGRESS: StatusSet = new Set([...DEPLOYING, 'configuring']);
/** A run owns the environment (in progress, or being torn down): another run waits for its lock to lapse. */
export const BUSY: StatusSet = new Set([...IN_PROGRESS, 'destroying']);
/** Its ECS service serves it: the service must exist. */
export const SERVED: StatusSet = new Set(['running', 'updating', 'configuring']);
