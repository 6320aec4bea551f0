export const id = 803;
export const ids = [803,332];
export const modules = {

/***/ 2803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EcsBackend: () => (/* binding */ EcsBackend),
  EnvironmentError: () => (/* binding */ EnvironmentError),
  createEcsBackend: () => (/* binding */ createEcsBackend),
  createEcsClients: () => (/* binding */ createEcsClients)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(4101);
;// CONCATENATED MODULE: ./src/aws/call-counter.ts
class ApiCallCounter {
    counts = new Map();
    record(client, command) {
        const key = `${(client ?? 'AWS').replace(/Client$/, '')}:${(command ?? 'unknown').replace(/Command$/, '')}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    /** Calls so far, keyed `ECS:CreateService`, `EC2:DescribeNetworkInterfaces`, … */
    snapshot() {
        return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    }
}
/** The calls made between two snapshots, and their total. */
function callsBetween(before, after) {
    const byCommand = {};
    let total = 0;
    for (const [key, count] of Object.entries(after)) {
        const made = count - (before[key] ?? 0);
        if (made > 0) {
            byCommand[key] = made;
            total += made;
        }
    }
    return { total, byCommand };
}
let nextId = 0;
/**
 * Adds a counting middleware to the ECS client (each counter under its own name, so several may watch a client).
 * The EC2 call is not an SDK command: its adapter records it itself.
 */
function countApiCalls(clients, counter) {
    nextId += 1;
    const options = { step: 'initialize', name: `showtimeApiCallCounter${nextId}` };
    clients.ecs.middlewareStack.add((next, context) => (args) => {
        counter.record(context.clientName, context.commandName);
        return next(args);
    }, options);
}
/** The same counting for one more client an adapter sends through (the SSM client of the admin passwords). */
function countClientCalls(client, counter) {
    nextId += 1;
    client.middlewareStack.add((next, context) => (args) => {
        counter.record(context.clientName, context.commandName);
        return next(args);
    }, { step: 'initialize', name: `showtimeApiCallCounter${nextId}` });
}

// EXTERNAL MODULE: ./src/aws/query-api.ts
var query_api = __webpack_require__(4492);
;// CONCATENATED MODULE: ./src/aws/ec2-query.ts

/** EC2's errors are Query API errors; the name stays for the callers that match on it. */

const EC2 = {
    service: 'ec2',
    version: '2016-11-15',
    label: 'EC2',
    actions: ['DescribeNetworkInterfaces'],
};
/**
 * The public IP of the first interface in a DescribeNetworkInterfaces answer: `<association><publicIp>` of its first
 * `<item>`. Undefined when the interface has no association yet (the address comes a little after the task).
 */
function parsePublicIp(xml) {
    const first = members(child(parseXml(xml), 'networkInterfaceSet'))[0];
    return textAt(first, 'association', 'publicIp');
}
/** EC2's error answer (`<Response><Errors><Error><Code>…<Message>…`) as an Ec2Error. */
function parseEc2Error(xml, status) {
    return parseQueryError(xml, status, 'EC2');
}
/** The most interfaces one DescribeNetworkInterfaces call is given here (EC2 takes more; a small answer is kinder). */
const INTERFACES_PER_CALL = 100;
/** Public IPs of many interfaces, INTERFACES_PER_CALL to a call; interfaces without one are missing from the map. */
async function describePublicIps(ecs, networkInterfaceIds, sleep, record) {
    const ips = new Map();
    const api = (0,query_api/* queryApi */.JO)(ecs, EC2, sleep);
    for (let i = 0; i < networkInterfaceIds.length; i += INTERFACES_PER_CALL) {
        const batch = networkInterfaceIds.slice(i, i + INTERFACES_PER_CALL);
        const params = {};
        batch.forEach((id, index) => {
            params[`NetworkInterfaceId.${index + 1}`] = id;
        });
        record?.();
        const xml = await api.call({ Action: 'DescribeNetworkInterfaces', ...params });
        for (const item of (0,query_api/* members */.ol)((0,query_api/* child */.jf)((0,query_api/* parseXml */.NO)(xml), 'networkInterfaceSet'))) {
            const id = (0,query_api/* textAt */.$6)(item, 'networkInterfaceId');
            const ip = (0,query_api/* textAt */.$6)(item, 'association', 'publicIp');
            if (id && ip)
                ips.set(id, ip);
        }
    }
    return ips;
}
/** The public IP of one interface (describePublicIps for one); undefined until its association is made. */
async function describePublicIp(ecs, networkInterfaceId, sleep) {
    return (await describePublicIps(ecs, [networkInterfaceId], sleep)).get(networkInterfaceId);
}

// EXTERNAL MODULE: ./src/aws/health.ts
var aws_health = __webpack_require__(2611);
// EXTERNAL MODULE: ./src/aws/service-names.ts
var service_names = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/aws/ssm.ts
var ssm = __webpack_require__(8332);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
// EXTERNAL MODULE: ./src/aws/task-definition.ts + 1 modules
var task_definition = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/aws/ecs.ts
// The ECS Fargate adapter: one environment = one task-definition family + one service running one task with a
// public IP. Every wait is bounded, and a failure after a service exists never leaves it running untracked.










class EnvironmentError extends Error {
    stage;
    cleanup;
    serviceName;
    name = 'EnvironmentError';
    constructor(message, stage, cleanup, serviceName) {
        super(message);
        this.stage = stage;
        this.cleanup = cleanup;
        this.serviceName = serviceName;
    }
}
/** A step that failed, with the words for the final error; wrapped into an EnvironmentError by the operation. */
class StepFailure extends Error {
    stage;
    constructor(stage, message) {
        super(message);
        this.stage = stage;
    }
}
/** Runs one step, so that an unexpected error (an SDK error, say) is still attributed to the step it broke. */
async function step(stage, run) {
    try {
        return await run();
    }
    catch (error) {
        throw error instanceof StepFailure ? error : new StepFailure(stage, errorText(error));
    }
}
function stageOf(error, fallback) {
    return error instanceof StepFailure ? error.stage : fallback;
}
/** The client for the settings' region (and endpoint, in tests); credentials come from the SDK's default chain. */
function createEcsClients(settings) {
    return {
        ecs: new dist_cjs/* ECSClient */.Zgc({
            region: settings.region,
            maxAttempts: 5,
            ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
        }),
    };
}
/** Name and message of anything thrown (duck-typed: SDK errors may come from another realm in tests). */
function errorParts(error) {
    if (typeof error === 'object' && error !== null && 'message' in error) {
        const { name, message } = error;
        return { name: typeof name === 'string' ? name : undefined, message: String(message) };
    }
    return { message: String(error) };
}
function errorText(error) {
    const { name, message } = errorParts(error);
    return name && name !== 'Error' ? `${name}: ${message}` : message;
}
function isDrainingRefusal(error) {
    const { name, message } = errorParts(error);
    return name === 'InvalidParameterException' && /draining|not idempotent/i.test(message);
}
function isServiceGone(error) {
    const { name } = errorParts(error);
    return name === 'ServiceNotFoundException' || name === 'ServiceNotActiveException';
}
function seconds(ms) {
    return `${Math.round(ms / 100) / 10}s`;
}
function requireTarget(pr, sha) {
    const refuse = (message) => new EnvironmentError(message, 'validate', 'not-needed');
    if (!Number.isInteger(pr) || pr <= 0)
        throw refuse(`PR number ${pr}: expected a positive integer`);
    const sha7 = (0,values/* toSha7 */.j_)(sha);
    if (sha7 === undefined)
        throw refuse(`SHA "${sha}": expected ${values/* FORMS */.yY.sha}`);
    return { pr, sha7 };
}
/**
 * How long ECS ignores the load balancer's health check of a new task: Superset runs its migrations before it
 * listens, and a task replaced for failing checks meanwhile would never come up.
 */
const LOAD_BALANCER_GRACE_SECONDS = 600;
/** The first pause of a wait for ECS (pollPauses). */
const FIRST_POLL_MS = 2_000;
/** A detail of the task's network interface (`privateIPv4Address`, `networkInterfaceId`). */
function interfaceDetail(task, name) {
    return (task.attachments ?? [])
        .find((a) => a.type === 'ElasticNetworkInterface')
        ?.details?.find((d) => d.name === name)?.value;
}
function chunks(items, size) {
    const result = [];
    for (let i = 0; i < items.length; i += size)
        result.push(items.slice(i, i + size));
    return result;
}
class EcsBackend {
    settings;
    deps;
    clients;
    counter = new ApiCallCounter();
    sleep;
    now;
    log;
    secret;
    constructor(settings, deps = {}) {
        this.settings = settings;
        this.deps = deps;
        this.clients = deps.clients ?? createEcsClients(settings);
        countApiCalls(this.clients, this.counter);
        // The password calls are part of what creating and deleting an environment costs.
        if (deps.passwords?.client)
            countClientCalls(deps.passwords.client, this.counter);
        this.sleep = deps.sleep ?? aws_health/* realSleep */.uk;
        this.now = deps.now ?? Date.now;
        this.log = deps.log ?? (() => undefined);
        this.secret = deps.secret ?? (() => (0,external_node_crypto_.randomBytes)(32).toString('base64url'));
    }
    /** AWS commands sent so far by this adapter, by command; diff two snapshots with callsBetween. */
    apiCalls() {
        return this.counter.snapshot();
    }
    get networkConfiguration() {
        return {
            awsvpcConfiguration: {
                subnets: this.settings.subnets,
                securityGroups: this.settings.securityGroups,
                assignPublicIp: this.settings.assignPublicIp ? 'ENABLED' : 'DISABLED',
            },
        };
    }
    /**
     * Fargate, or Fargate Spot (a capacity provider strategy, which excludes a launch type). ECS does not fall back to
     * on-demand by itself: a Spot shortage fails the placement, and the deploy says so.
     */
    get capacity() {
        return this.settings.spot
            ? { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }
            : { launchType: 'FARGATE' };
    }
    async createEnvironment(spec) {
        const { pr, sha7 } = requireTarget(spec.pr, spec.sha);
        const names = (0,service_names/* environmentNames */.iF)(pr, sha7);
        const label = `environment ${names.family}`;
        const before = this.apiCalls();
        const tags = (0,aws_tags/* environmentTags */.TA)({
            pr,
            sha7,
            requester: spec.requester,
            createdAt: spec.createdAt,
            expiresAt: spec.expiresAt,
        });
        let input;
        try {
            input = (0,task_definition/* renderTaskDefinition */.P9)(this.settings.taskDefinitionTemplate, {
                family: names.family,
                image: spec.image,
                containerName: this.settings.containerName,
                containerPort: this.settings.containerPort,
                size: this.settings.sizes[spec.config.size ?? spec.size],
                environment: this.settings.environment,
                config: spec.config,
                generated: Object.fromEntries(this.settings.generatedEnvironment.map((name) => [name, this.secret()])),
                secrets: this.deps.passwords
                    ? { [ssm.ADMIN_PASSWORD_VARIABLE]: this.deps.passwords.name(pr, sha7) }
                    : undefined,
                region: this.settings.region,
                tags,
                executionRoleArn: this.settings.executionRoleArn,
                taskRoleArn: this.settings.taskRoleArn,
                logGroup: this.settings.logGroup,
            });
        }
        catch (error) {
            throw new EnvironmentError(`Cannot create ${label}: ${errorText(error)}`, 'validate', 'not-needed');
        }
        const usesPassword = (input.containerDefinitions ?? []).some((c) => (c.secrets ?? []).some((secret) => secret.name === ssm.ADMIN_PASSWORD_VARIABLE));
        if (usesPassword && input.executionRoleArn === undefined) {
            // ECS reads `secrets` with the execution role and refuses a task definition that has them without one.
            throw new EnvironmentError(`Cannot create ${label}: its admin password reaches the container as a secret, which ECS reads with the ` +
                `task execution role, and none is set: set input 'execution-role-arn' (the stack's ExecutionRoleArn output).`, 'validate', 'not-needed');
        }
        if (usesPassword && this.deps.passwords) {
            try {
                await this.deps.passwords.create(pr, sha7);
            }
            catch (error) {
                throw new EnvironmentError(`Cannot create ${label}: writing its admin password failed (${errorText(error)}); nothing was created.`, 'register', 'not-needed');
            }
        }
        let taskDefinitionArn;
        try {
            taskDefinitionArn = await this.register(input, label);
        }
        catch (error) {
            await this.dropPassword(pr, sha7);
            throw error;
        }
        let serviceName;
        try {
            serviceName = await step('place', () => this.placeService(names, taskDefinitionArn, tags, spec.targetGroupArn));
        }
        catch (error) {
            // No service exists (or the one that does was not changed): only the new revision needs to go. The password
            // stays: a service of this SHA may already be running, and its teardown deletes it.
            const gone = await this.deregister([taskDefinitionArn]);
            const cleanup = gone.failed.length === 0
                ? 'its task definition was deregistered'
                : 'deregistering its task definition failed too';
            throw new EnvironmentError(`Cannot create ${label}: ${errorText(error)}; ${cleanup}.`, stageOf(error, 'place'), gone.failed.length === 0 ? 'not-needed' : 'delete-failed');
        }
        try {
            const deployed = await this.bringUp(serviceName, taskDefinitionArn, spec.targetGroupArn === undefined);
            this.log(`created ${label} with ${callsBetween(before, this.apiCalls()).total} AWS API calls`);
            return deployed;
        }
        catch (error) {
            // The whole family goes: when the deployment went into an existing service, its older revision too.
            const report = await this.removeService(serviceName);
            this.merge(report, await this.deregisterFamily(names.family));
            this.merge(report, await this.dropPassword(pr, sha7));
            const cleaned = report.failed.length === 0;
            const cleanup = cleaned
                ? `the service was deleted and its task definitions deregistered`
                : `cleanup failed (${report.failed.map((f) => `${f.resource}: ${f.error}`).join('; ')}); the service keeps ` +
                    `its managed-by=showtime tags, so the cleanup sweep will find it`;
            throw new EnvironmentError(`Cannot create ${label} (service ${serviceName}): ${errorText(error)}; ${cleanup}.`, stageOf(error, 'stable'), cleaned ? 'deleted' : 'delete-failed', serviceName);
        }
    }
    async updateConfiguration(spec) {
        const { pr, sha7 } = requireTarget(spec.pr, spec.sha);
        const names = (0,service_names/* environmentNames */.iF)(pr, sha7);
        const label = `environment ${names.family}`;
        let service;
        let current = {};
        try {
            const services = await this.describeServices([names.primary, names.alternate], false);
            service = services.find((s) => s.status === 'ACTIVE');
            if (service?.taskDefinition) {
                current = await this.clients.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: service.taskDefinition, include: ['TAGS'] }));
            }
        }
        catch (error) {
            throw new EnvironmentError(`Cannot reconfigure ${label}: ${errorText(error)}; nothing was changed.`, 'find', 'not-needed');
        }
        if (!service?.serviceName || !service.taskDefinition || !current.taskDefinition) {
            throw new EnvironmentError(`Cannot reconfigure ${label}: no active service (looked for ${names.primary} and ${names.alternate}).`, 'find', 'not-needed');
        }
        const serviceName = service.serviceName;
        const previousArn = service.taskDefinition;
        let input;
        try {
            input = (0,task_definition/* reviseTaskDefinition */.v5)(current.taskDefinition, {
                containerName: this.settings.containerName,
                size: this.settings.sizes[spec.config.size ?? spec.size],
                config: spec.config,
                tags: current.tags ?? [],
            });
        }
        catch (error) {
            throw new EnvironmentError(`Cannot reconfigure ${label}: ${errorText(error)}`, 'validate', 'not-needed', serviceName);
        }
        const taskDefinitionArn = await this.register(input, label);
        try {
            await step('place', () => this.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
                cluster: this.settings.cluster,
                service: serviceName,
                taskDefinition: taskDefinitionArn,
                desiredCount: 1,
            })));
            // Behind a load balancer, a stable service has passed the load balancer's health check (ECS waits for it).
            return await this.bringUp(serviceName, taskDefinitionArn, (service.loadBalancers ?? []).length === 0);
        }
        catch (error) {
            const rollback = await this.rollBack(serviceName, previousArn, taskDefinitionArn);
            throw new EnvironmentError(`Cannot reconfigure ${label} (service ${serviceName}): ${errorText(error)}; ${rollback.text}.`, stageOf(error, 'place'), rollback.ok ? 'rolled-back' : 'rollback-failed', serviceName);
        }
    }
    async deleteEnvironment(pr, sha) {
        const target = requireTarget(pr, sha);
        const names = (0,service_names/* environmentNames */.iF)(target.pr, target.sha7);
        const report = { deleted: [], alreadyGone: [], failed: [] };
        const before = this.apiCalls();
        let services = [];
        try {
            services = await this.describeServices([names.primary, names.alternate], false);
        }
        catch (error) {
            report.failed.push({ resource: `service/${names.primary}`, error: errorText(error) });
        }
        if (report.failed.length === 0) {
            const byName = new Map(services.map((s) => [s.serviceName, s]));
            for (const name of [names.primary, names.alternate]) {
                const state = (0,service_names/* serviceState */.Lj)(byName.get(name)?.status);
                if (state === 'ACTIVE')
                    this.merge(report, await this.removeService(name));
                // The alternate name is reported only when it was ever used.
                else if (name === names.primary || byName.has(name))
                    report.alreadyGone.push(`service/${name}`);
            }
        }
        this.merge(report, await this.deregisterFamily(names.family));
        this.merge(report, await this.dropPassword(target.pr, target.sha7));
        this.log(`deleted ${names.family}: ${report.deleted.length} removed, ${report.alreadyGone.length} already gone, ` +
            `${report.failed.length} failed, with ${callsBetween(before, this.apiCalls()).total} AWS API calls`);
        return report;
    }
    async listManagedServices() {
        const arns = [];
        let nextToken;
        do {
            const page = await this.clients.ecs.send(new dist_cjs/* ListServicesCommand */.qde({ cluster: this.settings.cluster, maxResults: 10, nextToken }));
            arns.push(...(page.serviceArns ?? []));
            nextToken = page.nextToken;
        } while (nextToken);
        const services = [];
        for (const batch of chunks(arns, 10))
            services.push(...(await this.describeServices(batch, true)));
        return services
            .filter((s) => s.status !== 'INACTIVE' && (0,aws_tags/* isManaged */.yF)(s.tags))
            .map((s) => {
            const tags = (0,aws_tags/* parseEnvironmentTags */.oN)(s.tags);
            const fromName = (0,service_names/* parseServiceName */.qE)(s.serviceName ?? '');
            return {
                serviceName: s.serviceName ?? '',
                pr: tags.pr ?? fromName?.pr,
                sha: tags.sha ?? fromName?.sha,
                requester: tags.requester,
                createdAt: tags.createdAt,
                expiresAt: tags.expiresAt,
                status: s.status ?? 'UNKNOWN',
                desiredCount: s.desiredCount ?? 0,
                runningCount: s.runningCount ?? 0,
                taskDefinitionArn: s.taskDefinition,
            };
        });
    }
    // --- steps -------------------------------------------------------------------------------------------------
    async register(input, label) {
        try {
            const registered = await this.clients.ecs.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(input));
            const arn = registered.taskDefinition?.taskDefinitionArn;
            if (!arn)
                throw new Error('RegisterTaskDefinition returned no ARN');
            this.log(`registered ${arn}`);
            return arn;
        }
        catch (error) {
            throw new EnvironmentError(`Cannot deploy ${label}: registering its task definition failed (${errorText(error)}); nothing was created.`, 'register', 'not-needed');
        }
    }
    /**
     * Stable, address and healthy, overlapped: while the wait for a stable service goes on, the task's address is
     * looked up as soon as ECS reports a running task, and the health polling starts from there (a Superset boot is
     * most of the wait; it need not also wait for ECS to call the service stable). Both must succeed; any failure is a
     * StepFailure naming the step.
     */
    async bringUp(serviceName, taskDefinitionArn, checkHealthDirectly) {
        let address;
        let health;
        let settled = false;
        const startHealth = (found) => (0,aws_health/* checkHealth */.Ns)(`http://${found.host}:${found.port}${this.settings.healthCheckPath}`, {
            budgetMs: this.settings.timeouts.healthMs,
            intervalMs: this.settings.timeouts.healthIntervalMs,
            requestTimeoutMs: this.settings.timeouts.healthRequestMs,
            fetch: this.deps.fetch,
            sleep: this.sleep,
            now: this.now,
            cancelled: () => settled,
        });
        try {
            await step('stable', () => this.waitStable(serviceName, this.settings.timeouts.stableMs, async (service) => {
                if (address !== undefined || (service.runningCount ?? 0) < 1)
                    return;
                address = await this.taskAddress(serviceName, taskDefinitionArn);
                if (address !== undefined && checkHealthDirectly)
                    health = startHealth(address);
            }));
            address ??= await step('address', () => this.findAddress(serviceName, taskDefinitionArn));
            const url = `http://${address.host}:${address.port}`;
            if (!checkHealthDirectly) {
                this.log(`${serviceName} is stable at ${url}; its health is checked through the load balancer`);
                return { serviceName, taskDefinitionArn, address, url };
            }
            health ??= startHealth(address);
            const result = await health;
            if (!result.healthy) {
                throw new StepFailure('health', `health check of ${url}${this.settings.healthCheckPath} failed after ${result.attempts} attempts in ` +
                    `${seconds(result.elapsedMs)} (last: ${result.lastProblem ?? 'unknown'})`);
            }
            this.log(`${serviceName} is healthy at ${url} after ${result.attempts} attempt(s)`);
            return { serviceName, taskDefinitionArn, address, url };
        }
        finally {
            // A health check still polling for a deploy that failed stops at its next attempt.
            settled = true;
        }
    }
    /**
     * Puts the revision into one of the environment's two service names (see service-names.ts): into the service
     * that already runs there, or into a new one. Returns the service name used.
     */
    async placeService(names, taskDefinitionArn, tags, targetGroupArn) {
        const loadBalancers = targetGroupArn
            ? [
                {
                    targetGroupArn,
                    containerName: this.settings.containerName,
                    containerPort: this.settings.containerPort,
                },
            ]
            : undefined;
        const refused = new Set();
        const deadline = this.now() + this.settings.timeouts.drainWaitMs;
        for (let attempt = 1;; attempt += 1) {
            const described = await this.describeServices([names.primary, names.alternate], false);
            const stateOf = (name) => {
                const state = (0,service_names/* serviceState */.Lj)(described.find((s) => s.serviceName === name)?.status);
                // ECS said this name is draining even if DescribeServices has not caught up.
                return state !== 'ACTIVE' && refused.has(name) ? 'DRAINING' : state;
            };
            const choice = (0,service_names/* chooseServiceSlot */.TO)(stateOf(names.primary), stateOf(names.alternate));
            if (choice.kind === 'wait') {
                if (this.now() >= deadline) {
                    throw new StepFailure('place', `both ${names.primary} and ${names.alternate} are still draining from earlier deletions after ` +
                        `${seconds(this.settings.timeouts.drainWaitMs)}; try again in a few minutes`);
                }
                this.log(`${names.primary} and ${names.alternate} are draining; waiting`);
                await this.sleep(this.settings.timeouts.pollIntervalMs);
                continue;
            }
            const name = names[choice.slot];
            if (choice.kind === 'update') {
                const service = described.find((s) => s.serviceName === name);
                await this.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
                    cluster: this.settings.cluster,
                    service: name,
                    taskDefinition: taskDefinitionArn,
                    desiredCount: 1,
                    networkConfiguration: this.networkConfiguration,
                    ...this.capacity,
                    ...(loadBalancers ? { loadBalancers } : {}),
                    forceNewDeployment: true,
                }));
                // The service was tagged when it was created; fresh tags only update requester and dates, so a failure
                // here is not worth undoing the deployment for.
                if (service?.serviceArn) {
                    await this.clients.ecs
                        .send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: service.serviceArn, tags }))
                        .catch((error) => this.log(`re-tagging ${name} failed: ${errorText(error)}`));
                }
                this.log(`deploying ${taskDefinitionArn} into the existing service ${name}`);
                return name;
            }
            try {
                await this.clients.ecs.send(new dist_cjs/* CreateServiceCommand */.JkR({
                    cluster: this.settings.cluster,
                    serviceName: name,
                    taskDefinition: taskDefinitionArn,
                    desiredCount: 1,
                    ...this.capacity,
                    networkConfiguration: this.networkConfiguration,
                    ...(loadBalancers
                        ? { loadBalancers, healthCheckGracePeriodSeconds: LOAD_BALANCER_GRACE_SECONDS }
                        : {}),
                    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
                    tags,
                    propagateTags: 'SERVICE',
                    enableECSManagedTags: true,
                }));
                this.log(`created service ${name}`);
                return name;
            }
            catch (error) {
                // Bounded: each refusal marks one of two names, and a third try means ECS contradicts itself.
                if (!isDrainingRefusal(error) || attempt >= 3)
                    throw error;
                this.log(`ECS refused ${name} (${errorText(error)}); trying the other name`);
                refused.add(name);
            }
        }
    }
    async describeServices(names, withTags) {
        const described = await this.clients.ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({
            cluster: this.settings.cluster,
            services: names,
            ...(withTags ? { include: ['TAGS'] } : {}),
        }));
        return described.services ?? [];
    }
    /**
     * Polls DescribeServices until the service runs its desired count with a single deployment (the condition of
     * the SDK's servicesStable waiter), failing early when the service goes away or its rollout fails.
     */
    async waitStable(serviceName, budgetMs, whileWaiting) {
        const start = this.now();
        const pauses = this.pollPauses();
        for (;;) {
            const [service] = await this.describeServices([serviceName], false);
            if (!service || service.status !== 'ACTIVE') {
                throw new StepFailure('stable', `the service is ${service?.status ?? 'missing'} instead of ACTIVE`);
            }
            const deployments = service.deployments ?? [];
            const primary = deployments.find((d) => d.status === 'PRIMARY');
            if (primary?.rolloutState === 'FAILED') {
                throw new StepFailure('stable', `the deployment failed: ${primary.rolloutStateReason ?? 'no reason given'}`);
            }
            const desired = service.desiredCount ?? 0;
            if (deployments.length <= 1 && desired > 0 && service.runningCount === desired)
                return;
            const elapsed = this.now() - start;
            if (elapsed >= budgetMs) {
                const event = service.events?.[0]?.message;
                throw new StepFailure('stable', `the service did not become stable within ${seconds(budgetMs)} (running ${service.runningCount ?? 0} of ` +
                    `${desired}, ${deployments.length} deployment(s)${event ? `; last event: ${event}` : ''})`);
            }
            await whileWaiting?.(service);
            await this.sleep(Math.min(pauses.next().value, budgetMs - (this.now() - start)));
        }
    }
    /**
     * The pauses of one wait: from min(2 s, poll interval), each half as long again as the one before, up to the poll
     * interval. A service that is up in 30 s is seen within 2–5 s of it; a 15-minute wait still costs few calls.
     */
    *pollPauses() {
        const longest = this.settings.timeouts.pollIntervalMs;
        for (let pause = Math.min(FIRST_POLL_MS, longest);; pause = Math.min(longest, pause * 1.5))
            yield pause;
    }
    /**
     * The running task of this revision in this service. Tasks are picked by `group == service:<name>`, which ECS
     * sets on every task a service starts, rather than by ListTasks' serviceName filter (which moto ignores).
     */
    async findServiceTask(serviceName, taskDefinitionArn) {
        const candidates = (await this.runningTasks(serviceName)).filter((t) => t.group === `service:${serviceName}` && t.taskDefinitionArn === taskDefinitionArn);
        return candidates.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
    }
    /** The RUNNING tasks of one service, or of the whole cluster: every ListTasks page, DescribeTasks 100 at a time. */
    async runningTasks(serviceName) {
        const taskArns = [];
        let nextToken;
        do {
            const page = await this.clients.ecs.send(new dist_cjs/* ListTasksCommand */.MYg({
                cluster: this.settings.cluster,
                ...(serviceName !== undefined ? { serviceName } : {}),
                desiredStatus: 'RUNNING',
                maxResults: 100,
                nextToken,
            }));
            taskArns.push(...(page.taskArns ?? []));
            nextToken = page.nextToken;
        } while (nextToken);
        const tasks = [];
        for (const batch of chunks(taskArns, 100)) {
            const described = await this.clients.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster: this.settings.cluster, tasks: batch }));
            tasks.push(...(described.tasks ?? []).filter((t) => t.lastStatus === 'RUNNING'));
        }
        return tasks;
    }
    /** The environment's ACTIVE service, of its two names; an error naming both when there is none. */
    async activeService(pr, sha, doing) {
        const target = requireTarget(pr, sha);
        const names = (0,service_names/* environmentNames */.iF)(target.pr, target.sha7);
        const service = (await this.describeServices([names.primary, names.alternate], false)).find((s) => s.status === 'ACTIVE');
        if (!service?.serviceName) {
            throw new EnvironmentError(`Cannot ${doing} environment ${names.family}: no active service (looked for ${names.primary} and ${names.alternate}).`, 'find', 'not-needed');
        }
        return service;
    }
    async sleepEnvironment(pr, sha) {
        const service = await this.activeService(pr, sha, 'put to sleep');
        await this.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.settings.cluster,
            service: service.serviceName,
            desiredCount: 0,
        }));
        this.log(`${service.serviceName} is asleep (desiredCount 0)`);
    }
    async wakeEnvironment(pr, sha) {
        const service = await this.activeService(pr, sha, 'wake');
        const serviceName = service.serviceName ?? '';
        const taskDefinitionArn = service.taskDefinition ?? '';
        await this.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({ cluster: this.settings.cluster, service: serviceName, desiredCount: 1 }));
        // Behind a load balancer, stable means the load balancer's health check passed (ECS waits for it).
        return this.bringUp(serviceName, taskDefinitionArn, (service.loadBalancers ?? []).length === 0);
    }
    async currentAddresses(services) {
        const wanted = new Map(services
            .filter((s) => s.status === 'ACTIVE' && s.taskDefinitionArn)
            .map((s) => [`service:${s.serviceName}`, s]));
        const addresses = new Map();
        if (wanted.size === 0)
            return addresses;
        // One listing of the cluster's running tasks, not one per service: about 3 calls per 100 environments.
        const newest = new Map();
        for (const task of await this.runningTasks()) {
            const service = wanted.get(task.group ?? '');
            if (!service || task.taskDefinitionArn !== service.taskDefinitionArn)
                continue;
            const known = newest.get(service.serviceName);
            if (!known || (task.createdAt?.getTime() ?? 0) > (known.createdAt?.getTime() ?? 0))
                newest.set(service.serviceName, task);
        }
        const port = this.settings.containerPort;
        if (!this.settings.assignPublicIp) {
            for (const [name, task] of newest) {
                const ip = interfaceDetail(task, 'privateIPv4Address');
                if (ip)
                    addresses.set(name, { host: ip, port });
            }
            return addresses;
        }
        const interfaces = new Map();
        for (const [name, task] of newest) {
            const eni = interfaceDetail(task, 'networkInterfaceId');
            if (eni)
                interfaces.set(name, eni);
        }
        const ips = await describePublicIps(this.clients.ecs, [...interfaces.values()], this.sleep, () => this.counter.record('EC2', 'DescribeNetworkInterfaces'));
        for (const [name, eni] of interfaces) {
            const ip = ips.get(eni);
            if (ip)
                addresses.set(name, { host: ip, port });
        }
        return addresses;
    }
    async taskIp(task) {
        if (!this.settings.assignPublicIp)
            return interfaceDetail(task, 'privateIPv4Address');
        const eni = interfaceDetail(task, 'networkInterfaceId');
        if (!eni)
            return undefined;
        this.counter.record('EC2', 'DescribeNetworkInterfaces');
        return describePublicIp(this.clients.ecs, eni, this.sleep);
    }
    /** The running task's address, if it has one yet (one look, no waiting). */
    async taskAddress(serviceName, taskDefinitionArn) {
        const task = await this.findServiceTask(serviceName, taskDefinitionArn);
        const ip = task ? await this.taskIp(task) : undefined;
        return ip ? { host: ip, port: this.settings.containerPort } : undefined;
    }
    async findAddress(serviceName, taskDefinitionArn) {
        const budgetMs = this.settings.timeouts.addressMs;
        const start = this.now();
        const pauses = this.pollPauses();
        for (;;) {
            const task = await this.findServiceTask(serviceName, taskDefinitionArn);
            const ip = task ? await this.taskIp(task) : undefined;
            if (ip)
                return { host: ip, port: this.settings.containerPort };
            const elapsed = this.now() - start;
            if (elapsed >= budgetMs) {
                const kind = this.settings.assignPublicIp ? 'public' : 'private';
                throw new StepFailure('address', task
                    ? `task ${task.taskArn} has no ${kind} IP after ${seconds(budgetMs)}`
                    : `no running task of ${taskDefinitionArn} in service:${serviceName} after ${seconds(budgetMs)}`);
            }
            await this.sleep(Math.min(pauses.next().value, budgetMs - elapsed));
        }
    }
    /** Scale to zero and delete (force); never throws. */
    async removeService(serviceName) {
        const report = { deleted: [], alreadyGone: [], failed: [] };
        const resource = `service/${serviceName}`;
        const cluster = this.settings.cluster;
        try {
            // Scaling first lets ECS stop the task in an orderly way; force deletes even if this step fails.
            await this.clients.ecs
                .send(new dist_cjs/* UpdateServiceCommand */.kZr({ cluster, service: serviceName, desiredCount: 0 }))
                .catch((error) => {
                if (isServiceGone(error))
                    throw error;
            });
            await this.clients.ecs.send(new dist_cjs/* DeleteServiceCommand */.o6q({ cluster, service: serviceName, force: true }));
            report.deleted.push(resource);
        }
        catch (error) {
            if (isServiceGone(error))
                report.alreadyGone.push(resource);
            else
                report.failed.push({ resource, error: errorText(error) });
        }
        return report;
    }
    async deregister(taskDefinitionArns) {
        const report = { deleted: [], alreadyGone: [], failed: [] };
        for (const arn of taskDefinitionArns) {
            const resource = `task-definition/${arn.split('/').pop()}`;
            try {
                await this.clients.ecs.send(new dist_cjs/* DeregisterTaskDefinitionCommand */.sjB({ taskDefinition: arn }));
                report.deleted.push(resource);
            }
            catch (error) {
                report.failed.push({ resource, error: errorText(error) });
            }
        }
        return report;
    }
    /** Every ACTIVE revision of exactly this family (familyPrefix is a prefix on AWS, so the family is checked). */
    async deregisterFamily(family) {
        const arns = [];
        try {
            let nextToken;
            do {
                const page = await this.clients.ecs.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse({ familyPrefix: family, status: 'ACTIVE', nextToken }));
                arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => arn.split('/').pop()?.split(':')[0] === family));
                nextToken = page.nextToken;
            } while (nextToken);
        }
        catch (error) {
            return {
                deleted: [],
                alreadyGone: [],
                failed: [{ resource: `task-definition/${family}`, error: errorText(error) }],
            };
        }
        return this.deregister(arns);
    }
    async rollBack(serviceName, previousArn, failedArn) {
        try {
            await this.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
                cluster: this.settings.cluster,
                service: serviceName,
                taskDefinition: previousArn,
                desiredCount: 1,
            }));
            await this.waitStable(serviceName, this.settings.timeouts.stableMs);
        }
        catch (error) {
            return {
                ok: false,
                text: `rolling back to ${previousArn} failed too (${errorText(error)}); the service may run the failed revision`,
            };
        }
        const gone = await this.deregister([failedArn]);
        return {
            ok: true,
            text: `the service was rolled back to ${previousArn}${gone.failed.length ? '' : ' and the failed revision deregistered'}`,
        };
    }
    /** The environment's admin password, when this backend keeps them; never throws. */
    async dropPassword(pr, sha7) {
        const report = { deleted: [], alreadyGone: [], failed: [] };
        const store = this.deps.passwords;
        if (store === undefined)
            return report;
        const resource = `parameter${store.name(pr, sha7)}`;
        try {
            const result = await store.delete(pr, sha7);
            (result === 'deleted' ? report.deleted : report.alreadyGone).push(resource);
        }
        catch (error) {
            report.failed.push({ resource, error: errorText(error) });
        }
        return report;
    }
    merge(into, from) {
        into.deleted.push(...from.deleted);
        into.alreadyGone.push(...from.alreadyGone);
        into.failed.push(...from.failed);
    }
}
function createEcsBackend(settings, deps = {}) {
    return new EcsBackend(settings, deps);
}


/***/ }),

/***/ 2611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ns: () => (/* binding */ checkHealth),
/* harmony export */   W1: () => (/* binding */ hostHeaderFetch),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony export realFetch */
// The HTTP health check of a new environment: retried until it answers 2xx or its budget runs out. The fetch, the
// pause and the clock are injectable so budgets can be tested without waiting.
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const realFetch = async (url, init) => {
    const response = await fetch(url, { signal: init.signal });
    // The body is not needed; dropping it frees the connection.
    await response.body?.cancel();
    return { status: response.status };
};
function describeFailure(error, timeoutMs) {
    // Duck-typed: fetch's errors may come from another realm (a test VM), where instanceof Error is false.
    const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {});
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${timeoutMs / 1000}s`;
    return cause?.code ?? cause?.message ?? message ?? String(error);
}
/**
 * GETs `url` until it answers 2xx. The last attempt starts no later than the budget's end; each attempt is cut off
 * at `requestTimeoutMs` or at what is left of the budget, whichever is shorter (but at least one second).
 */
async function checkHealth(url, options) {
    const fetchOnce = options.fetch ?? realFetch;
    const sleep = options.sleep ?? realSleep;
    const now = options.now ?? Date.now;
    const start = now();
    let attempts = 0;
    let lastProblem;
    for (;;) {
        if (options.cancelled?.())
            return { healthy: false, attempts, elapsedMs: now() - start, lastProblem: 'cancelled' };
        attempts += 1;
        const left = options.budgetMs - (now() - start);
        const timeoutMs = Math.max(1000, Math.min(options.requestTimeoutMs, left));
        try {
            const response = await fetchOnce(url, { signal: AbortSignal.timeout(timeoutMs) });
            if (response.status >= 200 && response.status < 300) {
                return { healthy: true, attempts, elapsedMs: now() - start };
            }
            lastProblem = `HTTP ${response.status}`;
        }
        catch (error) {
            lastProblem = describeFailure(error, timeoutMs);
        }
        const elapsed = now() - start;
        if (elapsed >= options.budgetMs)
            return { healthy: false, attempts, elapsedMs: elapsed, lastProblem };
        await sleep(Math.min(options.intervalMs, options.budgetMs - elapsed));
    }
}
/**
 * A fetch that sends every request with `Host: <host>` (and, over HTTPS, that name for SNI and the certificate
 * check), whatever address the URL names: a health check through a load balancer reaches the environment by its
 * host, also when the URL is the balancer's own address (input load-balancer-address). Node's fetch cannot set Host.
 */
function hostHeaderFetch(host) {
    return async (url, init) => {
        const target = new URL(url);
        const secure = target.protocol === 'https:';
        const { request } = secure ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
        return new Promise((resolve, reject) => {
            const outgoing = request({
                protocol: target.protocol,
                hostname: target.hostname,
                port: target.port || (secure ? 443 : 80),
                path: `${target.pathname}${target.search}`,
                method: 'GET',
                headers: { host },
                ...(secure ? { servername: host } : {}),
                signal: init.signal,
            }, (response) => {
                // The body is not needed; dropping it frees the connection.
                response.resume();
                resolve({ status: response.statusCode ?? 0 });
            });
            outgoing.on('error', reject);
            outgoing.end();
        });
    };
}


/***/ }),

/***/ 4492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ textAt),
/* harmony export */   JO: () => (/* binding */ queryApi),
/* harmony export */   NK: () => (/* binding */ QueryApiError),
/* harmony export */   NO: () => (/* binding */ parseXml),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   ol: () => (/* binding */ members)
/* harmony export */ });
/* unused harmony exports isTransient, withRetries, serviceEndpoint, parseQueryError, unescapeXml */
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);
/* harmony import */ var _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5118);


/** An error answer of a Query API: named by its code, like the SDK's errors ("TargetGroupNotFound: …"). */
class QueryApiError extends Error {
    code;
    status;
    constructor(code, message, status) {
        super(message);
        this.code = code;
        this.status = status;
        this.name = code;
    }
}
/** Throttling and the services' own failures: worth another try (as are any 5xx and transport errors). */
const TRANSIENT_CODES = new Set([
    'RequestLimitExceeded',
    'Throttling',
    'ThrottlingException',
    'InternalError',
    'InternalFailure',
    'ServiceUnavailable',
    'Unavailable',
]);
const ATTEMPTS = 4;
function isTransient(error) {
    if (!(error instanceof QueryApiError))
        return true; // a transport failure: nothing reached the service
    return TRANSIENT_CODES.has(error.code) || (error.status ?? 0) >= 500;
}
/**
 * Runs `once` until it succeeds, fails for good, or has had its attempts (4), pausing 200, 400, 800 ms between
 * tries as the SDK's standard retry would (without its jitter: tests pass a sleep that records).
 */
async function withRetries(once, sleep) {
    for (let attempt = 1;; attempt += 1) {
        try {
            return await once();
        }
        catch (error) {
            if (attempt >= ATTEMPTS || !isTransient(error))
                throw error;
            await sleep(100 * 2 ** attempt);
        }
    }
}
/** Where `service` answers for this client: its custom endpoint (moto, a VPC endpoint) or the regional one. */
async function serviceEndpoint(ecs, service, region) {
    const config = ecs.config;
    if (config.isCustomEndpoint && config.endpoint) {
        const { protocol, hostname, port, path } = await config.endpoint();
        return { protocol, hostname, port, path: path || '/' };
    }
    const fips = (await config.useFipsEndpoint()) ? '-fips' : '';
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return { protocol: 'https:', hostname: `${service}${fips}.${region}.${suffix}`, path: '/' };
}
/** `<Code>` and `<Message>` of an error answer, EC2's (`<Response><Errors><Error>`) or ELB's (`<ErrorResponse><Error>`). */
function parseQueryError(xml, status, label) {
    const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? `HTTP${status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1];
    return new QueryApiError(code, message === undefined ? `${label} answered HTTP ${status}` : unescapeXml(message), status);
}
async function sendOnce(ecs, spec, params) {
    const config = ecs.config;
    const region = await config.region();
    const endpoint = await serviceEndpoint(ecs, spec.service, region);
    const body = new URLSearchParams({ ...params, Version: spec.version }).toString();
    const host = endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`;
    const request = new _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__.HttpRequest({
        ...endpoint,
        method: 'POST',
        headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
    });
    const signer = new _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__.SignatureV4({
        credentials: config.credentials,
        region,
        service: spec.service,
        sha256: config.sha256,
    });
    const signed = await signer.sign(request);
    const { response } = await config.requestHandler.handle(signed);
    const bytes = await config.streamCollector(response.body);
    const xml = new TextDecoder().decode(bytes);
    if (response.statusCode < 200 || response.statusCode >= 300) {
        throw parseQueryError(xml, response.statusCode, spec.label);
    }
    return xml;
}
function queryApi(ecs, spec, sleep) {
    return {
        spec,
        call: (params) => {
            // The type already holds callers to the list; this holds the untyped ones (and the policy) to it too.
            if (!spec.actions.includes(params.Action)) {
                return Promise.reject(new Error(`${spec.label} action ${params.Action} is not declared for this adapter`));
            }
            return withRetries(() => sendOnce(ecs, spec, params), sleep);
        },
    };
}
// --- XML ---------------------------------------------------------------------------------------------------------
function unescapeXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_entity, name) => {
        if (name.startsWith('#x'))
            return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#'))
            return String.fromCodePoint(parseInt(name.slice(1), 10));
        return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? '';
    });
}
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|([^<]+)/g;
/** The document element of an XML answer. Throws on text that is not well-formed in the ways that matter here. */
function parseXml(xml) {
    const root = { name: '#document', children: [], text: '' };
    const open = [root];
    for (const match of xml.matchAll(TOKEN)) {
        const [, closing, name, selfClosing, text] = match;
        const current = open[open.length - 1];
        if (text !== undefined) {
            current.text += unescapeXml(text);
        }
        else if (name === undefined) {
            continue; // a comment or the declaration
        }
        else if (closing) {
            if (current.name !== name)
                throw new Error(`XML answer: </${name}> closes <${current.name}>`);
            open.pop();
        }
        else {
            const element = { name, children: [], text: '' };
            current.children.push(element);
            if (!selfClosing)
                open.push(element);
        }
    }
    if (open.length !== 1)
        throw new Error(`XML answer: <${open[open.length - 1]?.name}> is never closed`);
    const document = root.children[0];
    if (document === undefined)
        throw new Error('XML answer: no element');
    for (const element of walk(document))
        if (element.children.length > 0)
            element.text = '';
    return document;
}
function* walk(element) {
    yield element;
    for (const child of element.children)
        yield* walk(child);
}
/** The first child named `name`, following a path of names: `child(answer, 'CreateRuleResult', 'Rules')`. */
function child(element, ...path) {
    let current = element;
    for (const name of path)
        current = current?.children.find((c) => c.name === name);
    return current;
}
/** The items of a list element: its `member` children (ELB) or `item` children (EC2). */
function members(list) {
    return (list?.children ?? []).filter((c) => c.name === 'member' || c.name === 'item');
}
/** The text of the child at `path`, or undefined when there is no such child. */
function textAt(element, ...path) {
    return child(element, ...path)?.text;
}


/***/ }),

/***/ 8332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ADMIN_PASSWORD_VARIABLE: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.DH),
/* harmony export */   SsmPasswordStore: () => (/* binding */ SsmPasswordStore),
/* harmony export */   createSsmClient: () => (/* binding */ createSsmClient),
/* harmony export */   newPassword: () => (/* binding */ newPassword),
/* harmony export */   passwordName: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.fI),
/* harmony export */   passwordPrefix: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.cF)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4736);
/* harmony import */ var _store_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9697);
// Admin passwords of the environments, as SSM SecureString parameters. ECS hands the value to the container through
// the task definition's `secrets` (the execution role reads it), so it is never in a label, a comment, a log line,
// the task definition or the job summary; maintainers read it with their own AWS access.




const NAME_TAIL = /^pr-(\d+)\/([0-9a-f]{7})$/;
/** 24 random bytes: 32 URL-safe characters, nothing a shell or a form field would trip over. */
function newPassword() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(24).toString('base64url');
}
class SsmPasswordStore {
    client;
    repo;
    generate;
    constructor(client, repo, generate = newPassword) {
        this.client = client;
        this.repo = repo;
        this.generate = generate;
    }
    name(pr, sha7) {
        return (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7);
    }
    async create(pr, sha7) {
        const name = (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7);
        // Overwrite: a redeploy of the same SHA gets a fresh password; the old task stops with the old service.
        await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .PutParameterCommand */ .ihh({
            Name: name,
            Value: this.generate(),
            Type: 'SecureString',
            Overwrite: true,
            Description: `superset-showtime admin password of PR #${pr} at ${sha7}`,
        }));
        return name;
    }
    async delete(pr, sha7) {
        try {
            await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .DeleteParameterCommand */ .Obs({ Name: (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7) }));
            return 'deleted';
        }
        catch (error) {
            const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
            if (name === 'ParameterNotFound')
                return 'already-gone';
            throw error;
        }
    }
    async list() {
        const prefix = (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordPrefix */ .cF)(this.repo);
        const found = [];
        let nextToken;
        do {
            // Metadata only. GetParametersByPath would do, but with it any role could decrypt: the aws/ssm key lets every
            // principal of the account that may call SSM decrypt through SSM. The cleanup role must read no password.
            const page = await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .DescribeParametersCommand */ .$hz({
                ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: [prefix.slice(0, -1)] }],
                MaxResults: 50,
                NextToken: nextToken,
            }));
            for (const parameter of page.Parameters ?? []) {
                const match = NAME_TAIL.exec((parameter.Name ?? '').slice(prefix.length));
                if (!parameter.Name?.startsWith(prefix) || !match?.[1] || !match[2])
                    continue;
                found.push({
                    name: parameter.Name,
                    pr: Number(match[1]),
                    sha7: match[2],
                    modifiedAt: parameter.LastModifiedDate,
                });
            }
            nextToken = page.NextToken;
        } while (nextToken);
        return found;
    }
}
function createSsmClient(settings) {
    return new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj({
        region: settings.region,
        maxAttempts: 5,
        ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    });
}


/***/ }),

/***/ 9580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kf: () => (/* binding */ MANAGED_BY),
/* harmony export */   SE: () => (/* binding */ TAG_KEYS),
/* harmony export */   TA: () => (/* binding */ environmentTags),
/* harmony export */   oN: () => (/* binding */ parseEnvironmentTags),
/* harmony export */   yF: () => (/* binding */ isManaged)
/* harmony export */ });
/* unused harmony exports NO_EXPIRY, tagValue */
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4101);

const TAG_KEYS = {
    managedBy: 'managed-by',
    pr: 'showtime-pr',
    sha: 'showtime-sha',
    requester: 'showtime-requester',
    createdAt: 'showtime-created-at',
    expiresAt: 'showtime-expires-at',
};
const MANAGED_BY = 'showtime';
/** The expiry tag of an environment that lives until its PR closes or someone stops it. */
const NO_EXPIRY = 'none';
const MAX_TAG_VALUE = 256;
// ECS tag values allow letters, digits, spaces and + - = . _ : / @ only (a bot login's brackets are not).
const DISALLOWED = /[^\p{L}\p{N} +\-=._:/@]/gu;
function tagValue(text) {
    return text.replace(DISALLOWED, '_').slice(0, MAX_TAG_VALUE);
}
function environmentTags(fields) {
    return [
        { key: TAG_KEYS.managedBy, value: MANAGED_BY },
        { key: TAG_KEYS.pr, value: String(fields.pr) },
        { key: TAG_KEYS.sha, value: fields.sha7 },
        { key: TAG_KEYS.requester, value: tagValue(fields.requester) },
        { key: TAG_KEYS.createdAt, value: fields.createdAt.toISOString() },
        { key: TAG_KEYS.expiresAt, value: fields.expiresAt ? fields.expiresAt.toISOString() : NO_EXPIRY },
    ];
}
function isManaged(tags) {
    return (tags ?? []).some((t) => t.key === TAG_KEYS.managedBy && t.value === MANAGED_BY);
}
const PR = /^[1-9][0-9]{0,9}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
function parseDate(text) {
    if (text === undefined || !ISO.test(text))
        return undefined;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** Reads the showtime tags; a tag that is missing or damaged leaves its field undefined (never throws). */
function parseEnvironmentTags(tags) {
    const get = (key) => (tags ?? []).find((t) => t.key === key)?.value;
    const parsed = {};
    const pr = get(TAG_KEYS.pr);
    if (pr !== undefined && PR.test(pr))
        parsed.pr = Number(pr);
    const sha = (0,_core_values_js__WEBPACK_IMPORTED_MODULE_0__/* .toSha7 */ .j_)(get(TAG_KEYS.sha) ?? '');
    if (sha !== undefined)
        parsed.sha = sha;
    const requester = get(TAG_KEYS.requester);
    if (requester)
        parsed.requester = requester;
    const createdAt = parseDate(get(TAG_KEYS.createdAt));
    if (createdAt)
        parsed.createdAt = createdAt;
    const expiresAt = parseDate(get(TAG_KEYS.expiresAt));
    if (expiresAt)
        parsed.expiresAt = expiresAt;
    return parsed;
}


/***/ })

};
