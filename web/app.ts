// Builds the Hono application: middleware (request ID, logging, security headers, CSRF), the
// page frame, then one router per capability (web/capabilities.ts). Handlers read the database or
// talk to Temporal; they never wait on a long process.
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { cartSummary } from '../db/queries/booking/index.ts';
import { capabilities, declaredAccess } from './capabilities.ts';
import type { AppDeps, AppInput } from './http/deps.ts';
import type { AppEnv } from './http/env.ts';
import { assertEveryRouteDeclared, enforceDeclaredAccess } from './middleware/access.ts';
import { requestLog } from './middleware/request-log.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { loopbackOnly } from './middleware/loopback-only.ts';
import { renderErrorPage } from './layout/render-error.ts';
import { createWorkflowClient } from './workflows.ts';
import { Layout } from './layout/layout.tsx';

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

/** The forms that send files, and set their own limit. */
const UPLOADS = /^\/(mon-compte\/documents|demarches\/\d{1,12}|mon-compte\/demarches\/\d{1,12}\/reponse|mon-compte\/absences\/\d{1,12}\/certificat|mon-compte\/reservations\/\d{1,12}\/absence)$/;

const BODIES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const formBodyLimit = bodyLimit({
  maxSize: 256 * 1024,
  onError: (c) => c.text('Le formulaire envoyé est trop volumineux.', 413),
});

export function createApp(input: AppInput): Hono<AppEnv> {
  const { temporal, eagerStart, placeOrderDeadlineMs, ...rest } = input;
  const workflows = createWorkflowClient(temporal, input.config.TEMPORAL_TASK_QUEUE, input.logger, input.db, { eagerStart: eagerStart ?? false, ...(placeOrderDeadlineMs ? { placeOrderDeadlineMs } : {}) });
  const deps: AppDeps = { ...rest, workflows };
  const { config, logger } = deps;
  const secure = config.PUBLIC_URL.startsWith('https:');
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', requestLog(logger));
  app.use('*', securityHeaders({ https: secure, formActions: deps.payments.formOrigins }));
  // Browsers send Origin on every form POST: a request from another site is refused.
  app.use('*', csrf({ origin: new URL(config.PUBLIC_URL).origin }));
  // Forms are small: only those that send files (each setting its own limit) may send more.
  // (Only requests that carry a body: reading a GET's body would build a whole Request for nothing.)
  app.use('*', async (c, next) => (!BODIES.has(c.req.method) || UPLOADS.test(c.req.path) ? next() : formBodyLimit(c, next)));
  for (const capability of capabilities) if (capability.bare) app.route('/', capability.bare(deps));

  app.use('*', sessionMiddleware({ db: deps.db, now: deps.now, secure, cacheSeconds: config.SESSION_CACHE_SECONDS ?? 0 }));
  app.use('*', jsxRenderer(
      // The header's cart is read only when a whole page is rendered (not for redirects,
      // htmx fragments or files).
      async ({ children, title }) => {
        const c = useRequestContext<AppEnv>();
        const user = c.get('user');
        const cart = c.get('cart') ?? (user?.role === 'parent' ? await cartSummary(deps.db, user.id, deps.now()) : null);
        return Layout({ title, children, user, cart, path: c.req.path });
      },
      { docType: true },
    ));
  // Each declared route's guard runs before its router's handlers.
  const declared = declaredAccess();
  enforceDeclaredAccess(app, declared);
  const devTools = config.DEV_TOOLS && config.NODE_ENV !== 'production';
  if (devTools) {
    app.use('/sandbox/*', loopbackOnly);
    app.use('/dev/*', loopbackOnly);
  }
  // One router per capability, each serving its own URL prefixes (web/capabilities.ts).
  for (const capability of capabilities) app.route('/', capability.router(deps, { devTools }));
  assertEveryRouteDeclared(app, declared);

  app.notFound((c) => renderErrorPage(c, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return renderErrorPage(c, error.status);
    logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return renderErrorPage(c, 500);
  });
  return app;
}
