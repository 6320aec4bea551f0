import * as core from '@actions/core';

core.setFailed('showtime: the plan entrypoint is not wired yet');
