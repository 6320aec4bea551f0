import { cleanupEntrypoint } from '../orchestrator/cleanup-entry.js';

await cleanupEntrypoint();
