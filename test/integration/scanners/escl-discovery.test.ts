/**
 * mDNS discovery for real: bonjour-service publishes an eSCL scanner (`_uscan._tcp`, `_uscans._tcp`) from the test,
 * and discoverEscl finds it. Everything stays on the loopback interface and on a private port (not 5353), so no
 * packet leaves this machine and no real scanner on the network answers. The test skips, saying why, only when the
 * loopback interface carries no multicast here (checked with a raw datagram, independently of the code under test).
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverEscl } from '../../../native/scanners/escl/discovery';
import { localHostOf, loopbackMdns } from '../../helpers/mdns-loopback';

const net = await loopbackMdns();
const { mdns, multicast, publish } = net;

describe.skipIf(!multicast.ok)(`eSCL discovery by mDNS on loopback${multicast.ok ? '' : ` — skipped: ${multicast.reason}`}`, () => {
  afterEach(() => net.closeAll());

  /** The host part the publisher announces: one of this machine's non-internal IPv4 addresses, else its .local name. */
  function hostsOf(name: string): string[] {
    const v4 = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    return [...v4, localHostOf(name)];
  }

  it('finds a _uscan._tcp scanner and a _uscans._tcp one, with their resource paths, ports and models', async () => {
    await publish({ name: 'Counter Scanner A', type: 'uscan', port: 8080, txt: { rs: 'eSCL', ty: 'Test Model A' } });
    await publish({ name: 'Counter Scanner B', type: 'uscans', port: 8443, txt: { rs: '/scan/eSCL', ty: 'Test Model B' } });
    const found = await discoverEscl({ windowMs: 1500, mdns });
    const a = found.find((d) => d.name === 'Test Model A');
    const b = found.find((d) => d.name === 'Test Model B');
    expect(hostsOf('Counter Scanner A').map((h) => `escl:http://${h}:8080/eSCL`)).toContain(a?.uri);
    expect(hostsOf('Counter Scanner B').map((h) => `escl:https://${h}:8443/scan/eSCL`)).toContain(b?.uri);
    expect(found).toHaveLength(2);
  });

  it('takes eSCL as the resource path when the TXT record has no rs, and ignores other service types', async () => {
    await publish({ name: 'No RS', type: 'uscan', port: 9090, txt: { ty: 'No RS Model' } });
    await publish({ name: 'A Printer', type: 'ipp', port: 631, txt: { ty: 'Printer' } });
    const found = await discoverEscl({ windowMs: 1500, mdns });
    expect(found.map((d) => d.name)).toEqual(['No RS Model']);
    expect(found[0]!.uri).toMatch(/^escl:http:\/\/[^/]+:9090\/eSCL$/);
  });

  it('ends the browse when the signal aborts, with what was found so far (a 10-minute window would time the test out)', async () => {
    await publish({ name: 'Abort Case', type: 'uscan', port: 7070, txt: { ty: 'Abort Model' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500).unref();
    const found = await discoverEscl({ windowMs: 600_000, mdns, signal: controller.signal });
    expect(found.map((d) => d.name)).toEqual(['Abort Model']);
    const already = new AbortController();
    already.abort();
    expect(await discoverEscl({ windowMs: 600_000, mdns, signal: already.signal })).toEqual([]);
  }, 20_000);
});
