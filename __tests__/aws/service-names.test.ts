import fc from 'fast-check';
import {
  chooseServiceSlot,
  environmentNames,
  parseServiceName,
  serviceState,
} from '../../src/aws/service-names.js';
import type { ServiceState, SlotChoice } from '../../src/aws/service-names.js';

test('names of an environment', () => {
  expect(environmentNames(34809, 'abc123f')).toEqual({
    family: 'pr-34809-abc123f',
    primary: 'pr-34809-abc123f-service',
    alternate: 'pr-34809-abc123f-service-b',
  });
});

test.each<[string | undefined, ServiceState]>([
  ['ACTIVE', 'ACTIVE'],
  ['DRAINING', 'DRAINING'],
  ['INACTIVE', 'GONE'],
  [undefined, 'GONE'],
])('DescribeServices status %s means %s', (status, state) => {
  expect(serviceState(status)).toBe(state);
});

// Every combination of the two names' states.
test.each<[ServiceState, ServiceState, SlotChoice]>([
  ['ACTIVE', 'ACTIVE', { kind: 'update', slot: 'primary' }],
  ['ACTIVE', 'DRAINING', { kind: 'update', slot: 'primary' }],
  ['ACTIVE', 'GONE', { kind: 'update', slot: 'primary' }],
  ['DRAINING', 'ACTIVE', { kind: 'update', slot: 'alternate' }],
  ['DRAINING', 'DRAINING', { kind: 'wait' }],
  ['DRAINING', 'GONE', { kind: 'create', slot: 'alternate' }],
  ['GONE', 'ACTIVE', { kind: 'update', slot: 'alternate' }],
  ['GONE', 'DRAINING', { kind: 'create', slot: 'primary' }],
  ['GONE', 'GONE', { kind: 'create', slot: 'primary' }],
])('primary %s, alternate %s: %j', (primary, alternate, choice) => {
  expect(chooseServiceSlot(primary, alternate)).toEqual(choice);
});

test.each([
  ['pr-1-abc1234-service', { pr: 1, sha: 'abc1234' }],
  ['pr-1-abc1234-service-b', { pr: 1, sha: 'abc1234' }],
  ['pr-0-abc1234-service', undefined],
  ['pr-1-abc123-service', undefined],
  ['pr-1-ABC1234-service', undefined],
  ['pr-1-abc1234-service-c', undefined],
  ['superset-prod', undefined],
])('parseServiceName(%j)', (name, expected) => {
  expect(parseServiceName(name)).toEqual(expected);
});

test('both service names of an environment parse back to it; other text never throws', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.stringMatching(/^[0-9a-f]{7}$/), (pr, sha) => {
      const names = environmentNames(pr, sha);
      expect(parseServiceName(names.primary)).toEqual({ pr, sha });
      expect(parseServiceName(names.alternate)).toEqual({ pr, sha });
    }),
  );
  fc.assert(fc.property(fc.string(), (text) => void parseServiceName(text)));
});
