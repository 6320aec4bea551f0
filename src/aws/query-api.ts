// Signed requests to AWS Query APIs (EC2, Elastic Load Balancing v2) without their SDK clients. Those clients cost
// bundle size and cold-start time for the handful of calls the action makes; the ECS client already carries what a
// signed request needs (credentials chain, region, endpoint, signer inputs, HTTP handler, body collector), so every
// Query call borrows it and reaches its service exactly as ECS is reached. Also the few XML helpers the answers need.
import type { ECSClient } from '@aws-sdk/client-ecs';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * One Query API as a caller uses it. `actions` lists every Action the caller may send: a call with another one is
 * refused, and the stack test grants the deploy role exactly these (it reads the literal list).
 */
export interface QueryApiSpec<A extends string> {
  /** The SigV4 signing name, also the endpoint prefix: `ec2`, `elasticloadbalancing`. */
  service: string;
  /** The API version the requests and their XML answers follow. */
  version: string;
  /** How messages name the service: `EC2`, `ELB`. */
  label: string;
  actions: readonly A[];
}

/** A request's parameters in Query form (`Names.member.1`, `Tags.member.1.Key`, …), its Action first. */
export type QueryParams<A extends string> = { Action: A } & Record<string, string>;

export interface QueryApi<A extends string> {
  readonly spec: QueryApiSpec<A>;
  /** Sends one request (retried on throttling, 5xx and transport errors) and returns the XML answer. */
  call(params: QueryParams<A>): Promise<string>;
}

/** An error answer of a Query API: named by its code, like the SDK's errors ("TargetGroupNotFound: …"). */
export class QueryApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
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

export function isTransient(error: unknown): boolean {
  if (!(error instanceof QueryApiError)) return true; // a transport failure: nothing reached the service
  return TRANSIENT_CODES.has(error.code) || (error.status ?? 0) >= 500;
}

/**
 * Runs `once` until it succeeds, fails for good, or has had its attempts (4), pausing 200, 400, 800 ms between
 * tries as the SDK's standard retry would (without its jitter: tests pass a sleep that records).
 */
export async function withRetries<T>(
  once: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await once();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}

export interface Endpoint {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
}

/** Where `service` answers for this client: its custom endpoint (moto, a VPC endpoint) or the regional one. */
export async function serviceEndpoint(ecs: ECSClient, service: string, region: string): Promise<Endpoint> {
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
export function parseQueryError(xml: string, status: number, label: string): QueryApiError {
  const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? `HTTP${status}`;
  const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1];
  return new QueryApiError(
    code,
    message === undefined ? `${label} answered HTTP ${status}` : unescapeXml(message),
    status,
  );
}

async function sendOnce(
  ecs: ECSClient,
  spec: QueryApiSpec<string>,
  params: Record<string, string>,
): Promise<string> {
  const config = ecs.config;
  const region = await config.region();
  const endpoint = await serviceEndpoint(ecs, spec.service, region);
  const body = new URLSearchParams({ ...params, Version: spec.version }).toString();
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
    service: spec.service,
    sha256: config.sha256,
  });
  const signed = await signer.sign(request);
  const { response } = await config.requestHandler.handle(signed as HttpRequest);
  const bytes = await config.streamCollector(response.body);
  const xml = new TextDecoder().decode(bytes);
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw parseQueryError(xml, response.statusCode, spec.label);
  }
  return xml;
}

export function queryApi<A extends string>(
  ecs: ECSClient,
  spec: QueryApiSpec<A>,
  sleep: (ms: number) => Promise<void>,
): QueryApi<A> {
  return {
    spec,
    call: (params) => {
      // The type already holds callers to the list; this holds the untyped ones (and the policy) to it too.
      if (!(spec.actions as readonly string[]).includes(params.Action)) {
        return Promise.reject(
          new Error(`${spec.label} action ${params.Action} is not declared for this adapter`),
        );
      }
      return withRetries(() => sendOnce(ecs, spec, params), sleep);
    },
  };
}

// --- XML ---------------------------------------------------------------------------------------------------------

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? '';
  });
}

/** An element of a Query answer: AWS answers carry no attributes worth reading and no mixed content. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text, unescaped (empty for an element with children). */
  text: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|([^<]+)/g;

/** The document element of an XML answer. Throws on text that is not well-formed in the ways that matter here. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const open: XmlElement[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, name, selfClosing, text] = match;
    const current = open[open.length - 1] as XmlElement;
    if (text !== undefined) {
      current.text += unescapeXml(text);
    } else if (name === undefined) {
      continue; // a comment or the declaration
    } else if (closing) {
      if (current.name !== name) throw new Error(`XML answer: </${name}> closes <${current.name}>`);
      open.pop();
    } else {
      const element: XmlElement = { name, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1) throw new Error(`XML answer: <${open[open.length - 1]?.name}> is never closed`);
  const document = root.children[0];
  if (document === undefined) throw new Error('XML answer: no element');
  for (const element of walk(document)) if (element.children.length > 0) element.text = '';
  return document;
}

function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

/** The first child named `name`, following a path of names: `child(answer, 'CreateRuleResult', 'Rules')`. */
export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

/** The items of a list element: its `member` children (ELB) or `item` children (EC2). */
export function members(list: XmlElement | undefined): XmlElement[] {
  return (list?.children ?? []).filter((c) => c.name === 'member' || c.name === 'item');
}

/** The text of the child at `path`, or undefined when there is no such child. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | undefined {
  return child(element, ...path)?.text;
}
