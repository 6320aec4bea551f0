// The one EC2 call the action makes (DescribeNetworkInterfaces, for a task's public IP) as a signed Query API
// request (query-api.ts): @aws-sdk/client-ec2 costed about half of every bundle and 0.2 s of every cold start for
// this single call.
import type { ECSClient } from '@aws-sdk/client-ecs';
import { child, members, parseQueryError, parseXml, queryApi, QueryApiError, textAt } from './query-api.js';

/** EC2's errors are Query API errors; the name stays for the callers that match on it. */
export { QueryApiError as Ec2Error };

const EC2 = {
  service: 'ec2',
  version: '2016-11-15',
  label: 'EC2',
  actions: ['DescribeNetworkInterfaces'],
} as const;

/**
 * The public IP of the first interface in a DescribeNetworkInterfaces answer: `<association><publicIp>` of its first
 * `<item>`. Undefined when the interface has no association yet (the address comes a little after the task).
 */
export function parsePublicIp(xml: string): string | undefined {
  const first = members(child(parseXml(xml), 'networkInterfaceSet'))[0];
  return textAt(first, 'association', 'publicIp');
}

/** EC2's error answer (`<Response><Errors><Error><Code>…<Message>…`) as an Ec2Error. */
export function parseEc2Error(xml: string, status: number): QueryApiError {
  return parseQueryError(xml, status, 'EC2');
}

/** The most interfaces one DescribeNetworkInterfaces call is given here (EC2 takes more; a small answer is kinder). */
export const INTERFACES_PER_CALL = 100;

/** Public IPs of many interfaces, INTERFACES_PER_CALL to a call; interfaces without one are missing from the map. */
export async function describePublicIps(
  ecs: ECSClient,
  networkInterfaceIds: string[],
  sleep: (ms: number) => Promise<void>,
  record?: () => void,
): Promise<Map<string, string>> {
  const ips = new Map<string, string>();
  const api = queryApi(ecs, EC2, sleep);
  for (let i = 0; i < networkInterfaceIds.length; i += INTERFACES_PER_CALL) {
    const batch = networkInterfaceIds.slice(i, i + INTERFACES_PER_CALL);
    const params: Record<string, string> = {};
    batch.forEach((id, index) => {
      params[`NetworkInterfaceId.${index + 1}`] = id;
    });
    record?.();
    const xml = await api.call({ Action: 'DescribeNetworkInterfaces', ...params });
    for (const item of members(child(parseXml(xml), 'networkInterfaceSet'))) {
      const id = textAt(item, 'networkInterfaceId');
      const ip = textAt(item, 'association', 'publicIp');
      if (id && ip) ips.set(id, ip);
    }
  }
  return ips;
}

/** The public IP of one interface (describePublicIps for one); undefined until its association is made. */
export async function describePublicIp(
  ecs: ECSClient,
  networkInterfaceId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<string | undefined> {
  return (await describePublicIps(ecs, [networkInterfaceId], sleep)).get(networkInterfaceId);
}
