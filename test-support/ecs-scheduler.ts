// SCHEDULER STAND-IN, for tests and demos against moto only.
//
// On AWS, the ECS service scheduler starts a service's tasks, gives each an ENI (with a public IP when the service
// asks for one) and reports them in the service's runningCount. moto records services but has no scheduler: it
// never starts their tasks. This class plays that part, from outside, through the public API:
//   - for every ACTIVE service with desiredCount > 0 and no RUNNING task of its current task definition, it calls
//     RunTask with `group: "service:<name>"` (what ECS sets on service tasks), stops the service's older tasks,
//     gives the new task's ENI a public IP (AllocateAddress with a chosen address + AssociateAddress), and then
//     reports the service running (UpdateService desiredCount, which makes moto set runningCount);
//   - for services that were scaled to zero or deleted, it stops their tasks.
// Choose loopback addresses (127.0.0.N) as public IPs: every 127.x address reaches this machine, so the adapter
// talks to http://127.0.0.N:<port> unchanged and a local HTTP server plays Superset.
// Call keepEcsTasksRunning (moto.ts) first, or moto moves tasks towards STOPPED on every DescribeTasks.
import { AllocateAddressCommand, AssociateAddressCommand } from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type { ECSClient, Service, Task } from '@aws-sdk/client-ecs';
import { registerTaskInTargetGroup, targetGroupInUse } from './alb-standin.js';

export interface ScheduledService {
  serviceName: string;
  taskDefinitionArn: string;
}

export interface EcsSchedulerOptions {
  ecs: ECSClient;
  ec2: EC2Client;
  cluster: string;
  /** The public IP the new task gets; undefined leaves it without one. Default 127.0.0.2. */
  publicIpFor?: (service: ScheduledService) => string | undefined;
  /** Services the scheduler leaves alone: never started, never reported running (a service that cannot start). */
  ignore?: (serviceName: string) => boolean;
  intervalMs?: number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EcsSchedulerStandIn {
  /** What the stand-in did, in order, for assertions and for reading a failed test. */
  readonly events: string[] = [];
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: EcsSchedulerOptions) {}

  /** Polls every intervalMs (default 50) until stop(). */
  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          await this.tick();
        } catch (error) {
          this.events.push(`tick failed: ${(error as Error).message}`);
        }
        await delay(this.options.intervalMs ?? 50);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.loop = undefined;
  }

  /** One pass over the cluster; also callable directly when a test wants no background polling. */
  async tick(): Promise<void> {
    const { ecs, cluster } = this.options;
    const services = await this.services();
    const tasks = await this.runningTasks();
    for (const service of services) {
      const name = service.serviceName ?? '';
      const own = tasks.filter((t) => t.group === `service:${name}`);
      if (service.status !== 'ACTIVE' || (service.desiredCount ?? 0) === 0) {
        await this.stopTasks(
          own,
          `service ${name} is ${service.status} with desiredCount ${service.desiredCount}`,
        );
        continue;
      }
      if (this.options.ignore?.(name) || !service.taskDefinition) continue;
      if (!own.some((t) => t.taskDefinitionArn === service.taskDefinition)) {
        if (!(await this.balancersUsable(service))) continue;
        await this.startTask(service);
        await this.stopTasks(own, `replaced in service ${name}`);
      }
      if (service.runningCount !== service.desiredCount) {
        await ecs.send(
          new UpdateServiceCommand({ cluster, service: name, desiredCount: service.desiredCount }),
        );
        this.events.push(`reported ${name} running`);
      }
    }
  }

  /**
   * ECS refuses CreateService for a target group no load balancer uses ("does not have an associated load
   * balancer"); moto does not, so such a service is never started here, and the deploy that made it fails.
   */
  private async balancersUsable(service: Service): Promise<boolean> {
    for (const balancer of service.loadBalancers ?? []) {
      if (!balancer.targetGroupArn || (await targetGroupInUse(this.options.ecs, balancer.targetGroupArn)))
        continue;
      const event = `refused ${service.serviceName}: its target group has no associated load balancer`;
      if (!this.events.includes(event)) this.events.push(event);
      return false;
    }
    return true;
  }

  private async services(): Promise<Service[]> {
    const { ecs, cluster } = this.options;
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListServicesCommand({ cluster, nextToken }));
      arns.push(...(page.serviceArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const services: Service[] = [];
    for (let i = 0; i < arns.length; i += 10) {
      const described = await ecs.send(
        new DescribeServicesCommand({ cluster, services: arns.slice(i, i + 10), include: ['TAGS'] }),
      );
      services.push(...(described.services ?? []));
    }
    return services;
  }

  private async runningTasks(): Promise<Task[]> {
    const { ecs, cluster } = this.options;
    const listed = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'RUNNING' }));
    const arns = listed.taskArns ?? [];
    const tasks: Task[] = [];
    for (let i = 0; i < arns.length; i += 100) {
      const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
      tasks.push(...(described.tasks ?? []).filter((t) => t.lastStatus === 'RUNNING'));
    }
    return tasks;
  }

  private async startTask(service: Service): Promise<void> {
    const { ecs, ec2, cluster } = this.options;
    const name = service.serviceName ?? '';
    const taskDefinitionArn = service.taskDefinition ?? '';
    const run = await ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: taskDefinitionArn,
        launchType: 'FARGATE',
        group: `service:${name}`,
        startedBy: 'scheduler-stand-in',
        networkConfiguration: service.networkConfiguration,
        ...(service.propagateTags === 'SERVICE' && service.tags?.length ? { tags: service.tags } : {}),
      }),
    );
    const task = run.tasks?.[0];
    if (!task) {
      this.events.push(`RunTask for ${name} started nothing: ${JSON.stringify(run.failures)}`);
      return;
    }
    this.events.push(`started ${taskDefinitionArn.split('/').pop()} for ${name}`);
    const ip = (this.options.publicIpFor ?? (() => '127.0.0.2'))({ serviceName: name, taskDefinitionArn });
    // A service behind a load balancer: ECS registers the task in its target group. The address registered is the
    // loopback one the test world reaches (on AWS, the task's VPC address).
    for (const balancer of service.loadBalancers ?? []) {
      if (!balancer.targetGroupArn || !ip || balancer.containerPort === undefined) continue;
      await registerTaskInTargetGroup(ecs, balancer.targetGroupArn, ip, balancer.containerPort);
      this.events.push(`registered ${name}'s task ${ip}:${balancer.containerPort} in its target group`);
    }
    if (service.networkConfiguration?.awsvpcConfiguration?.assignPublicIp !== 'ENABLED') return;
    const eni = task.attachments?.[0]?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
    if (!eni || !ip) return;
    const allocation = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', Address: ip }));
    await ec2.send(
      new AssociateAddressCommand({ AllocationId: allocation.AllocationId, NetworkInterfaceId: eni }),
    );
    this.events.push(`gave ${name} the public IP ${ip}`);
  }

  private async stopTasks(tasks: Task[], reason: string): Promise<void> {
    for (const task of tasks) {
      await this.options.ecs.send(
        new StopTaskCommand({ cluster: this.options.cluster, task: task.taskArn, reason }),
      );
      this.events.push(`stopped ${task.taskArn?.split('/').pop()}: ${reason}`);
    }
  }
}
