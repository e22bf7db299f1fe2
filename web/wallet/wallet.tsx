// "Mon porte-monnaie" and its top-ups: a payment row, a walletTopUp workflow, the provider's form,
// and the return page that shows the state the workflow knows.
import { Hono } from 'hono';
import { z } from 'zod';
import { CARD_TYPES, type CardType } from '../../lib/payments/paybox.ts';
import { createTopUpPayment, familyPayfipPayment, familyPayfipRegie, familyPayment, pendingTopUps } from '../../db/queries/payments/index.ts';
import { balance, walletHistory } from '../../db/queries/wallet/wallet.ts';
import { communeName } from '../../db/queries/accounts/index.ts';
import { regiePayboxAccount } from '../../db/queries/regies/index.ts';
import { TOP_UP_AMOUNTS_CENTS } from '../../workflows/wallet/wallet-top-up.messages.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { readForm, validateForm } from '../forms/forms.ts';
import { GoToPaymentPage, PaymentResultPage, WalletPage } from './views/wallet.tsx';
import type { AccessTable } from '../http/access.ts';
import { payfipPageOrWait, signedReturns } from '../payments/index.ts';
import { formatEuros } from '../../domain/money.ts';

/** « Recharger »: one of the amounts offered, and a card type (or PAYFIP, where the family's régie offers it). */
const topUpForm = z.object({
  montant: z
    .string({ error: 'Choisissez un montant : 1, 5, 10, 25 ou 50 €.' })
    .transform(Number)
    .refine((cents) => (TOP_UP_AMOUNTS_CENTS as readonly number[]).includes(cents), 'Choisissez un montant : 1, 5, 10, 25 ou 50 €.'),
  carte: z.string({ error: 'Choisissez une carte.' }).refine((card): card is CardType | 'PAYFIP' => Object.hasOwn(CARD_TYPES, card) || card === 'PAYFIP', 'Choisissez une carte.'),
});

/** Who may call each route below (see web/http/access.ts). */
export const walletAccess = {
  'GET /mon-compte/porte-monnaie': { who: 'parent' },
  'POST /mon-compte/porte-monnaie/recharger': { who: 'parent', input: { form: 'GET /mon-compte/porte-monnaie' } },
  'GET /paiement/retour/:reference': { who: 'parent', object: 'top-up' },
  'GET /mon-compte/porte-monnaie/payfip/:reference': { who: 'parent', object: 'top-up' },
} satisfies AccessTable;

export function walletRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, config, now, payments } = deps;
  const deliverSignedReturn = signedReturns(deps);
  const router = new Hono<AppEnv>();

  const page = async (userId: number, extra: { errors?: Record<string, string>; message?: string | null; pending?: Awaited<ReturnType<typeof pendingTopUps>> } = {}) => (
    <WalletPage balanceCents={await balance(db, userId)} entries={await walletHistory(db, userId)} pending={extra.pending ?? (await pendingTopUps(db, userId, now()))} payfip={(await familyPayfipRegie(db, userId)) !== null} {...extra} />
  );

  router.get('/mon-compte/porte-monnaie', async (c) => {
    const user = currentUser(c);
    // A top-up waiting for the bank: the page reads the balance again until it is confirmed.
    const pending = await pendingTopUps(db, user.id, now());
    if (pending.length > 0) c.header('Refresh', '5');
    return c.render(await page(user.id, { pending }), { title: 'Mon porte-monnaie' });
  });

  router.post('/mon-compte/porte-monnaie/recharger', async (c) => {
    const user = currentUser(c);
    const input = validateForm(topUpForm, await readForm(c));
    if (!input.ok) {
      c.status(400);
      return c.render(await page(user.id, { errors: input.errors }), { title: 'Mon porte-monnaie' });
    }
    const { montant: amount, carte: card } = input.data;
    const family = { userId: user.id, commune: user.commune_id ? await communeName(db, user.commune_id) : null };
    if (card === 'PAYFIP') {
      const regieId = await familyPayfipRegie(db, user.id);
      if (regieId === null) {
        c.status(400);
        return c.render(await page(user.id, { errors: { carte: "Le paiement par PayFiP n'est pas proposé par votre commune : choisissez une carte." } }), { title: 'Mon porte-monnaie' });
      }
      const payment = await createTopUpPayment(db, { userId: user.id, amountCents: amount, cardType: card, payfipRegieId: regieId });
      await workflows.startTopUp(payment.id, family);
      await workflows.startPayfip(payment.id, family);
      return c.redirect(`/mon-compte/porte-monnaie/payfip/${payment.reference}`, 303);
    }
    const payment = await createTopUpPayment(db, { userId: user.id, amountCents: amount, cardType: card });
    await workflows.startTopUp(payment.id, family);
    const back = `${config.PUBLIC_URL}/paiement/retour/${payment.reference}`;
    const form = payments.paymentForm({
      totalCents: amount,
      reference: payment.reference,
      email: user.email,
      cardType: card,
      urls: { done: back, refused: back, cancelled: back, waiting: back, notify: `${config.PUBLIC_URL}/paiement/notification` },
      time: now(),
    }, await regiePayboxAccount(db, payment.regieId));
    return c.render(<GoToPaymentPage action={form.action} fields={form.fields} amountCents={amount} />, { title: 'Paiement sécurisé' });
  });

  // While PayFiP creates the operation: the page waits, then sends the family to PayFiP's page.
  router.get('/mon-compte/porte-monnaie/payfip/:reference{topup-[0-9]{1,12}-[0-9a-f]{10}}', async (c) => {
    const user = currentUser(c);
    const found = await familyPayment(db, user.id, c.req.param('reference'));
    if (!found) return c.notFound();
    // Another provider's top-up, or one settled: its return page says where it stands.
    const payment = await familyPayfipPayment(db, user.id, found.id);
    if (!payment || payment.state !== 'pending') return c.redirect(`/paiement/retour/${found.reference}`, 303);
    return payfipPageOrWait(c, deps, payment, { start: () => workflows.startPayfip(payment.id, { userId: user.id, commune: null }), title: `Recharge de ${formatEuros(payment.amount_cents)} par PayFiP` });
  });

  // The browser's return: only the provider's signature is trusted in it; the page shows the
  // state the workflow knows.
  router.get('/paiement/retour/:reference{topup-[0-9]{1,12}-[0-9a-f]{10}}', async (c) => {
    const user = currentUser(c);
    // The provider's signed outcome, brought back by the browser, counts as much as its notification.
    await deliverSignedReturn(c.req.url);
    const payment = await familyPayment(db, user.id, c.req.param('reference'));
    if (!payment) return c.notFound();
    const state = (await workflows.topUpState(payment.id).catch(() => null)) ?? { status: payment.state };
    const pending = state.status === 'pending';
    if (pending) c.header('Refresh', '3');
    return c.render(<PaymentResultPage status={state.status} amountCents={payment.amount_cents} balanceCents={await balance(db, user.id)} poll={pending ? c.req.path : null} />, { title: 'Paiement' });
  });

  return router;
}
