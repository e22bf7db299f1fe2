// PayFiP's notification and the payer's way back from its page. Neither is trusted: each only
// tells the payment's workflow to ask PayFiP's web service now (payfip-<paymentId>), which says
// how the payment ended. The way back then shows the order's or the wallet's page, which follows
// the outcome.
import { Hono } from 'hono';
import { paymentByIdop } from '../../db/queries/payments/payfip.ts';
import { orderNumberOfReference } from '../../db/queries/payments/payments.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const payfipNotificationAccess = {
  // PayFiP's server calls it with the idOp alone; the outcome is asked to PayFiP.
  'GET /paiement/payfip/notification': { who: 'anyone' },
  // The payer's browser, sent back by PayFiP's page.
  'GET /paiement/payfip/retour': { who: 'anyone' },
} satisfies AccessTable;

const IDOP = /^[A-Za-z0-9-]{1,64}$/;

export function payfipNotificationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, logger } = deps;
  const router = new Hono<AppEnv>();

  const paymentOf = async (idOp: string | undefined) => (idOp && IDOP.test(idOp) ? paymentByIdop(db, idOp) : undefined);

  router.get('/paiement/payfip/notification', async (c) => {
    const payment = await paymentOf(c.req.query('idOp') ?? c.req.query('idop'));
    if (!payment) {
      logger.warn({ idOp: (c.req.query('idOp') ?? '').slice(0, 64) }, 'PayFiP notification for an unknown operation');
      return c.text('opération inconnue', 400);
    }
    if (!(await workflows.payfipNotified(payment.id))) logger.warn({ paymentId: payment.id }, 'PayFiP notification for a payment whose workflow has ended');
    return c.text('OK');
  });

  router.get('/paiement/payfip/retour', async (c) => {
    const payment = await paymentOf(c.req.query('idop') ?? c.req.query('idOp'));
    if (!payment) return c.redirect('/', 303);
    await workflows.payfipNotified(payment.id).catch((error: unknown) => logger.warn({ err: error, paymentId: payment.id }, 'PayFiP return not delivered'));
    const number = payment.order_number ?? orderNumberOfReference(payment.reference);
    return c.redirect(payment.purpose === 'order' && number ? `/commande/${number}/confirmation` : `/paiement/retour/${payment.reference}`, 303);
  });

  return router;
}
