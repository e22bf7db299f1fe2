// The client's address as rate limits count it. Behind N trusted reverse proxies, each appends the
// address it received from to X-Forwarded-For, so the client is the Nth entry from the right:
// anything left of it was written by the client itself and proves nothing. An IPv6 client is
// counted by its /64, the block one subscriber holds (counted address by address, a client
// rotating through its 2^64 addresses would never reach a limit), and an IPv4 address written as
// IPv6 (::ffff:a.b.c.d) as the IPv4 address it is.
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustedProxies: number): string {
  return rateLimitedNetwork(rawClientAddress(c, trustedProxies));
}

function rawClientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    const client = hops[hops.length - trustedProxies];
    if (client) return client;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests made in-process (tests) have no socket
  }
}

/** The key an address is counted under: itself for IPv4, its /64 for IPv6. */
export function rateLimitedNetwork(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
