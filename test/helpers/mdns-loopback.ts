/**
 * A private mDNS "network" for discovery tests: loopback only, on a free port (not 5353), so no packet leaves this
 * machine and no real device answers. Whether loopback carries multicast here is checked with a raw datagram,
 * apart from the code under test; publishers announce services and are all closed by closeAll().
 */
import dgram from 'node:dgram';
import Bonjour from 'bonjour-service';

const GROUP = '224.0.0.251';

/** A free UDP port for one test file's mDNS traffic. */
async function freePort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Whether a multicast datagram sent on loopback comes back to a member socket (bounded to 1 s). */
async function loopbackMulticast(port: number): Promise<{ ok: boolean; reason: string }> {
  const rx = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const tx = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  try {
    await new Promise<void>((r, j) => {
      rx.once('error', j);
      rx.bind(port, '0.0.0.0', () => r());
    });
    rx.addMembership(GROUP, '127.0.0.1');
    await new Promise<void>((r) => tx.bind(0, '0.0.0.0', () => r()));
    tx.setMulticastInterface('127.0.0.1');
    tx.setMulticastLoopback(true);
    const got = new Promise<boolean>((r) => {
      rx.once('message', () => r(true));
      setTimeout(() => r(false), 1000).unref();
    });
    tx.send('probe', port, GROUP);
    return (await got) ? { ok: true, reason: '' } : { ok: false, reason: 'a multicast datagram on 127.0.0.1 never arrived' };
  } catch (e) {
    return { ok: false, reason: `loopback multicast refused: ${(e as Error).message}` };
  } finally {
    rx.close();
    tx.close();
  }
}

export interface LoopbackMdns {
  /** multicast-dns options for the code under test and the publishers. */
  mdns: { interface: string; bind: string; port: number };
  multicast: { ok: boolean; reason: string };
  /** Announces a service (host <name>.local, IPv4 only) and resolves once it is up (after bonjour's name probe). */
  publish(cfg: { name: string; type: string; port: number; txt?: Record<string, string> }): Promise<void>;
  /** Withdraws every announcement and closes the publishers' sockets. */
  closeAll(): Promise<void>;
}

/** The .local host name publish() gives a service name. */
export const localHostOf = (name: string): string => `${name.replace(/\W+/g, '-').toLowerCase()}.local`;

export async function loopbackMdns(): Promise<LoopbackMdns> {
  const port = await freePort();
  const multicast = await loopbackMulticast(port);
  const mdns = { interface: '127.0.0.1', bind: '0.0.0.0', port };
  const publishers: Bonjour[] = [];
  return {
    mdns,
    multicast,
    async publish(cfg) {
      const b = new Bonjour(mdns as never, (e: Error) => {
        throw e;
      });
      publishers.push(b);
      const service = b.publish({ ...cfg, host: localHostOf(cfg.name), disableIPv6: true });
      await new Promise<void>((r) => service.once('up', () => r()));
    },
    async closeAll() {
      await Promise.all(publishers.splice(0).map((b) => new Promise<void>((r) => b.unpublishAll(() => b.destroy(() => r())))));
    },
  };
}
