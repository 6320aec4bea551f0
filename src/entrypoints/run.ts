import * as core from '@actions/core';

core.setFailed('showtime: the run entrypoint is not wired yet');
