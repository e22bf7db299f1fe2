// Who may ask: every protected route states it with one of these guards.
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../http/env.ts';

function toLogin(c: Context<AppEnv>): Response {
  const back = c.req.method === 'GET' ? `?retour=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}` : '';
  return c.redirect(`/connexion${back}`, 303);
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) return toLogin(c);
  await next();
};

/** The family's own pages: staff have their back office and no family, cart or wallet. */
export const requireParent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return toLogin(c);
  if (user.role !== 'parent') throw new HTTPException(403);
  await next();
};

export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return toLogin(c);
  if (user.role !== 'staff' && user.role !== 'admin') throw new HTTPException(403);
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) return toLogin(c);
  if (user.role !== 'admin') throw new HTTPException(403);
  await next();
};

/** The signed-in user; only inside routes behind requireUser or requireStaff. */
export function currentUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw new HTTPException(401);
  return user;
}
