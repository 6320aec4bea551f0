// LOAD-BALANCER STAND-IN, for tests and demos against moto only.
//
// moto keeps load balancers, listeners, rules and target groups, but routes no traffic. This file builds that world
// (a VPC with two subnets, an ALB, an ACM certificate, an HTTPS listener) and plays the ALB's data plane: an HTTP
// server that, for a request with Host `pr-<N>.<domain>`, reads the listener's rules from moto, follows the rule
// for that host to its target group, picks a healthy registered target (RegisterTargets, which the ECS scheduler
// stand-in calls through registerTaskInTargetGroup) and proxies the request to the target's ip:port. In tests the
// targets are 127.0.0.x ports of local HTTP servers. 404 for a host no rule routes, 503 without a healthy target.
// Rules are read on every request, so one ModifyRule switches the answering environment at once, as on AWS.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { normalDomain } from '../src/aws/elb-names.js';
import { child, members, parseXml, queryApi, textAt } from '../src/aws/query-api.js';
import type { XmlElement } from '../src/aws/query-api.js';

/** The test world's own ELB calls: building the load balancer, and what ECS does on AWS (registering tasks). */
const WORLD_ELB = {
  service: 'elasticloadbalancing',
  version: '2015-12-01',
  label: 'ELB (test world)',
  actions: [
    'CreateLoadBalancer',
    'CreateListener',
    'DescribeRules',
    'DescribeTargetHealth',
    'RegisterTargets',
    'DeregisterTargets',
    'DescribeTargetGroups',
  ],
} as const;

const noPause = async () => {};

function worldElb(ecs: ECSClient) {
  return queryApi(ecs, WORLD_ELB, noPause);
}

const resultOf = (xml: string, action: string): XmlElement | undefined =>
  child(parseXml(xml), `${action}Result`);

/** ACM speaks JSON, not Query: one signed RequestCertificate through the ECS client's configuration. */
async function requestCertificate(ecs: ECSClient, domain: string): Promise<string> {
  const config = ecs.config;
  const region = await config.region();
  const endpoint = await config.endpoint?.();
  if (!endpoint) throw new Error('the test world needs a client with a custom (moto) endpoint');
  const host = endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`;
  const request = new HttpRequest({
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port,
    path: '/',
    method: 'POST',
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'CertificateManager.RequestCertificate',
    },
    body: JSON.stringify({ DomainName: `*.${domain}`, ValidationMethod: 'DNS' }),
  });
  const signed = await new SignatureV4({
    credentials: config.credentials,
    region,
    service: 'acm',
    sha256: config.sha256,
  }).sign(request);
  const url = `${endpoint.protocol}//${host}/`;
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body: String(signed.body),
  });
  const answer = (await response.json()) as { CertificateArn?: string };
  if (!response.ok || !answer.CertificateArn) {
    throw new Error(`ACM RequestCertificate answered ${response.status}`);
  }
  return answer.CertificateArn;
}

export interface LoadBalancerWorld {
  vpcId: string;
  subnets: string[];
  loadBalancerArn: string;
  certificateArn: string;
  listenerArn: string;
  domain: string;
}

/** A VPC with two subnets in two zones (an ALB needs them), an ALB, a wildcard certificate, an HTTPS listener. */
export async function createLoadBalancerWorld(
  clients: { ecs: ECSClient; ec2: EC2Client },
  options: { domain: string; region: string; name?: string },
): Promise<LoadBalancerWorld> {
  const vpcId = (await clients.ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc?.VpcId ?? '';
  const subnets: string[] = [];
  for (const [index, zone] of ['a', 'b'].entries()) {
    const subnet = await clients.ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: `10.1.${index + 1}.0/24`,
        AvailabilityZone: `${options.region}${zone}`,
      }),
    );
    subnets.push(subnet.Subnet?.SubnetId ?? '');
  }
  const elb = worldElb(clients.ecs);
  const balancer = resultOf(
    await elb.call({
      Action: 'CreateLoadBalancer',
      Name: options.name ?? 'showtime-test',
      Type: 'application',
      Scheme: 'internet-facing',
      'Subnets.member.1': subnets[0] ?? '',
      'Subnets.member.2': subnets[1] ?? '',
    }),
    'CreateLoadBalancer',
  );
  const loadBalancerArn = textAt(members(child(balancer, 'LoadBalancers'))[0], 'LoadBalancerArn') ?? '';
  const domain = normalDomain(options.domain);
  const certificateArn = await requestCertificate(clients.ecs, domain);
  const listener = resultOf(
    await elb.call({
      Action: 'CreateListener',
      LoadBalancerArn: loadBalancerArn,
      Protocol: 'HTTPS',
      Port: '443',
      'Certificates.member.1.CertificateArn': certificateArn,
      'DefaultActions.member.1.Type': 'fixed-response',
      'DefaultActions.member.1.FixedResponseConfig.StatusCode': '404',
      'DefaultActions.member.1.FixedResponseConfig.ContentType': 'text/plain',
      'DefaultActions.member.1.FixedResponseConfig.MessageBody': 'no such preview',
    }),
    'CreateListener',
  );
  const listenerArn = textAt(members(child(listener, 'Listeners'))[0], 'ListenerArn') ?? '';
  if (!loadBalancerArn || !listenerArn) throw new Error('moto made no load balancer or listener');
  return { vpcId, subnets, loadBalancerArn, certificateArn, listenerArn, domain };
}

/**
 * What ECS does for a service with a `loadBalancers` entry when its task starts: RegisterTargets with the task's
 * IP and the container port. The scheduler stand-in (ecs-scheduler.ts) is to call this.
 */
export async function registerTaskInTargetGroup(
  ecs: ECSClient,
  targetGroupArn: string,
  ip: string,
  port: number,
): Promise<void> {
  await worldElb(ecs).call({
    Action: 'RegisterTargets',
    TargetGroupArn: targetGroupArn,
    'Targets.member.1.Id': ip,
    'Targets.member.1.Port': String(port),
  });
}

/**
 * Whether a load balancer uses the target group (a listener rule forwards to it). ECS's CreateService refuses a
 * service whose target group none does; moto accepts it, so the scheduler stand-in checks in ECS's place.
 */
export async function targetGroupInUse(ecs: ECSClient, targetGroupArn: string): Promise<boolean> {
  const result = resultOf(
    await worldElb(ecs).call({ Action: 'DescribeTargetGroups', 'TargetGroupArns.member.1': targetGroupArn }),
    'DescribeTargetGroups',
  );
  const group = members(child(result, 'TargetGroups'))[0];
  return members(child(group, 'LoadBalancerArns')).length > 0;
}

/** What ECS does when a service's task stops. */
export async function deregisterTaskFromTargetGroup(
  ecs: ECSClient,
  targetGroupArn: string,
  ip: string,
  port: number,
): Promise<void> {
  await worldElb(ecs).call({
    Action: 'DeregisterTargets',
    TargetGroupArn: targetGroupArn,
    'Targets.member.1.Id': ip,
    'Targets.member.1.Port': String(port),
  });
}

export interface AlbStandIn {
  /** `http://127.0.0.1:<port>`: send requests here with the Host header the ALB would see. */
  endpoint: string;
  /** What it routed, in order: `<host> → <ip:port>` or `<host> → 404|503`. */
  routed: string[];
  stop(): Promise<void>;
}

interface Route {
  target?: { ip: string; port: number };
  status?: 404 | 503;
}

async function routeFor(ecs: ECSClient, listenerArn: string, host: string): Promise<Route> {
  const elb = worldElb(ecs);
  const rules: XmlElement[] = [];
  let marker: string | undefined;
  do {
    const result = resultOf(
      await elb.call({
        Action: 'DescribeRules',
        ListenerArn: listenerArn,
        ...(marker !== undefined ? { Marker: marker } : {}),
      }),
      'DescribeRules',
    );
    rules.push(...members(child(result, 'Rules')));
    marker = textAt(result, 'NextMarker') || undefined;
  } while (marker !== undefined);
  // As the ALB does: rules in priority order, the first whose host-header condition matches.
  const ordered = rules
    .filter((rule) => /^\d+$/.test(textAt(rule, 'Priority') ?? ''))
    .sort((a, b) => Number(textAt(a, 'Priority')) - Number(textAt(b, 'Priority')));
  const match = ordered.find((rule) =>
    members(child(rule, 'Conditions')).some(
      (condition) =>
        textAt(condition, 'Field') === 'host-header' &&
        [
          ...members(child(condition, 'Values')),
          ...members(child(condition, 'HostHeaderConfig', 'Values')),
        ].some((value) => value.text.toLowerCase() === host),
    ),
  );
  if (!match) return { status: 404 };
  const forward = members(child(match, 'Actions')).find((action) => textAt(action, 'Type') === 'forward');
  const targetGroupArn =
    textAt(forward, 'TargetGroupArn') ??
    textAt(members(child(forward, 'ForwardConfig', 'TargetGroups'))[0], 'TargetGroupArn');
  if (!targetGroupArn) return { status: 503 };
  const health = resultOf(
    await elb.call({ Action: 'DescribeTargetHealth', TargetGroupArn: targetGroupArn }),
    'DescribeTargetHealth',
  );
  const healthy = members(child(health, 'TargetHealthDescriptions')).filter(
    (description) => textAt(description, 'TargetHealth', 'State') === 'healthy',
  );
  const target = healthy[Math.floor(Math.random() * healthy.length)];
  if (!target) return { status: 503 };
  return {
    target: { ip: textAt(target, 'Target', 'Id') ?? '', port: Number(textAt(target, 'Target', 'Port')) },
  };
}

function proxy(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  target: { ip: string; port: number },
): Promise<void> {
  return new Promise((resolve) => {
    const upstream = httpRequest(
      {
        host: target.ip,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', resolve);
      },
    );
    upstream.on('error', () => {
      // The ALB answers 502 when a target it sent to fails.
      if (!outgoing.headersSent) outgoing.writeHead(502).end('bad gateway');
      resolve();
    });
    incoming.pipe(upstream);
  });
}

/** Starts the stand-in for one listener and domain on a free 127.0.0.1 port. */
export async function startAlbStandIn(options: {
  ecs: ECSClient;
  listenerArn: string;
  domain: string;
}): Promise<AlbStandIn> {
  const domain = normalDomain(options.domain);
  const routed: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const host = (incoming.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const answer = async () => {
      const route = host.endsWith(`.${domain}`)
        ? await routeFor(options.ecs, options.listenerArn, host)
        : { status: 404 as const };
      if (route.target) {
        routed.push(`${host} → ${route.target.ip}:${route.target.port}`);
        await proxy(incoming, outgoing, route.target);
      } else {
        routed.push(`${host} → ${route.status}`);
        outgoing.writeHead(route.status ?? 503, { 'content-type': 'text/plain' }).end(String(route.status));
      }
    };
    answer().catch((error: unknown) => {
      routed.push(`${host} → 500 (${(error as Error).message})`);
      if (!outgoing.headersSent) outgoing.writeHead(500).end('stand-in failed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    routed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
