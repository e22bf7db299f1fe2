// Staff: Commandes of their communes (an order holding a place of one of them): search, detail,
// and a reservation cancelled and refunded to the wallet with a required reason, audited.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { searchOrders, staffCancelReservation, staffOrder } from '../../../db/queries/staff-orders.ts';
import { staffCommuneIds } from '../../../db/queries/users.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { AppDeps } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { handleForm } from '../../form-route.ts';
import type { FieldErrors, FormValues } from '../../forms.ts';
import { currentUser } from '../../middleware/guards.ts';
import { requiredText } from '../../schemas.ts';
import { OrderDetailPage, OrderSearchPage } from '../../views/agent/orders.tsx';
import type { AccessTable } from '../../access.ts';

/** Who may call each route below (see web/access.ts). */
export const staffOrderAccess = {
  'GET /agent/commandes': { who: 'staff' },
  'GET /agent/commandes/:number': { who: 'staff', object: 'commune-order' },
  'POST /agent/commandes/:number/annuler': { who: 'staff', object: 'commune-order', input: { form: 'GET /agent/commandes/:number' } },
} satisfies AccessTable;

const NUMBER = '{[0-9]{4}-[0-9]{6}}';

const cancelSchema = z.object({
  reservation: z.string({ error: 'Réservation inconnue.' }).regex(/^\d{1,12}$/, 'Réservation inconnue.').transform(Number),
  motif: requiredText("Indiquez le motif de l'annulation.", 200),
});

export function staffOrderRoutes({ db, now, config }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const detailPage = async (c: Context<AppEnv>, extra: { message?: string | null; errors?: FieldErrors; values?: FormValues } = {}) => {
    const detail = await staffOrder(db, await staffCommuneIds(db, currentUser(c)), c.req.param('number') ?? '');
    if (!detail) throw new HTTPException(403);
    return c.render(<OrderDetailPage detail={detail} temporalUi={config.TEMPORAL_UI_ORIGIN} message={extra.message ?? null} errors={extra.errors} values={extra.values} />, {
      title: `Commande ${detail.order.number}`,
    });
  };

  router.get('/commandes', async (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 100);
    const orders = await searchOrders(db, await staffCommuneIds(db, currentUser(c)), query);
    return c.render(<OrderSearchPage query={query} orders={orders} />, { title: 'Commandes' });
  });

  router.get(`/commandes/:number${NUMBER}`, (c) => {
    const refunded = c.req.query('rembourse');
    return detailPage(c, { message: refunded && /^\d{1,9}$/.test(refunded) ? `Réservation annulée : ${formatEuros(Number(refunded))} remboursés sur le porte-monnaie de la famille.` : null });
  });

  router.post(`/commandes/:number${NUMBER}/annuler`, async (c) => {
    const number = c.req.param('number');
    const communeIds = await staffCommuneIds(db, currentUser(c));
    if (!(await staffOrder(db, communeIds, number))) throw new HTTPException(403);
    let refunded = 0;
    return handleForm(c, {
      schema: cancelSchema,
      again: (form) => detailPage(c, form),
      save: async (data): Promise<FieldErrors | void> => {
        const cents = await staffCancelReservation(db, { communeIds, number, reservationId: data.reservation, reason: data.motif, staffId: currentUser(c).id, now: now() });
        if (cents === null) return { reservation: "Cette réservation n'est plus à annuler (déjà annulée, ou d'une autre commande)." };
        refunded = cents;
      },
      then: () => `/agent/commandes/${number}?rembourse=${refunded}`,
    });
  });

  return router;
}
