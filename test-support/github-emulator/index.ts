// Public surface of the GitHub emulator (test support only: never imported from src/).
export { startEmulator, emulatedRoutes } from './emulator.js';
export type { Emulator, EmulatorOptions } from './emulator.js';
export { Store, labelKey, labelNameLength, DEFAULT_LABEL_COLOR, MAX_LABEL_NAME } from './store.js';
export type {
  CommentRecord,
  CommitRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  IssueRecord,
  LabelRecord,
  ReactionRecord,
  RepoRecord,
} from './store.js';
export { Faults, FAULT_KINDS } from './faults.js';
export type { FaultKind, RouteFilter } from './faults.js';
export { parseSeed, SeedError, ROLES } from './seed.js';
export type { Role, Seed, SeedIssue, SeedLabel, SeedPull, SeedRepository } from './seed.js';
export { parseLinkHeader } from './pagination.js';
