// Security headers on every response, with a Content-Security-Policy that allows no inline
// script or style: everything the pages run is served from our own origin.
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(options: { https: boolean; formActions?: string[] }) {
  return secureHeaders({
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
}
