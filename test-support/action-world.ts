// The whole test world for end-to-end runs of the bundled entrypoints, as a runner would start them: the GitHub
// emulator, a moto_server with the ECS scheduler stand-in, a local HTTP server playing Superset's /health, and the
// recording docker first on PATH. Used by the e2e tests, the demo and the benchmarks.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { environmentNames } from '../src/aws/service-names.js';
import { environmentTags, TAG_KEYS } from '../src/aws/tags.js';
import { inputEnvName, inputsOf } from '../src/inputs.js';
import type { ActionName } from '../src/inputs.js';
import { ARCHIVE_FILE } from '../src/docker/archive.js';
import { startRegistry } from './registry.js';
import type { LocalRegistry } from './registry.js';
import { EcsSchedulerStandIn } from './ecs-scheduler.js';
import { fakeDocker } from './fake-docker/index.js';
import type { FakeDocker, FakeDockerScript } from './fake-docker/index.js';
import { startEmulator } from './github-emulator/index.js';
import type { Emulator } from './github-emulator/index.js';
import type { SeedPull } from './github-emulator/seed.js';
import type { Role } from './github-emulator/seed.js';
import {
  createTestClients,
  createTestNetwork,
  keepEcsTasksRunning,
  MOTO_CREDENTIALS,
  startMoto,
} from './moto.js';
import type { MotoServer, TestClients } from './moto.js';
import { createLoadBalancerWorld, startAlbStandIn } from './alb-standin.js';
import type { AlbStandIn, LoadBalancerWorld } from './alb-standin.js';

export const OWNER = 'apache';
export const NAME = 'superset';
export const FULL = `${OWNER}/${NAME}`;
export const REPO = { owner: OWNER, repo: NAME };
export const REGION = 'us-west-2';
export const CLUSTER = 'superset-ci';
/** Every 127.x address reaches this machine: the scheduler stand-in gives tasks this "public" IP. */
export const TASK_IP = '127.0.0.2';
/** Load-balancer mode: the preview domain of the test world's listener. */
export const PREVIEW_DOMAIN = 'showtime.example.org';
/** Load-balancer mode: each new service's task gets the next of these, each served by its own fake Superset. */
const BALANCED_TASK_IPS = ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8'];

export interface BalancerWorld {
  world: LoadBalancerWorld;
  standIn: AlbStandIn;
  /** A GET through the load balancer stand-in with this Host; `task` is the IP of the fake Superset that answered. */
  get(host: string, path?: string): Promise<{ status: number; task?: string }>;
}

export interface StepResult {
  /** The step's RUNNER_TEMP. */
  dir: string;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface MainRun {
  plan: StepResult;
  run?: StepResult;
}

export interface SplitRun {
  plan: StepResult;
  build?: StepResult;
  deploy?: StepResult;
}

export interface SplitOptions extends RunOptions {
  /** Between the build job's upload and the deploy job's download: what a job that can write artifacts could do. */
  onArtifact?: (archive: string) => void | Promise<void>;
  /** Extra environment of the build job's step only (e.g. the fake docker's FAKE_DOCKER_FAIL_BUILD). */
  buildEnv?: Record<string, string>;
}

export type Step = 'plan' | 'run' | 'cleanup' | 'build' | 'deploy';

export interface WorldOptions {
  pulls?: SeedPull[];
  collaborators?: Record<string, Role>;
  docker?: FakeDockerScript;
  /** HTTP status the fake Superset answers on /health. */
  healthStatus?: number;
  /** The emulator's primary limits per window (default: practically unlimited); the scale test uses GitHub's. */
  rateLimits?: { core?: number; search?: number };
  /** Where the bundles are (default dist/); the long reliability runs use a copy, safe from concurrent rebuilds. */
  distDir?: string;
  /** How often the scheduler stand-in polls moto (default 50 ms); long runs poll less to leave the CPU to the runs. */
  schedulerIntervalMs?: number;
  /** False: no scheduler stand-in (a test that only sweeps thousands of seeded services, and deploys nothing). */
  scheduler?: boolean;
  /** Start a real OCI registry on loopback; image-repository then points at it. */
  registry?: boolean;
  /** Inputs every step of this world gets, on top of the world's own (a run's inputs override both). */
  inputs?: Record<string, string>;
  /**
   * Load-balancer mode: an ALB with an HTTPS listener in moto, the stand-in that plays its data plane, and a fake
   * Superset per task IP, so that which environment answers a host is visible.
   */
  loadBalancer?: boolean;
}

export interface ActionWorld {
  github: Emulator;
  moto: MotoServer;
  clients: TestClients;
  docker: FakeDocker;
  /** The loopback registry, when the world was started with `registry: true`. */
  registry?: LocalRegistry;
  /** The load balancer, when the world was started with `loadBalancer: true`. */
  balancer?: BalancerWorld;
  /** Change what /health answers (e.g. 503 to fail the next deploy's health check). */
  setHealth(status: number): void;
  /** Inputs every run gets (the test's repository, moto, the fake Superset); a run may override any. */
  baseInputs: Record<string, string>;
  runMain(event: string, payload: unknown, options?: RunOptions): Promise<MainRun>;
  runStep(step: Step, event: string, payload: unknown, options?: RunOptions): Promise<StepResult>;
  /**
   * The split form as the example workflow runs it: the plan job, the build job when the plan says so (its archive
   * carried to the deploy job as upload/download-artifact would), then the deploy job with the plan's and the
   * build's outputs. The jobs share the run id, as jobs of one workflow run do.
   */
  runSplit(event: string, payload: unknown, options?: SplitOptions): Promise<SplitRun>;
  /** Names of ECS services that are ACTIVE in the cluster. */
  activeServices(): Promise<string[]>;
  /**
   * What Fargate does to a task that fails or is retired: the service's task stops and the scheduler stand-in starts
   * a replacement, which gets `ip` (public-IP mode). Resolves once the replacement runs.
   */
  replaceTask(serviceName: string, ip: string): Promise<void>;
  labels(pr: number): string[];
  stop(): Promise<void>;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Unique per run by default: a run's lock holder is its run id. */
  runId?: string;
  /** Extra env only for the run step (e.g. SHOWTIME_PLAN_FILE is set automatically). */
  planFile?: string;
  /** Which action's inputs the step is handed; the plan bundle runs as the split form's plan job for 'plan'. */
  action?: ActionName;
  /** Kills the step with SIGKILL when aborted: a runner that dies mid-step (the reliability tests' crashes). */
  signal?: AbortSignal;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let runCounter = 1000;

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i += 1) value.push(lines[i] ?? '');
      outputs[heredoc[1]] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function listen(server: Server, port = 0, ip = TASK_IP): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

export async function startActionWorld(options: WorldOptions = {}): Promise<ActionWorld> {
  const github = await startEmulator({
    seed: {
      repositories: [
        {
          owner: OWNER,
          name: NAME,
          pulls: options.pulls ?? [],
          collaborators: options.collaborators ?? { maintainer: 'admin', writer: 'write', triager: 'triage' },
        },
      ],
      rateLimits: { core: 1_000_000, search: 1_000_000, ...options.rateLimits },
    },
  });
  const moto = await startMoto();
  await keepEcsTasksRunning(moto.endpoint);
  // The harness's own clients use the SDK's default chain too: give it moto's dummy keys.
  for (const [key, value] of Object.entries(MOTO_CREDENTIALS)) process.env[key] ??= value;
  const clients = createTestClients({ region: REGION, endpoint: moto.endpoint });
  const { subnet, securityGroup: group } = await createTestNetwork(clients, CLUSTER);

  let health = options.healthStatus ?? 200;
  const fakeSuperset = (ip: string) =>
    createServer((request, response) => {
      response
        .writeHead(request.url === '/health' ? health : 404, { 'x-task-ip': ip })
        .end(health === 200 ? 'OK' : 'starting');
    });
  const superset = fakeSuperset(TASK_IP);
  const port = await listen(superset);
  const servers: Server[] = [superset];
  let balancer: BalancerWorld | undefined;
  const balancedIps = new Map<string, string>();
  /** Services whose task Fargate replaced (replaceTask), with the IP the replacement gets. */
  const replacedIps = new Map<string, string>();
  if (options.loadBalancer) {
    for (const ip of BALANCED_TASK_IPS) {
      const server = fakeSuperset(ip);
      await listen(server, port, ip);
      servers.push(server);
    }
    const lbWorld = await createLoadBalancerWorld(clients, { domain: PREVIEW_DOMAIN, region: REGION });
    const standIn = await startAlbStandIn({
      ecs: clients.ecs,
      listenerArn: lbWorld.listenerArn,
      domain: PREVIEW_DOMAIN,
    });
    balancer = {
      world: lbWorld,
      standIn,
      async get(host, requestPath = '/health') {
        const { request } = await import('node:http');
        const endpoint = new URL(standIn.endpoint);
        return new Promise((resolve, reject) => {
          const outgoing = request(
            { hostname: endpoint.hostname, port: endpoint.port, path: requestPath, headers: { host } },
            (answer) => {
              answer.resume();
              const task = answer.headers['x-task-ip'];
              resolve({ status: answer.statusCode ?? 0, ...(typeof task === 'string' ? { task } : {}) });
            },
          );
          outgoing.on('error', reject);
          outgoing.end();
        });
      },
    };
  }
  const scheduler = new EcsSchedulerStandIn({
    ...clients,
    cluster: CLUSTER,
    intervalMs: options.schedulerIntervalMs ?? 50,
    // Load-balancer mode: each service its own task IP (round robin), so a switch shows in who answers.
    publicIpFor: ({ serviceName }) => {
      if (!options.loadBalancer) return replacedIps.get(serviceName) ?? TASK_IP;
      const known = balancedIps.get(serviceName);
      if (known) return known;
      const ip = BALANCED_TASK_IPS[balancedIps.size % BALANCED_TASK_IPS.length] ?? TASK_IP;
      balancedIps.set(serviceName, ip);
      return ip;
    },
  });
  if (options.scheduler !== false) scheduler.start();

  const registry = options.registry ? await startRegistry() : undefined;
  const docker = fakeDocker(options.docker ?? {});
  const scratch = mkdtempSync(path.join(tmpdir(), 'showtime-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(path.join(workspace, '.showtime', 'checkout'), { recursive: true });

  const baseInputs: Record<string, string> = {
    'github-token': github.token,
    'aws-region': REGION,
    'ecs-cluster': CLUSTER,
    subnets: subnet ?? '',
    'security-groups': group ?? '',
    'aws-endpoint': moto.endpoint,
    // The stack's ECR repository (the default) is not in moto: tests that want it create it and pass its URI.
    'image-repository': 'apache/superset',
    // The admin password reaches the task as a secret, which ECS reads with the execution role.
    'execution-role-arn': 'arn:aws:iam::123456789012:role/superset-showtime-execution',
    'container-port': String(port),
    'poll-interval-seconds': '0.1',
    'stable-timeout-minutes': '1',
    'health-timeout-seconds': '60',
    ...(registry ? { 'image-repository': `${registry.host}/apache/superset` } : {}),
    ...(balancer
      ? {
          'load-balancer-listener-arn': balancer.world.listenerArn,
          'preview-domain': PREVIEW_DOMAIN,
          'load-balancer-vpc-id': balancer.world.vpcId,
          // The stand-in plays the load balancer on loopback: health checks go there with the preview host as Host.
          'load-balancer-address': balancer.standIn.endpoint,
        }
      : {}),
    ...options.inputs,
  };

  async function runStep(
    step: Step,
    event: string,
    payload: unknown,
    run: RunOptions = {},
  ): Promise<StepResult> {
    const dir = mkdtempSync(path.join(scratch, `${step}-`));
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(payload));
    const outputFile = path.join(dir, 'output');
    const summaryFile = path.join(dir, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const action: ActionName =
      run.action ?? (step === 'cleanup' ? 'cleanup' : step === 'build' || step === 'deploy' ? step : 'main');
    const inputs = { ...baseInputs, ...run.inputs };
    const runner: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: FULL,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: run.runId ?? String((runCounter += 1)),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: dir,
      ...(registry ? { SHOWTIME_INSECURE_REGISTRY: registry.host } : {}),
    };
    // The build job's step gets what a runner gives a `run:` step of a job with `contents: read` and no secrets:
    // PATH, HOME and the GITHUB_* facts, no GITHUB_TOKEN (a runner never puts it in the environment by itself), no
    // AWS variable and no INPUT_ but the build action's own. The fake docker's own variables ride along.
    const env: Record<string, string> =
      step === 'build'
        ? {
            PATH: docker.env.PATH ?? '',
            HOME: path.join(scratch, 'build-home'),
            ...Object.fromEntries(
              Object.entries(docker.env).filter(([key]) => key.startsWith('FAKE_DOCKER_')),
            ),
            ...runner,
            ...run.env,
          }
        : {
            ...docker.env,
            ...MOTO_CREDENTIALS,
            AWS_REGION: REGION,
            ...runner,
            SHOWTIME_GITHUB_PACING: 'off',
            SHOWTIME_GITHUB_DELAY_UNIT_MS: '1',
            ...(run.planFile ? { SHOWTIME_PLAN_FILE: run.planFile } : {}),
            ...(action === 'plan' ? { SHOWTIME_JOB: 'plan' } : {}),
            ...run.env,
          };
    // As the composite action passes them: every declared input, explicitly, empty when not set.
    for (const input of inputsOf(action))
      env[inputEnvName(input.name)] = inputs[input.name] ?? input.default ?? '';
    if (inputsOf(action).some((input) => input.name === 'github-token'))
      env[inputEnvName('github-token')] = inputs['github-token'] ?? '';
    const child = spawn(
      process.execPath,
      [path.join(options.distDir ?? path.join(ROOT, 'dist'), step, 'index.js')],
      {
        env,
        cwd: workspace,
        ...(run.signal ? { signal: run.signal, killSignal: 'SIGKILL' as const } : {}),
      },
    );
    let stdout = '';
    let stderr = '';
    // An abort kills the child and reports an AbortError here; 'close' still follows with the signal.
    child.on('error', (error) => (stderr += `\n${error.name}: ${error.message}`));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
    return {
      dir,
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
    };
  }

  return {
    github,
    moto,
    clients,
    docker,
    registry,
    ...(balancer ? { balancer } : {}),
    baseInputs,
    setHealth: (status) => {
      health = status;
    },
    runStep,
    async runMain(event, payload, run = {}) {
      const runId = run.runId ?? String((runCounter += 1));
      const plan = await runStep('plan', event, payload, { ...run, runId });
      if (plan.code !== 0 || !plan.outputs['plan-file']) return { plan };
      // The composite's checkout and buildx steps run here when build-needed; the recording docker stands in.
      const result = await runStep('run', event, payload, {
        ...run,
        runId,
        planFile: plan.outputs['plan-file'],
      });
      return { plan, run: result };
    },
    async runSplit(event, payload, run = {}) {
      const runId = run.runId ?? String((runCounter += 1));
      const plan = await runStep('plan', event, payload, { ...run, runId, action: 'plan' });
      if (plan.code !== 0) return { plan };
      let build: StepResult | undefined;
      const handover: Record<string, string> = { plan: plan.outputs.plan ?? '', 'build-result': 'skipped' };
      const download = mkdtempSync(path.join(scratch, 'download-'));
      if (plan.outputs['build-needed'] === 'true') {
        build = await runStep('build', event, payload, {
          runId,
          inputs: { ...run.inputs, plan: plan.outputs.plan ?? '' },
          env: run.buildEnv,
        });
        handover['build-result'] = build.code === 0 ? 'success' : 'failure';
        handover['archive-digest'] = build.outputs['archive-digest'] ?? '';
        const archive = build.outputs['archive-path'];
        if (build.code === 0 && archive) {
          // upload-artifact and download-artifact: the file, under the same name, in the deploy job's directory.
          writeFileSync(path.join(download, ARCHIVE_FILE), readFileSync(archive));
          await run.onArtifact?.(path.join(download, ARCHIVE_FILE));
        }
      }
      const deploy = await runStep('deploy', event, payload, {
        ...run,
        runId,
        inputs: { ...run.inputs, ...handover },
        env: { SHOWTIME_ARCHIVE_DIR: download, ...run.env },
      });
      return { plan, build, deploy };
    },
    async activeServices() {
      const arns =
        (await clients.ecs.send(new ListServicesCommand({ cluster: CLUSTER, maxResults: 100 })))
          .serviceArns ?? [];
      if (arns.length === 0) return [];
      const names: string[] = [];
      for (let i = 0; i < arns.length; i += 10) {
        const described = await clients.ecs.send(
          new DescribeServicesCommand({ cluster: CLUSTER, services: arns.slice(i, i + 10) }),
        );
        for (const service of described.services ?? []) {
          if (service.status === 'ACTIVE' && service.serviceName) names.push(service.serviceName);
        }
      }
      return names.sort();
    },
    async replaceTask(serviceName, ip) {
      replacedIps.set(serviceName, ip);
      const listed = await clients.ecs.send(
        new ListTasksCommand({ cluster: CLUSTER, serviceName, desiredStatus: 'RUNNING' }),
      );
      const old = listed.taskArns ?? [];
      for (const task of old)
        await clients.ecs.send(
          new StopTaskCommand({ cluster: CLUSTER, task, reason: 'replaced by Fargate' }),
        );
      const deadline = Date.now() + 20_000;
      while (!scheduler.events.some((event) => event === `gave ${serviceName} the public IP ${ip}`)) {
        if (Date.now() > deadline) throw new Error(`the stand-in started no replacement for ${serviceName}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    labels: (pr) => github.store.labelNames(FULL, pr),
    async stop() {
      await scheduler.stop();
      await balancer?.standIn.stop();
      for (const server of servers) await new Promise((resolve) => server.close(resolve));
      await moto.stop();
      await github.stop();
      await registry?.stop();
      docker.dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface ManagedServiceSeed {
  pr: number;
  sha7: string;
  /** The created-at tag; null leaves the tag out (a service that cannot be dated). */
  createdAt: Date | null;
  requester?: string;
}

/**
 * An ECS service tagged as showtime tags its own, created directly in moto (no deploy, no PR labels): what a run
 * that died after creating its service, or someone's manual experiment, leaves behind. desiredCount 0 keeps the
 * scheduler stand-in away from it. Returns the service name.
 */
export async function createManagedService(world: ActionWorld, seed: ManagedServiceSeed): Promise<string> {
  const names = environmentNames(seed.pr, seed.sha7);
  const registered = await world.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: names.family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'superset', image: 'apache/superset:seed', memory: 512 }],
    }),
  );
  const tags = environmentTags({
    pr: seed.pr,
    sha7: seed.sha7,
    requester: seed.requester ?? 'maintainer',
    createdAt: seed.createdAt ?? new Date(0),
  }).filter((tag) => seed.createdAt !== null || tag.key !== TAG_KEYS.createdAt);
  await world.clients.ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: names.primary,
      taskDefinition: registered.taskDefinition?.taskDefinitionArn,
      desiredCount: 0,
      tags,
    }),
  );
  return names.primary;
}
