// Security headers on every response, with a Content-Security-Policy that allows no inline
// script or style: everything the pages run is served from our own origin.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../http/env.ts';

export function securityHeaders(options: { https: boolean; formActions?: string[] }): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      // The card payment provider's page is reached by a form POST; its hosts join this list.
      formAction: ["'self'", ...(options.formActions ?? [])],
    },
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await headers(c, next);
    // A response may ask for a stricter policy (served documents are sandboxed).
    const override = c.get('contentSecurityPolicy');
    if (override) c.res.headers.set('Content-Security-Policy', override);
  };
}
