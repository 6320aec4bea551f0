import * as core from '@actions/core';

core.setFailed('showtime: the cleanup entrypoint is not wired yet');
