// Staff: the card payments of their communes' families, for the treasury's reconciliation: those
// the provider called "already made" (00015, to reconcile) first, as a page and a CSV.
import { Hono } from 'hono';
import { cardPaymentsOfCommunes } from '../../db/queries/payments/payments.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { parisDate } from '../../domain/dates.ts';
import { toCsv } from '../../lib/csv.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { PAYMENT_STATES, PaymentsPage } from './views/reconciliation.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const paymentReconciliationAccess = {
  'GET /agent/paiements': { who: 'staff' },
  'GET /agent/paiements/export.csv': { who: 'staff' },
} satisfies AccessTable;

export function paymentReconciliationRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/paiements', async (c) => {
    const payments = await cardPaymentsOfCommunes(db, await staffCommuneIds(db, currentUser(c)));
    return c.render(<PaymentsPage payments={payments} />, { title: 'Paiements par carte' });
  });
  router.get('/paiements/export.csv', async (c) => {
    const payments = await cardPaymentsOfCommunes(db, await staffCommuneIds(db, currentUser(c)), 100_000);
    const csv = toCsv(
      ['Référence', 'Objet', 'Montant (centimes)', 'État', 'Transaction', 'Code retour', 'Famille', 'Commune', 'Mis à jour le'],
      payments.map((p) => [
        p.reference, p.purpose === 'order' ? `Commande ${p.order_number ?? ''}` : 'Recharge', p.amount_cents, PAYMENT_STATES[p.state] ?? p.state, p.provider_transaction, p.provider_error,
        p.email, p.commune, parisDate(p.updated_at),
      ]),
    );
    return csvDownload(c, 'paiements-carte.csv', csv);
  });
  return router;
}
