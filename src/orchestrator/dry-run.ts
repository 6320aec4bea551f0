// Dry-run twins: reads go through (GitHub) or are answered locally (AWS), writes are logged and never sent.
import type { EnvironmentBackend } from '../aws/ecs.js';
import type { ImageStore } from '../aws/ecr.js';
import { passwordName } from '../aws/store-names.js';
import type { PasswordStore } from '../aws/ssm.js';
import type { GitHubPort } from '../github/port.js';
import type { RoutedHost } from '../aws/elb-names.js';
import type { TrafficRouter } from '../aws/elb.js';
import type { Log } from './context.js';

// TEST-NET-1 (RFC 5737): a valid address that can never be a real environment.
const DRY_ADDRESS = { host: '192.0.2.1', port: 8080 };
const DRY_URL = 'http://192.0.2.1:8080';

/** GitHub with every write replaced by a log line: the run still reads the real PR to decide. */
export function dryRunGitHub(real: GitHubPort, log: Log): GitHubPort {
  const say = (what: string): void => log.info(`dry run (github): would ${what}`);
  return {
    repo: real.repo,
    getPullRequest: (number) => real.getPullRequest(number),
    listPullRequestCommits: (number) => real.listPullRequestCommits(number),
    listRepoLabels: () => real.listRepoLabels(),
    getLabelDefinition: (name) => real.getLabelDefinition(name),
    searchPullRequests: (query) => real.searchPullRequests(query),
    listLabelCarriers: (name) => real.listLabelCarriers(name),
    getPermission: (login) => real.getPermission(login),
    findComment: (number, marker) => real.findComment(number, marker),
    listDeployments: (filter) => real.listDeployments(filter),
    async addLabels(number, names) {
      say(`add to #${number}: ${names.join(', ')}`);
      return undefined;
    },
    async removeLabel(number, name) {
      say(`remove from #${number}: ${name}`);
      return true;
    },
    async ensureLabelDefinitions(definitions) {
      say(`create or update ${definitions.length} repository labels`);
      return { created: [], updated: [] };
    },
    async deleteRepoLabel(name) {
      say(`delete the repository label ${name}`);
      return true;
    },
    async upsertComment(number) {
      say(`update the status comment of #${number}`);
      return { id: 0, outcome: 'unchanged' };
    },
    async createComment(number) {
      say(`comment on #${number}`);
      return { id: 0 };
    },
    async reactToComment(commentId, content) {
      say(`react ${content} to comment ${commentId}`);
    },
    async createDeployment(request) {
      say(`create a deployment of ${request.ref} to ${request.environment}`);
      return {
        id: 0,
        ref: request.ref,
        sha: request.ref,
        environment: request.environment,
        description: null,
        createdAt: new Date(0),
      };
    },
    async createDeploymentStatus(id, status) {
      say(`set deployment ${id} to ${status.state}`);
    },
    async acquireLock(name, holder, expiresAt) {
      say(`take the lock ${name}`);
      return { acquired: true, holder, expiresAt };
    },
    async renewLock(name) {
      say(`renew the lock ${name}`);
      return true;
    },
    async releaseLock(name) {
      say(`release the lock ${name}`);
      return true;
    },
  };
}

/** ECS that creates and deletes nothing and reads nothing: a dry run must not even need AWS credentials. */
export function dryRunEcs(log: Log): EnvironmentBackend {
  const say = (what: string): void => log.info(`dry run (aws): would ${what}`);
  return {
    async createEnvironment(spec) {
      say(`create the service of PR #${spec.pr} at ${spec.sha.slice(0, 7)} with ${spec.image}`);
      return {
        serviceName: 'dry-run',
        taskDefinitionArn: 'dry-run',
        address: DRY_ADDRESS,
        url: DRY_URL,
      };
    },
    async updateConfiguration(spec) {
      say(`update the configuration of PR #${spec.pr} at ${spec.sha.slice(0, 7)}`);
      return {
        serviceName: 'dry-run',
        taskDefinitionArn: 'dry-run',
        address: DRY_ADDRESS,
        url: DRY_URL,
      };
    },
    async deleteEnvironment(pr, sha) {
      say(`delete the service of PR #${pr} at ${sha.slice(0, 7)}`);
      return { deleted: [], alreadyGone: [], failed: [] };
    },
    async listManagedServices() {
      say('list the managed services (none listed in a dry run)');
      return [];
    },
    async currentAddresses() {
      say("read the services' task addresses (none in a dry run)");
      return new Map();
    },
    async sleepEnvironment(pr, sha) {
      say(`scale the service of PR #${pr} at ${sha.slice(0, 7)} to zero`);
    },
    async wakeEnvironment(pr, sha) {
      say(`scale the service of PR #${pr} at ${sha.slice(0, 7)} back to one task`);
      return { serviceName: 'dry-run', taskDefinitionArn: 'dry-run', address: DRY_ADDRESS, url: DRY_URL };
    },
  };
}

/** The image registry, unread and untouched: no tag is found, so teardown deletes none. */
export function dryRunImages(log: Log): ImageStore {
  return {
    repository: 'the image repository (dry run)',
    async findTag(tag) {
      log.info(`dry run (aws): would look up and delete the image tag ${tag}`);
      return undefined;
    },
    async deleteTag(tag) {
      log.info(`dry run (aws): would delete the image tag ${tag}`);
      return 'already-gone';
    },
    async listTagged() {
      return [];
    },
  };
}

/** Admin passwords that are never written: the task definition still names where the parameter would be. */
export function dryRunPasswords(log: Log): PasswordStore {
  const repo = { owner: 'dry-run', repo: 'dry-run' };
  return {
    name: (pr, sha7) => passwordName(repo, pr, sha7),
    async create(pr, sha7) {
      log.info(`dry run (aws): would write the admin password of PR #${pr} at ${sha7}`);
      return passwordName(repo, pr, sha7);
    },
    async delete(pr, sha7) {
      log.info(`dry run (aws): would delete the admin password of PR #${pr} at ${sha7}`);
      return 'already-gone';
    },
    async list() {
      return [];
    },
  };
}

/** Where a dry run's target group would be; never sent anywhere. */
export const DRY_RUN_TARGET_GROUP = 'arn:aws:elasticloadbalancing:dry-run:000000000000:targetgroup/dry-run/0';

/**
 * The router of a dry run: it writes nothing and reads nothing (a dry run needs no AWS credentials), says what it
 * would do, and reports the new environment healthy so that the rest of the run can be shown.
 */
function describeHost(target: RoutedHost): string {
  return target.sha7 === undefined
    ? `PR #${target.pr}'s host`
    : `the host of PR #${target.pr} at ${target.sha7}`;
}

export function dryRunRouter(log: Pick<Log, 'info'>): TrafficRouter {
  const say = (what: string): void => log.info(`dry run (aws): would ${what}`);
  return {
    async ensureTargetGroup(environment) {
      say(`make the target group of PR #${environment.pr} at ${environment.sha7}`);
      return DRY_RUN_TARGET_GROUP;
    },
    async targetHealth(targetGroupArn) {
      say(`read the target health of ${targetGroupArn}`);
      return [{ id: 'dry-run', state: 'healthy' }];
    },
    async route(target, targetGroupArn) {
      say(`route ${describeHost(target)} to ${targetGroupArn}`);
      return 'created';
    },
    async ruleOf(target) {
      say(`look up the listener rule of ${describeHost(target)} (none in a dry run)`);
      return undefined;
    },
    async removeRoute(target) {
      say(`delete the listener rule of ${describeHost(target)}`);
      return 0;
    },
    async deleteRule(rule) {
      say(`delete the listener rule for ${rule.host}`);
      return 'gone';
    },
    async deleteTargetGroup(targetGroupArn) {
      say(`delete the target group ${targetGroupArn}`);
      return 'gone';
    },
    async targetGroupOf(pr, sha7) {
      say(`look up the target group of PR #${pr} at ${sha7} (none in a dry run)`);
      return undefined;
    },
    async removeTargetGroup(pr, sha7) {
      say(`delete the target group of PR #${pr} at ${sha7}`);
      return 'gone';
    },
    async listManaged() {
      say('list the managed listener rules and target groups (none listed in a dry run)');
      return { rules: [], targetGroups: [] };
    },
    async checkThrough(host, url) {
      say(`check ${url} through the load balancer as ${host} (healthy in a dry run)`);
      return { healthy: true, attempts: 0, elapsedMs: 0 };
    },
  };
}
