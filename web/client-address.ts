// The client's IP address, for rate limits. Behind N trusted reverse proxies, each appends the
// address it received from to X-Forwarded-For, so the client is the Nth entry from the right:
// anything left of it was written by the client itself and proves nothing.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustedProxies: number): string {
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
