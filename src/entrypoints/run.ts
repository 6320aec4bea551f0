import { runEntrypoint } from '../orchestrator/entry.js';

await runEntrypoint();
