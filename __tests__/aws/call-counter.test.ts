import { ApiCallCounter, callsBetween } from '../../src/aws/call-counter.js';

test('counts by client and command, without the SDK suffixes', () => {
  const counter = new ApiCallCounter();
  counter.record('ECSClient', 'CreateServiceCommand');
  counter.record('ECSClient', 'CreateServiceCommand');
  counter.record('EC2Client', 'DescribeNetworkInterfacesCommand');
  counter.record(undefined, undefined);
  expect(counter.snapshot()).toEqual({
    'AWS:unknown': 1,
    'EC2:DescribeNetworkInterfaces': 1,
    'ECS:CreateService': 2,
  });
});

test.each([
  ['nothing happened', { 'ECS:A': 1 }, { 'ECS:A': 1 }, { total: 0, byCommand: {} }],
  ['new commands', {}, { 'ECS:A': 2, 'EC2:B': 1 }, { total: 3, byCommand: { 'ECS:A': 2, 'EC2:B': 1 } }],
  ['more of a command', { 'ECS:A': 1 }, { 'ECS:A': 4 }, { total: 3, byCommand: { 'ECS:A': 3 } }],
])('calls between snapshots: %s', (_case, before, after, expected) => {
  expect(callsBetween(before, after)).toEqual(expected);
});
