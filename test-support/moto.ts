// A throwaway moto_server (local AWS endpoint) per test file or demo: start it on a free loopback port, wait until it
// answers, stop it (and only it) afterwards.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { motoServerCommand } from './tools.js';
import { startPagingProxy } from './aws-paging.js';

export interface MotoServer {
  /**
   * e.g. http://127.0.0.1:41234, for the SDK's `endpoint`: the paging proxy in front of moto (aws-paging.ts), so
   * ListServices, ListTasks and ListTaskDefinitions come in pages as from ECS.
   */
  endpoint: string;
  /** moto itself, unpaged. */
  motoEndpoint: string;
  /** Pages the proxy served per operation. */
  pages(): Record<string, number>;
  port: number;
  pid: number;
  /** Forget every resource (POST /moto-api/reset), cheaper than a restart between tests. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** Extra environment for the server process, e.g. { MOTO_ECS_SERVICE_RUNNING: '1' } (read at start only). */
  env?: Record<string, string>;
  /** How long to wait for the first answer; moto_server needs one to three seconds to import. */
  readyTimeoutMs?: number;
  /** The command to run; `moto_server` from PATH unless MOTO_SERVER_COMMAND says otherwise. */
  command?: string;
}

/** Dummy credentials the SDK's default chain accepts; moto ignores them. */
export const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' } as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(port: number, options: StartMotoOptions): Promise<MotoServer> {
  const command = options.command ?? motoServerCommand();
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept for the error message: moto explains a failed start (port taken, import error) on stderr.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  // A crashed test run must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited(child);
    clearTimeout(escalate);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (!(await answers(endpoint))) {
    if (spawnError || child.exitCode !== null) {
      await stop();
      throw new Error(
        `moto_server did not start on port ${port}: ${spawnError?.message ?? `exit code ${child.exitCode}`}\n${stderr}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`moto_server did not answer on ${endpoint} within the start budget\n${stderr}`);
    }
    await delay(100);
  }
  const paging = await startPagingProxy(endpoint);
  return {
    endpoint: paging.endpoint,
    motoEndpoint: endpoint,
    pages: paging.pages,
    port,
    pid: child.pid ?? -1,
    stop: async () => {
      await paging.stop();
      await stop();
    },
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset answered HTTP ${response.status}`);
    },
  };
}

/**
 * Starts moto_server on a free 127.0.0.1 port. The port is chosen by binding port 0 and releasing it, so another
 * process may grab it in between; a start that fails is retried on a new port.
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(await freePort(), options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * moto advances a task's lastStatus one step per DescribeTasks (RUNNING → … → STOPPED) unless told otherwise; this
 * keeps tasks RUNNING for the test's lifetime, as a healthy Fargate task would be.
 */
export async function keepEcsTasksRunning(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    body: JSON.stringify({
      model_name: 'ecs::task',
      transition: { progression: 'manual', times: 1_000_000 },
    }),
  });
  if (!response.ok) throw new Error(`moto state manager answered HTTP ${response.status}`);
}

/** The harness's own clients: ECS, and EC2 for the network and the addresses (the action itself has no EC2 client). */
export interface TestClients {
  ecs: ECSClient;
  ec2: EC2Client;
}

export function createTestClients(options: { region: string; endpoint: string }): TestClients {
  const config = { region: options.region, endpoint: options.endpoint, maxAttempts: 5 };
  return { ecs: new ECSClient(config), ec2: new EC2Client(config) };
}

/**
 * What a Fargate service needs in moto: a VPC with DNS hostnames (moto's RunTask fails without them), a subnet, a
 * security group, and the cluster.
 */
export async function createTestNetwork(
  clients: TestClients,
  cluster: string,
): Promise<{ subnet: string; securityGroup: string }> {
  const vpc = (await clients.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId;
  await clients.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsHostnames: { Value: true } }));
  const subnet = (await clients.ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24' })))
    .Subnet?.SubnetId;
  const securityGroup = (
    await clients.ec2.send(
      new CreateSecurityGroupCommand({ VpcId: vpc, GroupName: 'showtime', Description: 'test' }),
    )
  ).GroupId;
  await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  return { subnet: subnet ?? '', securityGroup: securityGroup ?? '' };
}
