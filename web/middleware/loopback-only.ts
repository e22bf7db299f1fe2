// The development tools (mailbox, payment sandbox) answer only a browser on this machine: a
// request from elsewhere, or relayed by a proxy (which would make it look local), gets a 404 as
// if they did not exist.
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { HTTPException } from 'hono/http-exception';

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export const loopbackOnly: MiddlewareHandler = async (c, next) => {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined; // a request made in-process (tests) has no socket, and no distance
  }
  const relayed = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined;
  if (relayed || (address !== undefined && !loopback.test(address))) throw new HTTPException(404);
  await next();
};
