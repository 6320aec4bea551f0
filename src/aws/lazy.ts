// The ECS adapter behind a dynamic import(): the AWS SDK is most of a bundle's weight, and a step that never talks
// to AWS (the plan step, a comment command) must not pay for loading it. ncc emits the import as a chunk of its own
// next to index.js.
import diagnostics from 'node:diagnostics_channel';
import type * as EcsAdapter from './ecs.js';
import type { EcsBackendDeps, EnvironmentBackend } from './ecs.js';
import type { EcsSettings } from './settings.js';
import type { EcrImageStore, ImageStore } from './ecr.js';
import type { PasswordStore, SsmPasswordStore } from './ssm.js';
import type { ElbSettings, TrafficRouter } from './elb.js';

type EcsModule = typeof EcsAdapter;

let loading: Promise<EcsModule> | undefined;

export function loadEcsModule(): Promise<EcsModule> {
  return (loading ??= import('./ecs.js'));
}

/**
 * An EnvironmentBackend that loads the SDK and builds the real one on its first call. `settings` is a thunk: the ECS
 * inputs (template, network) are checked only then, so a label event that needs no deploy never fails on them.
 */
export function lazyEcsBackend(
  settings: () => EcsSettings,
  deps: EcsBackendDeps | (() => Promise<EcsBackendDeps>) = {},
): EnvironmentBackend {
  let backend: Promise<EnvironmentBackend> | undefined;
  const get = (): Promise<EnvironmentBackend> =>
    (backend ??= Promise.all([loadEcsModule(), typeof deps === 'function' ? deps() : deps]).then(
      ([ecs, resolved]) => ecs.createEcsBackend(settings(), resolved),
    ));
  return {
    createEnvironment: async (spec) => (await get()).createEnvironment(spec),
    updateConfiguration: async (spec) => (await get()).updateConfiguration(spec),
    deleteEnvironment: async (pr, sha) => (await get()).deleteEnvironment(pr, sha),
    listManagedServices: async () => (await get()).listManagedServices(),
    currentAddresses: async (services) => (await get()).currentAddresses(services),
    sleepEnvironment: async (pr, sha) => (await get()).sleepEnvironment(pr, sha),
    wakeEnvironment: async (pr, sha) => (await get()).wakeEnvironment(pr, sha),
  };
}

/**
 * For a step that will talk to AWS: loads the SDK while the first GitHub request is in flight. Loading is CPU work
 * on the one JS thread, so it starts once that request's headers are on the wire (undici's `client:sendHeaders`
 * channel, which Node's fetch publishes) and overlaps the round trip instead of delaying the request.
 */
export function preloadEcsDuringFirstRequest(): void {
  const channel = diagnostics.channel('undici:client:sendHeaders');
  const onSend = (): void => {
    channel.unsubscribe(onSend);
    setImmediate(() => void loadEcsModule().catch(() => undefined));
  };
  channel.subscribe(onSend);
}

/** The ECR image store, loaded (with its SDK client) on the first call; `repository` names it without loading. */
export function lazyImageStore(repository: string, create: () => Promise<EcrImageStore>): ImageStore {
  let store: Promise<EcrImageStore> | undefined;
  const get = (): Promise<EcrImageStore> => (store ??= create());
  return {
    repository,
    findTag: async (tag) => (await get()).findTag(tag),
    deleteTag: async (tag) => (await get()).deleteTag(tag),
    listTagged: async () => (await get()).listTagged(),
  };
}

/**
 * The SSM password store, loaded on the first call. `load` is shared with the ECS adapter, which is handed the real
 * store so that it counts the SSM calls with its own.
 */
export function lazyPasswordStore(
  name: PasswordStore['name'],
  load: () => Promise<SsmPasswordStore>,
): PasswordStore {
  return {
    name,
    create: async (pr, sha7) => (await load()).create(pr, sha7),
    delete: async (pr, sha7) => (await load()).delete(pr, sha7),
    list: async () => (await load()).list(),
  };
}

/** The ELB router, loaded on its first call with an ECS client whose configuration (credentials, region) it signs with. */
export function lazyRouter(
  settings: ElbSettings,
  aws: Pick<EcsSettings, 'region' | 'endpoint'>,
): TrafficRouter {
  let router: Promise<TrafficRouter> | undefined;
  const get = (): Promise<TrafficRouter> =>
    (router ??= Promise.all([loadEcsModule(), import('./elb.js')]).then(([ecs, elb]) =>
      elb.createElbRouter(ecs.createEcsClients(aws).ecs, settings),
    ));
  return {
    ensureTargetGroup: async (environment) => (await get()).ensureTargetGroup(environment),
    targetHealth: async (arn) => (await get()).targetHealth(arn),
    route: async (target, arn) => (await get()).route(target, arn),
    ruleOf: async (target) => (await get()).ruleOf(target),
    removeRoute: async (target) => (await get()).removeRoute(target),
    removeTargetGroup: async (pr, sha7) => (await get()).removeTargetGroup(pr, sha7),
    targetGroupOf: async (pr, sha7) => (await get()).targetGroupOf(pr, sha7),
    deleteRule: async (rule) => (await get()).deleteRule(rule),
    deleteTargetGroup: async (arn) => (await get()).deleteTargetGroup(arn),
    listManaged: async () => (await get()).listManaged(),
    checkThrough: async (host, url, options) => (await get()).checkThrough(host, url, options),
  };
}
