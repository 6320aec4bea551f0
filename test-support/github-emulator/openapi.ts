// Validates HTTP responses against GitHub's published OpenAPI description (npm @octokit/openapi), so the emulator's
// answers are checked against the contract real clients are generated from, not against our own idea of it.
//
// We read the referenced (not dereferenced) description: 13 MB instead of 73 MB. Each operation's response schema is
// compiled on first use together with just the component schemas it reaches, so a test file pays for what it checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  method: string;
  template: string;
  operationId: string;
  responses: JsonObject;
}

export interface ValidationResult {
  valid: boolean;
  /** Human-readable problems, each naming the JSON path in the body. Empty when valid. */
  errors: string[];
  /** `operationId` of the matched operation, e.g. `issues/remove-label`. */
  operationId?: string;
  /**
   * Which schema the body was checked against: the operation's own response, GitHub's generic error shape for an
   * error status the operation does not list (GitHub sends `basic-error` bodies for 401, 403, 5xx on every route), or
   * none for a response documented without content (204).
   */
  schemaSource?: 'operation' | 'error-fallback' | 'no-content';
}

export interface ResponseToValidate {
  method: string;
  /** A route template as written in the description, e.g. `/repos/{owner}/{repo}/labels/{name}`. */
  route: string;
  status: number;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
}

interface Loaded {
  operations: Map<string, Operation>;
  byMethod: Map<string, { template: string; segments: string[] }[]>;
  ajv: Ajv;
  compiled: Map<string, ValidateFunction>;
  /** `components/schemas` as published (not normalised). */
  schemas: JsonObject;
  /** Component schemas prepared for ajv, filled on demand. */
  prepared: Map<string, Prepared>;
  sharedResponses: JsonObject;
}

interface Prepared {
  schema: Json;
  refs: string[];
}

const COMPONENT_REF = '#/components/schemas/';

let loaded: Loaded | undefined;

function specPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
}

/**
 * OpenAPI 3.0 marks null-able values with `nullable: true`, which ajv only understands next to a `type`; many GitHub
 * schemas put it next to `oneOf`/`$ref`/`enum`. Rewriting every such schema as `anyOf: [schema, {type: null}]` keeps
 * the meaning and works in all those places.
 */
function normalizeNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' && value === true) continue;
    out[key] = normalizeNullable(value);
  }
  return node['nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Points `#/components/schemas/x` at `#/definitions/x` of the compiled root, and lists the names it reached. */
function retarget(node: Json, reached: Set<string>): Json {
  if (Array.isArray(node)) return node.map((n) => retarget(n, reached));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
      const name = value.slice(COMPONENT_REF.length);
      reached.add(name);
      out[key] = `#/definitions/${name}`;
    } else out[key] = retarget(value, reached);
  }
  return out;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export interface Deviation {
  /** A schema under `components/schemas`. */
  schema: string;
  /** Path inside that schema to the value GitHub sends differently. */
  path: string[];
  /** The extra value shape accepted there. */
  accept: JsonObject;
  why: string;
}

/**
 * Places where GitHub's live API sends values its own description does not allow. The validator accepts exactly
 * these extra values there and nothing else, so the emulator can answer like GitHub rather than like the description.
 */
export const DEVIATIONS: readonly Deviation[] = [
  ...['target_url', 'environment_url', 'log_url'].map((field) => ({
    schema: 'deployment-status',
    path: ['properties', field],
    accept: { const: '' },
    why: `GitHub sends "" for an unset ${field} (see the deployment_status payloads recorded in @octokit/webhooks-examples); the description says format: uri`,
  })),
  {
    schema: 'issue-search-result-item',
    path: ['properties', 'body'],
    accept: { type: 'null' },
    why: 'search results use the issue serializer, which sends body: null for an empty body; the issue schema allows null, this one does not',
  },
  {
    schema: 'pull-request-simple',
    path: ['properties', 'labels', 'items', 'properties', 'description'],
    accept: { type: 'null' },
    why: 'labels without a description are serialized with description: null everywhere; the pull-request schema allows null, this one does not',
  },
];

function applyDeviations(name: string, schema: JsonObject): void {
  for (const d of DEVIATIONS) {
    if (d.schema !== name) continue;
    let parent: JsonObject | undefined = schema;
    for (const key of d.path.slice(0, -1)) parent = parent?.[key] as JsonObject | undefined;
    const last = d.path[d.path.length - 1] ?? '';
    const original = parent?.[last];
    if (!parent || original === undefined) {
      throw new Error(
        `OpenAPI deviation ${d.schema}/${d.path.join('/')} no longer exists in the description`,
      );
    }
    parent[last] = { anyOf: [original, d.accept] };
  }
}

function load(): Loaded {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(specPath(), 'utf8')) as JsonObject;
  const paths = spec['paths'] as Record<string, JsonObject>;
  const components = (spec['components'] ?? {}) as JsonObject;

  const operations = new Map<string, Operation>();
  const byMethod = new Map<string, { template: string; segments: string[] }[]>();
  for (const [template, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      const upper = method.toUpperCase();
      operations.set(`${upper} ${template}`, {
        method: upper,
        template,
        operationId: String(op['operationId']),
        responses: (op['responses'] ?? {}) as JsonObject,
      });
      const list = byMethod.get(upper) ?? [];
      list.push({ template, segments: template.split('/') });
      byMethod.set(upper, list);
    }
  }

  // The description uses formats ajv-formats does not define (int32/int64 …); strict:false ignores unknown ones.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  const addFormats = (formatsModule as unknown as { default?: (a: Ajv) => Ajv }).default ?? formatsModule;
  (addFormats as unknown as (a: Ajv) => Ajv)(ajv);
  loaded = {
    operations,
    byMethod,
    ajv,
    compiled: new Map(),
    schemas: (components['schemas'] ?? {}) as JsonObject,
    prepared: new Map(),
    sharedResponses: (components['responses'] ?? {}) as JsonObject,
  };
  return loaded;
}

/** A component schema ready for ajv (nullable normalised, deviations applied, refs retargeted) and what it refers to. */
function prepared(name: string): Prepared {
  const state = load();
  let entry = state.prepared.get(name);
  if (!entry) {
    const raw = state.schemas[name];
    if (raw === undefined) throw new Error(`schema ${name} is not in GitHub's description`);
    const normalised = normalizeNullable(raw) as JsonObject;
    applyDeviations(name, normalised);
    const refs = new Set<string>();
    entry = { schema: retarget(normalised, refs), refs: [...refs] };
    state.prepared.set(name, entry);
  }
  return entry;
}

/**
 * The description's route template for a concrete request path, e.g. `/repos/a/b/labels/%F0%9F%8E%AA` →
 * `/repos/{owner}/{repo}/labels/{name}`. Where several templates fit, the one with a literal segment earliest wins,
 * as in GitHub's router (`/repos/o/r/issues/comments/1` is a comment, not issue `comments`).
 */
export function matchRoute(method: string, pathname: string): string | undefined {
  const candidates = load().byMethod.get(method.toUpperCase()) ?? [];
  const parts = pathname.split('/');
  let best: { template: string; score: number[] } | undefined;
  for (const { template, segments } of candidates) {
    if (segments.length !== parts.length) continue;
    const score: number[] = [];
    let fits = true;
    for (let i = 0; i < segments.length; i += 1) {
      const segment = segments[i] ?? '';
      const isParam = segment.startsWith('{') && segment.endsWith('}');
      if (isParam) {
        if ((parts[i] ?? '') === '') fits = false;
        score.push(0);
      } else {
        if (segment !== parts[i]) fits = false;
        score.push(1);
      }
      if (!fits) break;
    }
    if (!fits) continue;
    if (!best || compareScores(score, best.score) > 0) best = { template, score };
  }
  return best?.template;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the description has this method + template. */
export function hasOperation(method: string, route: string): boolean {
  return load().operations.has(`${method.toUpperCase()} ${route}`);
}

function responseSchema(response: Json): Json | undefined | 'no-content' {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return 'no-content';
  const ref = response['$ref'];
  if (typeof ref === 'string') {
    // A reference to a shared *response* (not a schema), e.g. `#/components/responses/not_found`.
    const name = ref.split('/').pop() ?? '';
    return responseSchema(load().sharedResponses[name] ?? null);
  }
  const content = response['content'] as JsonObject | undefined;
  if (!content) return 'no-content';
  const json = content['application/json'] as JsonObject | undefined;
  return json?.['schema'];
}

function compile(key: string, schema: Json): ValidateFunction {
  const state = load();
  let fn = state.compiled.get(key);
  if (!fn) {
    const pending = new Set<string>();
    const root = retarget(normalizeNullable(schema), pending);
    const definitions: JsonObject = {};
    while (pending.size > 0) {
      const [name] = pending;
      if (name === undefined) break;
      pending.delete(name);
      if (name in definitions) continue;
      const entry = prepared(name);
      definitions[name] = entry.schema;
      for (const next of entry.refs) if (!(next in definitions)) pending.add(next);
    }
    fn = state.ajv.compile({ definitions, allOf: [root] });
    state.compiled.set(key, fn);
  }
  return fn;
}

function describeErrors(fn: ValidateFunction): string[] {
  return (fn.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}

/**
 * Checks one response against the operation's documented responses. A status the operation does not document is an
 * error for 1xx–3xx; for 4xx/5xx the body must still have GitHub's generic error shape.
 */
export function validateResponse(response: ResponseToValidate): ValidationResult {
  const state = load();
  const method = response.method.toUpperCase();
  const op = state.operations.get(`${method} ${response.route}`);
  if (!op) {
    return {
      valid: false,
      errors: [`${method} ${response.route} is not an operation of GitHub's REST description`],
    };
  }
  const documented = op.responses[String(response.status)];
  if (documented === undefined) {
    if (response.status < 400) {
      const listed = Object.keys(op.responses).join(', ');
      return {
        valid: false,
        operationId: op.operationId,
        errors: [`status ${response.status} is not documented for ${op.operationId} (documented: ${listed})`],
      };
    }
    const fn = compile('basic-error', { $ref: '#/components/schemas/basic-error' });
    const valid = fn(response.body) === true && isObject(response.body);
    return {
      valid,
      operationId: op.operationId,
      schemaSource: 'error-fallback',
      errors: valid ? [] : isObject(response.body) ? describeErrors(fn) : ['(body) must be a JSON object'],
    };
  }
  const schema = responseSchema(documented);
  if (schema === 'no-content' || schema === undefined) {
    const valid = response.body === undefined;
    return {
      valid,
      operationId: op.operationId,
      schemaSource: 'no-content',
      errors: valid ? [] : [`status ${response.status} of ${op.operationId} is documented without a body`],
    };
  }
  const fn = compile(`${method} ${response.route} ${response.status}`, schema);
  const valid = fn(response.body) === true;
  return {
    valid,
    operationId: op.operationId,
    schemaSource: 'operation',
    errors: valid ? [] : describeErrors(fn),
  };
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
