// Reads the session cookie on every request: sets `user` and `session`, slides the expiry, and
// keeps an account that must change its password on the change page until it is done.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../db/connection.ts';
import { validateSessionToken } from '../../db/queries/accounts/index.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../accounts/index.ts';
import { createSessionCache } from '../accounts/index.ts';
import type { AppEnv } from '../http/env.ts';

export const CHANGE_PASSWORD_PATH = '/mon-compte/mot-de-passe';
const ALLOWED_BEFORE_CHANGE = [CHANGE_PASSWORD_PATH, '/deconnexion', '/mot-de-passe/regles', '/static/', '/health'];

const READS = new Set(['GET', 'HEAD']);

/** `cacheSeconds`: how long page reads may trust a session this process validated (0: never). */
export function sessionMiddleware(deps: { db: Db; now: () => Date; secure: boolean; cacheSeconds: number }): MiddlewareHandler<AppEnv> {
  const cache = createSessionCache(deps.cacheSeconds);
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    const read = READS.has(c.req.method);
    if (token) {
      const cached = read ? cache?.get(token, deps.now()) : undefined;
      const validated = cached ?? (await validateSessionToken(deps.db, token, deps.now()));
      // Kept from its validation in the database, never renewed by use: the delay stays bounded.
      if (validated && read && !cached) cache?.set(token, validated);
      if (!validated) {
        cache?.forget(token);
        clearSessionCookie(c, deps.secure);
      } else {
        c.set('user', validated.user);
        c.set('session', validated.session);
        if (validated.renewed) setSessionCookie(c, token, { expiresAt: validated.session.expiresAt, now: deps.now() }, deps.secure);
        const allowed = ALLOWED_BEFORE_CHANGE.some((path) => c.req.path === path || (path.endsWith('/') && c.req.path.startsWith(path)));
        if (validated.user.must_change_password && !allowed) return c.redirect(CHANGE_PASSWORD_PATH, 303);
      }
    }
    await next();
    // What this request changed (a profile, a password, the end of the session) is read anew.
    const user = c.get('user');
    if (!read && user) {
      if (user.role === 'parent') cache?.forgetUser(user.id);
      else cache?.forgetAll();
    }
  };
}
