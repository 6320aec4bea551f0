// The EC2 Query answer of DescribeNetworkInterfaces, parsed as little as the adapter needs (the whole call runs
// against moto in ecs.moto.test.ts).
import { parseEc2Error, parsePublicIp } from '../../src/aws/ec2-query.js';

const answer = (association: string) => `<?xml version="1.0" encoding="UTF-8"?>
<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r-1</requestId>
  <networkInterfaceSet>
    <item>
      <networkInterfaceId>eni-1</networkInterfaceId>
      <privateIpAddress>10.0.1.5</privateIpAddress>
      ${association}
    </item>
  </networkInterfaceSet>
</DescribeNetworkInterfacesResponse>`;

test.each([
  [
    'an associated public IP',
    answer('<association><publicIp>52.1.2.3</publicIp><ipOwnerId>amazon</ipOwnerId></association>'),
    '52.1.2.3',
  ],
  ['no association yet', answer(''), undefined],
  [
    'an association without a public IP',
    answer('<association><ipOwnerId>amazon</ipOwnerId></association>'),
    undefined,
  ],
  [
    'no interface at all',
    '<DescribeNetworkInterfacesResponse><networkInterfaceSet/></DescribeNetworkInterfacesResponse>',
    undefined,
  ],
])('%s', (_case, xml, ip) => {
  expect(parsePublicIp(xml)).toBe(ip);
});

test('an EC2 error answer becomes an error named by its code, with its message', () => {
  const error = parseEc2Error(
    '<Response><Errors><Error><Code>InvalidNetworkInterfaceID.NotFound</Code><Message>The networkInterface ID &apos;eni-9&apos; does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>',
    400,
  );
  expect(error).toMatchObject({
    name: 'InvalidNetworkInterfaceID.NotFound',
    code: 'InvalidNetworkInterfaceID.NotFound',
    status: 400,
  });
  expect(error.message).toBe("The networkInterface ID 'eni-9' does not exist");
  expect(parseEc2Error('not xml', 503)).toMatchObject({ code: 'HTTP503', message: 'EC2 answered HTTP 503' });
});
