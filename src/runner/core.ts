// The runner's workflow commands (inputs, outputs, log lines, groups, the job summary, the failed status) come from
// @actions/core. This is the one module that imports it, so what it costs a step's start-up is measured in one place
// (bench/cold-start.ts).
export { error, getInput, group, info, setFailed, setOutput, summary, warning } from '@actions/core';
