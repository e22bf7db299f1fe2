// Builds the Hono application: middleware (request ID, logging, security headers, CSRF), the
// page frame, then one router per area. Handlers read the database or talk to Temporal; they
// never wait on a long process.
import type { Client } from '@temporalio/client';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Config } from '../config.ts';
import type { DocumentStore } from '../lib/documents/store.ts';
import type { CardProvider, SandboxKeys } from '../lib/payments/provider.ts';
import type { Db } from '../db/connection.ts';
import { cartSummary } from '../db/queries/booking/cart.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './http/env.ts';
import { assertEveryRouteDeclared, enforceDeclaredAccess } from './middleware/access.ts';
import { requestLog } from './middleware/request-log.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { devMailRoutes } from './mail/dev-mails.tsx';
import { paymentReconciliationRoutes } from './payments/reconciliation.tsx';
import { attendanceRoutes } from './tickets/attendance.tsx';
import { kitchenRoutes } from './kitchen/kitchen.tsx';
import { closureRoutes } from './closures/closures.tsx';
import { dashboardRoutes } from './dashboard/dashboard.tsx';
import { staffAccountRoutes } from './staff/accounts.tsx';
import { auditRoutes } from './staff/audit.tsx';
import { staffOrderRoutes } from './orders/staff.tsx';
import { catalogueAdminRoutes } from './catalogue/staff.tsx';
import { catalogueEditRoutes } from './catalogue/staff-edit.tsx';
import { onlineRequestRoutes as staffRequestRoutes } from './requests/staff.tsx';
import { requestFormRoutes } from './requests/forms.tsx';
import { onlineRequestRoutes } from './requests/family.tsx';
import { absenceFamilyRoutes } from './absences/family.tsx';
import { waitlistFamilyRoutes } from './waitlist/family.tsx';
import { waitlistStaffRoutes } from './waitlist/staff.tsx';
import { absenceStaffRoutes } from './absences/staff.tsx';
import { eTicketRoutes } from './tickets/e-tickets.tsx';
import { bookingListRoutes } from './booking/lists.tsx';
import { personalDataRoutes } from './personal-data/personal-data.tsx';
import { loopbackOnly } from './middleware/loopback-only.ts';
import { healthRoutes } from './site/health.ts';
import { declaredAccess } from './access-tables.ts';
import { accountRoutes } from './accounts/account.tsx';
import { familySearchRoutes } from './family/staff.tsx';
import { erasureRoutes } from './personal-data/erasures.tsx';
import { serviceOfferRoutes } from './services/offers.tsx';
import { serviceRequestRoutes } from './services/staff.tsx';
import { validationRoutes } from './approvals/validations.tsx';
import { authRoutes } from './accounts/auth.tsx';
import { bookingRoutes } from './booking/booking.tsx';
import { catalogueRoutes } from './catalogue/public.tsx';
import { checkoutRoutes } from './orders/checkout.tsx';
import { familyRoutes } from './family/family.tsx';
import { personalInfoRoutes } from './accounts/personal-info.tsx';
import { serviceRoutes } from './services/family.tsx';
import { historyRoutes } from './orders/history.tsx';
import { homeRoutes } from './site/home.tsx';
import { passwordRoutes } from './accounts/passwords.tsx';
import { paymentNotificationRoutes } from './payments/notification.ts';
import { sandboxRoutes } from './payments/sandbox.tsx';
import { voucherRoutes } from './vouchers/vouchers.tsx';
import { walletRoutes } from './wallet/wallet.tsx';
import { staticRoutes } from './site/static.ts';
import { renderErrorPage } from './layout/render-error.ts';
import { createWorkflowClient, type WorkflowClient } from './workflows.ts';
import { Layout } from './layout/layout.tsx';

export interface AppInput {
  config: Pick<Config, 'NODE_ENV' | 'DEV_TOOLS' | 'TEMPORAL_UI_ORIGIN' | 'PUBLIC_URL' | 'TEMPORAL_TASK_QUEUE' | 'TRUSTED_PROXIES' | 'HOLD_MINUTES'> & Partial<Pick<Config, 'SESSION_CACHE_SECONDS'>>;
  db: Db;
  temporal: Client;
  /** A worker of this process polls on the client's connection (see web/workflows.ts). */
  eagerStart?: boolean;
  /** How long « Commander » waits for its basket (20 s; tests of an unreachable Temporal shorten it). */
  placeOrderDeadlineMs?: number;
  logger: Logger;
  documents: DocumentStore;
  /** The card payment provider, and the sandbox's keys when the sandbox plays it. */
  payments: CardProvider;
  sandbox: SandboxKeys | null;
  /** The clock: tests move it to cross the 2-hour session limit. */
  now: () => Date;
}

/** What the routes get: Temporal only through the named calls of web/workflows.ts. */
export type AppDeps = Omit<AppInput, 'temporal'> & { workflows: WorkflowClient };

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
  app.route('/static', staticRoutes());
  app.route('/health', healthRoutes(deps));

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
  app.route('/', homeRoutes());
  app.route('/', authRoutes(deps));
  app.route('/', passwordRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', familyRoutes(deps));
  app.route('/', personalInfoRoutes(deps));
  app.route('/', serviceRoutes(deps));
  app.route('/', catalogueRoutes(deps));
  app.route('/', onlineRequestRoutes(deps));
  app.route('/', eTicketRoutes(deps));
  app.route('/', bookingListRoutes(deps));
  app.route('/', personalDataRoutes(deps));
  app.route('/', bookingRoutes(deps));
  app.route('/', walletRoutes(deps));
  app.route('/', paymentNotificationRoutes(deps));
  app.route('/', checkoutRoutes(deps));
  app.route('/', historyRoutes(deps));
  app.route('/', absenceFamilyRoutes(deps));
  app.route('/', waitlistFamilyRoutes(deps));
  app.route('/', voucherRoutes(deps));
  const devTools = config.DEV_TOOLS && config.NODE_ENV !== 'production';
  if (devTools) {
    app.use('/sandbox/*', loopbackOnly);
    app.use('/dev/*', loopbackOnly);
  }
  if (devTools && deps.sandbox) app.route('/sandbox/paybox', sandboxRoutes(deps.sandbox, logger));
  app.route('/agent', validationRoutes(deps));
  app.route('/agent', serviceOfferRoutes(deps));
  app.route('/agent', serviceRequestRoutes(deps));
  app.route('/agent', familySearchRoutes(deps));
  app.route('/agent', erasureRoutes(deps));
  app.route('/agent', paymentReconciliationRoutes(deps));
  app.route('/agent', attendanceRoutes(deps));
  app.route('/agent', kitchenRoutes(deps));
  app.route('/agent', closureRoutes(deps));
  app.route('/agent', dashboardRoutes(deps));
  app.route('/agent', staffAccountRoutes(deps));
  app.route('/agent', auditRoutes(deps));
  app.route('/agent', staffOrderRoutes(deps));
  app.route('/agent', catalogueAdminRoutes(deps));
  app.route('/agent', catalogueEditRoutes(deps));
  app.route('/agent', requestFormRoutes(deps));
  app.route('/agent', staffRequestRoutes(deps));
  app.route('/agent', absenceStaffRoutes(deps));
  app.route('/agent', waitlistStaffRoutes(deps));
  if (devTools) app.route('/dev/mails', devMailRoutes(deps));
  assertEveryRouteDeclared(app, declared);

  app.notFound((c) => renderErrorPage(c, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return renderErrorPage(c, error.status);
    logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return renderErrorPage(c, 500);
  });
  return app;
}
