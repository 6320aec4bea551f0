import { buildEntrypoint } from '../orchestrator/split-entry.js';

await buildEntrypoint();
