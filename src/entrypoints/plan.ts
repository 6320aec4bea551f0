import { planEntrypoint } from '../orchestrator/entry.js';

await planEntrypoint();
