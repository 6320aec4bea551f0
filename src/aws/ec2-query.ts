// The one EC2 call the action makes (DescribeNetworkInterfaces, for a task's public IP) as a SigV4-signed request to
// the EC2 Query API. @aws-sdk/client-ec2 costed about half of every bundle and 0.2 s of every cold start for this
// single call; the ECS client already carries everything a signed request needs (credentials chain, region,
// endpoint, signer, HTTP handler), so the call borrows all of it and EC2 is reached exactly as ECS is.
import type { ECSClient } from '@aws-sdk/client-ecs';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/** The EC2 Query API version the request and its XML answer follow. */
const EC2_API_VERSION = '2016-11-15';
/** Answers worth another try: EC2's throttling codes and its own failures (plus any 5xx and transport error). */
const TRANSIENT_CODES = new Set(['RequestLimitExceeded', 'Throttling', 'InternalError', 'Unavailable']);
const ATTEMPTS = 4;

export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    // The code as the name, like the SDK's errors: messages read "InvalidNetworkInterfaceID.NotFound: …".
    this.name = code;
  }
}

function xmlText(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The public IP of the first interface in a DescribeNetworkInterfaces answer: `<association><publicIp>` of its first
 * `<item>`. Undefined when the interface has no association yet (the address comes a little after the task).
 */
export function parsePublicIp(xml: string): string | undefined {
  const association = /<association>([\s\S]*?)<\/association>/.exec(xml)?.[1];
  return association === undefined ? undefined : xmlText(association, 'publicIp');
}

/** EC2's error answer (`<Response><Errors><Error><Code>…<Message>…`) as an Ec2Error. */
export function parseEc2Error(xml: string, status: number): Ec2Error {
  const code = xmlText(xml, 'Code') ?? `HTTP${status}`;
  const message = unescapeXml(xmlText(xml, 'Message') ?? `EC2 answered HTTP ${status}`);
  return new Ec2Error(code, message, status);
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof Ec2Error)) return true; // a transport failure: nothing reached EC2
  return TRANSIENT_CODES.has(error.code) || (error.status ?? 0) >= 500;
}

/** Where EC2 answers for this client: its custom endpoint (moto, a VPC endpoint) or the regional one. */
async function ec2Endpoint(
  ecs: ECSClient,
  region: string,
): Promise<{ protocol: string; hostname: string; port?: number; path: string }> {
  const config = ecs.config;
  if (config.isCustomEndpoint && config.endpoint) {
    const { protocol, hostname, port, path } = await config.endpoint();
    return { protocol, hostname, port, path: path || '/' };
  }
  const fips = (await config.useFipsEndpoint()) ? '-fips' : '';
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { protocol: 'https:', hostname: `ec2${fips}.${region}.${suffix}`, path: '/' };
}

async function describeOnce(ecs: ECSClient, networkInterfaceId: string): Promise<string | undefined> {
  const config = ecs.config;
  const region = await config.region();
  const endpoint = await ec2Endpoint(ecs, region);
  const body = new URLSearchParams({
    Action: 'DescribeNetworkInterfaces',
    Version: EC2_API_VERSION,
    'NetworkInterfaceId.1': networkInterfaceId,
  }).toString();
  const host = endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`;
  const request = new HttpRequest({
    ...endpoint,
    method: 'POST',
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const signer = new SignatureV4({
    credentials: config.credentials,
    region,
    service: 'ec2',
    sha256: config.sha256,
  });
  const signed = await signer.sign(request);
  const { response } = await config.requestHandler.handle(signed as HttpRequest);
  const bytes = await config.streamCollector(response.body);
  const xml = new TextDecoder().decode(bytes);
  if (response.statusCode < 200 || response.statusCode >= 300) throw parseEc2Error(xml, response.statusCode);
  return parsePublicIp(xml);
}

/**
 * DescribeNetworkInterfaces for one interface → its public IP, retried like the SDK would retry it (throttling,
 * 5xx, transport errors; exponential pauses from 100 ms).
 */
export async function describePublicIp(
  ecs: ECSClient,
  networkInterfaceId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<string | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await describeOnce(ecs, networkInterfaceId);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}
