// Staff: Commandes of their communes (an order holding a place of one of them): search, detail,
// and reservations cancelled with a required reason, refunded to the wallet or to the card (asked
// of Paybox by a workflow; a PayFiP payment by the régie's transfer, recorded with its reference),
// the family told by mail, audited. What a cancellation will do is shown first; only the
// confirmed post acts. A card refund the provider refused is tried again or given to the wallet.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { searchOrders, staffOrder } from '../../db/queries/orders/staff-orders.ts';
import { previewStaffCancellation, staffCancelReservations, type RefundTo } from '../../db/queries/orders/staff-cancellation.ts';
import { cardRefundToWallet, retryCardRefund, staffCardRefund } from '../../db/queries/orders/card-refunds.ts';
import { staffCancellationMail } from '../../activities/orders/mails.ts';
import { wakeWaitingLists } from '../waitlist/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { formatEuros } from '../../domain/money.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { requiredText } from '../forms/schemas.ts';
import { OrderSearchPage } from './views/staff.tsx';
import { OrderDetailPage } from './views/staff-detail.tsx';
import { StaffCancelConfirmationPage } from './views/staff-cancel-confirmation.tsx';
import { CardRefundConfirmationPage } from './views/card-refund-confirmation.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const staffOrderAccess = {
  'GET /agent/commandes': { who: 'staff' },
  'GET /agent/commandes/:number': { who: 'staff', object: 'commune-order' },
  'POST /agent/commandes/:number/annuler': { who: 'staff', object: 'commune-order', input: { form: 'GET /agent/commandes/:number' } },
  // Shown on the order's page only beside a card refund the provider refused or has yet to answer.
  'POST /agent/commandes/:number/remboursement': { who: 'staff', object: 'commune-order', input: { fields: ['remboursement', 'suite'] } },
} satisfies AccessTable;

const NUMBER = '{[0-9]{4}-[0-9]{6}}';

const TRANSFER_REFERENCE = 'Ce paiement PayFiP se rembourse par virement de la régie : indiquez la référence du virement (3 à 60 lettres, chiffres, points ou tirets).';

const cancelSchema = z
  .object({
    motif: requiredText("Indiquez le motif de l'annulation.", 200),
    rembourser: z.enum(['porte-monnaie', 'carte'], { error: 'Choisissez où rembourser.' }),
    // Only for a PayFiP payment, refunded by the régie's transfer: Paybox refunds by itself.
    reference: z.string().optional().transform((value) => value?.trim() ?? ''),
    tout: z.literal('1').optional(),
  })
  .refine((data) => data.rembourser !== 'carte' || data.reference === '' || /^[A-Za-z0-9._\-]{3,60}$/.test(data.reference), {
    message: TRANSFER_REFERENCE,
    path: ['reference'],
  });

const refundTo = (data: { rembourser: 'porte-monnaie' | 'carte'; reference: string }): RefundTo =>
  data.rembourser === 'carte' ? { to: 'card', ...(data.reference ? { transferReference: data.reference } : {}) } : { to: 'wallet' };

const refused = {
  none: { reservation: "Ces réservations ne sont plus à annuler (déjà annulées, ou d'une autre commande)." },
  'no-card': { rembourser: "Cette commande n'a pas été payée par carte : remboursez sur le porte-monnaie." },
  'transfer-reference': { reference: TRANSFER_REFERENCE },
};

/** A refused card refund: tried again (a new question to the provider), or given to the wallet instead. */
const refundSchema = z.object({
  remboursement: z.string().regex(/^\d{1,12}$/, 'Ce remboursement est inconnu.').transform(Number),
  suite: z.enum(['reessayer', 'porte-monnaie'], { error: 'Choisissez de réessayer ou de verser au porte-monnaie.' }),
});

export function staffOrderRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now, config, workflows } = deps;
  const router = new Hono<AppEnv>();

  const detailPage = async (c: Context<AppEnv>, extra: { message?: string | null; errors?: FieldErrors; values?: FormValues; checked?: string[] } = {}) => {
    const detail = await staffOrder(db, await staffCommuneIds(db, currentUser(c)), c.req.param('number') ?? '');
    if (!detail) throw new HTTPException(403);
    return c.render(<OrderDetailPage detail={detail} temporalUi={config.TEMPORAL_UI_ORIGIN} message={extra.message ?? null} errors={extra.errors} values={extra.values} checked={extra.checked} />, {
      title: `Commande ${detail.order.number}`,
    });
  };

  router.get('/commandes', async (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 100);
    const orders = await searchOrders(db, await staffCommuneIds(db, currentUser(c)), query);
    return c.render(<OrderSearchPage query={query} orders={orders} />, { title: 'Commandes' });
  });

  router.get(`/commandes/:number${NUMBER}`, (c) => {
    const wallet = c.req.query('porte-monnaie');
    const card = c.req.query('carte');
    const amount = (raw: string | undefined) => (raw && /^\d{1,9}$/.test(raw) ? Number(raw) : 0);
    const said = [amount(wallet) > 0 ? `${formatEuros(amount(wallet))} remboursés sur le porte-monnaie` : '', amount(card) > 0 ? `${formatEuros(amount(card))} sur la carte` : ''].filter(Boolean).join(', ');
    const messages: Record<string, string> = {
      annule: `Annulation enregistrée${said ? ` : ${said}` : ''}. La famille est prévenue par mail.`,
      relance: 'Remboursement demandé de nouveau au prestataire : cette page dit sa réponse.',
      'porte-monnaie': `${formatEuros(amount(wallet))} versés sur le porte-monnaie de la famille au lieu de la carte.`,
    };
    return detailPage(c, { message: messages[c.req.query('ok') ?? ''] ?? null });
  });

  router.post(`/commandes/:number${NUMBER}/annuler`, async (c) => {
    const number = c.req.param('number');
    const communeIds = await staffCommuneIds(db, currentUser(c));
    if (!(await staffOrder(db, communeIds, number))) throw new HTTPException(403);
    const body = await c.req.parseBody({ all: true });
    const checked = (Array.isArray(body.reservation) ? body.reservation : body.reservation ? [body.reservation] : []).filter((v): v is string => typeof v === 'string');
    let done = { wallet: 0, card: 0 };
    return handleForm(c, {
      schema: cancelSchema,
      check: (values): FieldErrors => (values.tout !== '1' && (checked.length === 0 || checked.some((id) => !/^\d{1,12}$/.test(id))) ? { reservation: 'Cochez au moins une réservation à annuler.' } : {}),
      again: (form) => detailPage(c, { ...form, checked }),
      preview: async (data): Promise<Response | FieldErrors> => {
        const preview = await previewStaffCancellation(db, { communeIds, number, reservations: data.tout === '1' ? 'all' : checked.map(Number), refund: refundTo(data) });
        if (typeof preview === 'string') return refused[preview];
        const fields: [string, string][] = [
          ...(data.tout === '1' ? [['tout', '1'] as [string, string]] : checked.map((id) => ['reservation', id] as [string, string])),
          ['motif', data.motif], ['rembourser', data.rembourser], ['reference', data.reference],
        ];
        return c.render(<StaffCancelConfirmationPage number={number} preview={preview} all={data.tout === '1'} reason={data.motif} reference={data.rembourser === 'carte' && preview.byTransfer ? data.reference : null} fields={fields} />, {
          title: `Confirmer l'annulation – commande ${number}`,
        });
      },
      save: async (data): Promise<FieldErrors | void> => {
        const result = await staffCancelReservations(db, {
          communeIds, number, reservations: data.tout === '1' ? 'all' : checked.map(Number), reason: data.motif, refund: refundTo(data), staffId: currentUser(c).id, now: now(),
        });
        if (typeof result === 'string') return refused[result];
        // The refunds are recorded as asked: a start lost here is started again by « Relancer » on the order's page.
        for (const cardRefundId of result.toAsk) {
          await workflows.startCardRefund({ cardRefundId, attempt: 1 }).catch((error: unknown) => deps.logger.error({ err: error, cardRefundId }, 'card refund workflow not started'));
        }
        await wakeWaitingLists(deps, result.freed);
        done = { wallet: result.lines.reduce((sum, l) => sum + l.walletCents, 0), card: result.lines.reduce((sum, l) => sum + l.cardCents, 0) };
        await workflows.sendMailLater({
          idempotencyKey: `staff-cancellation-${number}-${now().getTime()}`,
          to: result.family.email,
          mail: staffCancellationMail({ firstName: result.family.firstName, number, reason: data.motif, lines: result.lines, link: `${config.PUBLIC_URL}/mon-compte/reservations` }),
        });
      },
      then: () => `/agent/commandes/${number}?ok=annule&porte-monnaie=${done.wallet}&carte=${done.card}`,
    });
  });

  router.post(`/commandes/:number${NUMBER}/remboursement`, async (c) => {
    const number = c.req.param('number');
    const communeIds = await staffCommuneIds(db, currentUser(c));
    if (!(await staffOrder(db, communeIds, number))) throw new HTTPException(403);
    let then = `/agent/commandes/${number}?ok=relance`;
    const gone = { remboursement: "Ce remboursement n'attend plus de décision : la page de la commande dit où il en est." };
    return handleForm(c, {
      schema: refundSchema,
      again: (form) => detailPage(c, form),
      preview: async (data): Promise<Response | FieldErrors> => {
        const refund = await staffCardRefund(db, { communeIds, number, cardRefundId: data.remboursement });
        const waits = refund && (refund.state === 'refused' || (refund.state === 'requested' && data.suite === 'reessayer'));
        if (!refund || !waits) return gone;
        return c.render(<CardRefundConfirmationPage number={number} refund={refund} suite={data.suite} />, { title: `Remboursement – commande ${number}` });
      },
      save: async (data): Promise<FieldErrors | void> => {
        const input = { communeIds, number, cardRefundId: data.remboursement, staffId: currentUser(c).id, now: now() };
        if (data.suite === 'porte-monnaie') {
          const given = await cardRefundToWallet(db, input);
          if (given === 'none') return gone;
          then = `/agent/commandes/${number}?ok=porte-monnaie&porte-monnaie=${given.cents}`;
          return;
        }
        const retried = await retryCardRefund(db, input);
        if (retried === 'none') return gone;
        await workflows.startCardRefund({ cardRefundId: data.remboursement, attempt: retried.attempt });
      },
      then: () => then,
    });
  });

  return router;
}
