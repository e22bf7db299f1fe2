// The session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over https, and
// as long-lived as the session's idle limit. Its life is sent as Max-Age, counted from the
// server's clock, rather than an Expires date that a browser would read on its own clock (a phone
// set to the wrong day) and that the server's clock moved by AS_OF would put years ahead.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'session';

export function setSessionCookie(c: Context, token: string, session: { expiresAt: Date; now: Date }, secure: boolean): void {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - session.now.getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}
