// The paging proxy in front of moto (test-support/aws-paging.ts): moto returns every item in one page, the proxy
// pages as ECS does, so the adapter's nextToken loops are really exercised.
import {
  CreateClusterCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { createEcsClients } from '../../src/aws/ecs.js';
import type { EcsClients } from '../../src/aws/ecs.js';
import type { MotoServer } from '../../test-support/moto.js';
import { MOTO_CREDENTIALS, startMoto } from '../../test-support/moto.js';

let moto: MotoServer;
let clients: EcsClients;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  moto = await startMoto();
  for (const [key, value] of Object.entries(MOTO_CREDENTIALS)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  clients = createEcsClients({ region: 'us-west-2', endpoint: moto.endpoint });
  await clients.ecs.send(new CreateClusterCommand({ clusterName: 'paging' }));
  for (let i = 0; i < 25; i += 1) {
    await clients.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: `paging-${i}`,
        containerDefinitions: [{ name: 'app', image: 'app', memory: 128 }],
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

test('moto alone answers in one page; through the proxy the pages have ECS sizes and tokens', async () => {
  const direct = createEcsClients({ region: 'us-west-2', endpoint: moto.motoEndpoint });
  const unpaged = await direct.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 10 }));
  expect(unpaged.taskDefinitionArns).toHaveLength(25);

  const seen: string[] = [];
  const sizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 10, nextToken }));
    sizes.push(page.taskDefinitionArns?.length ?? 0);
    seen.push(...(page.taskDefinitionArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  expect(sizes).toEqual([10, 10, 5]);
  expect(new Set(seen)).toEqual(new Set(unpaged.taskDefinitionArns));
});

test('a token the proxy did not hand out, or a page size ECS refuses, gets ECS’s error', async () => {
  await expect(
    clients.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 10, nextToken: 'forged' })),
  ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(clients.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 101 }))).rejects.toMatchObject({
    name: 'InvalidParameterException',
  });
});
