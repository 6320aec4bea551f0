// The small interfaces the orchestration talks to, each with one production adapter: GitHub (src/github),
// ECS (src/aws), the ECR repository of PR images and the SSM parameters of admin passwords (src/aws), and docker (src/docker). Dry-run twins that write nothing live in src/orchestrator/dry-run.ts.
export type { GitHubPort as GitHub } from './github/port.js';
export type { EnvironmentBackend as Ecs } from './aws/ecs.js';
export type { Builder } from './docker/builder.js';
export type { ImageStore as Images } from './aws/ecr.js';
export type { PasswordStore as Passwords } from './aws/ssm.js';
export type { TrafficRouter as Router } from './aws/elb.js';
