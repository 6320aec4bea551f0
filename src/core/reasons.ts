// Every reason the action can give for what it did, stable across releases: the `reason` output, the logs, the
// decision table (docs/decision-table.md, generated from the test cases) and the README use these words. Grouped by
// the part of the core that gives them; a test keeps each group and the tables equal.

/** Before the planner: what intake (core/intake.ts) answers without a decision to make. */
export const INTAKE_REASONS = [
  'ignored-event',
  'schedule-is-cleanup',
  'not-a-request-label',
  'no-command',
  'push-superseded',
  'command-errors',
] as const;

/** The planner's (core/planner.ts), claim outcomes included. */
export const PLANNER_REASONS = [
  'first-start',
  'replace-stale',
  'redeploy-running-sha',
  'retry-failed-sha',
  'take-over-expired-lease',
  'already-in-progress',
  'pinned-sha-not-head',
  'replace-live',
  'new-commit',
  'legacy-trigger-present',
  'unfrozen-behind-head',
  'stop-requested',
  'stop-wins-over-start',
  'legacy-trigger-removed',
  'pr-closed',
  'leftover-closed-pr',
  'ttl-expired',
  'lease-expired',
  'deletion-owed',
  'expiry-warning',
  'nothing-to-stop',
  'nothing-to-do',
  'not-authorized',
  'awaiting-approval',
  'fork-build-needs-split',
  'invalid-sha',
  'sha-not-head',
  'sha-not-in-pr',
  'pr-not-open',
  'blocked',
  'unblocked',
  'frozen',
  'no-environment',
  'up-to-date',
  'quota-exceeded',
  'config-changed',
  'config-pending',
  'extend-requested',
  'ttl-over-limit',
  'keep-alive',
  'freeze-requested',
  'unfreeze-requested',
  'status-requested',
  'help-requested',
  'reopened',
  'label-removed',
  'label-ignored',
  'state-label-restored',
  'repair-interrupted-change',
  'claimed-by-another-run',
  'start-withdrawn',
  'head-moved',
] as const;

export const REASONS = [...INTAKE_REASONS, ...PLANNER_REASONS] as const;
export type Reason = (typeof REASONS)[number];
