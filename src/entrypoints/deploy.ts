import { deployEntrypoint } from '../orchestrator/split-entry.js';

await deployEntrypoint();
