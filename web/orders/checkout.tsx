// The five steps of the reference's checkout. "Commander >" makes the order from the cart and
// hands it to the cart's basket workflow (an Update); the address and the terms are written to
// the order's row; « Payer » is the second Update, answered with the payment's outcome; the card
// part goes to the provider; the confirmation page shows the outcome. Orders started before
// baskets take every step as an Update to their `order` workflow, as they did.
import { Hono, type Context } from 'hono';
import { CARD_TYPES, type CardType } from '../../lib/payments/paybox.ts';
import type { Order } from '../../db/database.ts';
import { addAddress, listAddresses } from '../../db/queries/family/index.ts';
import { orderHoldIds, orderVoucher, recapLines } from '../../db/queries/orders/order-recap.ts';
import { cartCommuneName, createOrderFromCart, familyOrder, orderInCheckout, undoUnstartedOrder } from '../../db/queries/orders/orders.ts';
import { OrderStepRefused, recordTermsAccepted, setOrderAddress } from '../../db/queries/orders/order-steps.ts';
import { HOLD_WHILE_ORDERING_MS } from '../../domain/checkout.ts';
import { cardPaymentOf, familyPayfipPayment, familyPayment, orderTakesPayfip } from '../../db/queries/payments/index.ts';
import { balance } from '../../db/queries/wallet/index.ts';
import { regiePayboxAccount } from '../../db/queries/regies/index.ts';
import { amountDue, formatEuros } from '../../domain/money.ts';
import { payOrder } from '../../workflows/orders/basket.messages.ts';
import { acceptTerms, applyVoucher, chooseAddress, choosePayment } from '../../workflows/orders/order.messages.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { addressSchema } from '../forms/schemas.ts';
import { addressChoiceForm, paymentPlanForm, termsForm, voucherForm } from './checkout-forms.ts';
import { AddressStepPage, PaymentStepPage, RecapStepPage, TermsStepPage } from './views/step-pages.tsx';
import { OrderResultPage, TermsOfSalePage, type PaymentRefusal } from './views/result-pages.tsx';
import { OrderNotStartedPage } from './views/steps.tsx';
import { payfipPageOrWait } from '../payments/index.ts';
import { GoToPaymentPage } from '../wallet/index.ts';
import type { AccessTable } from '../http/access.ts';
import { signedReturns } from '../payments/index.ts';

const NUMBER = '{[0-9]{4}-[0-9]{6}}';

/** Who may call each route below (see web/http/access.ts). */
export const checkoutAccess = {
  'GET /commande': { who: 'parent' },
  'POST /commande': { who: 'parent', input: 'button' },
  'GET /commande/:number/recapitulatif': { who: 'parent', object: 'order' },
  'POST /commande/:number/bon': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/recapitulatif' } },
  'GET /commande/:number/adresse': { who: 'parent', object: 'order' },
  'POST /commande/:number/adresse': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/adresse' } },
  'POST /commande/:number/adresse/nouvelle': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/adresse' } },
  'GET /commande/:number/conditions': { who: 'parent', object: 'order' },
  'POST /commande/:number/conditions': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/conditions' } },
  'GET /commande/:number/paiement': { who: 'parent', object: 'order' },
  'POST /commande/:number/paiement': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/paiement' } },
  'GET /commande/:number/payfip': { who: 'parent', object: 'order' },
  'GET /commande/:number/confirmation': { who: 'parent', object: 'order' },
  'GET /conditions-generales-de-vente': { who: 'anyone' },
} satisfies AccessTable;

export function checkoutRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, config, now, payments } = deps;
  const deliverSignedReturn = signedReturns(deps);
  const router = new Hono<AppEnv>();
  // Every step of an order: the family's own order, or 404 whatever the number.
  router.use(`/commande/:number${NUMBER}/*`, async (c, next) => {
    const order = await familyOrder(db, currentUser(c).id, c.req.param('number'));
    if (!order) return c.notFound();
    c.set('order', order);
    await next();
  });

  /** The order loaded by the middleware above. */
  const orderOf = (c: Context<AppEnv>): Order => c.get('order')!;



  // The cart is the first recap: its "Commander >" makes the order.
  router.get('/commande', (c) => c.redirect('/panier', 303));

  router.post('/commande', async (c) => {
    const user = currentUser(c);
    // Operators find an order by the commune of its (first) product. Read before the order is
    // made: between the order's insert and its workflow's start, nothing else may fail.
    const commune = await cartCommuneName(db, user.id);
    const holdUntil = new Date(now().getTime() + HOLD_WHILE_ORDERING_MS);
    const fromCart = await createOrderFromCart(db, user.id, now(), holdUntil);
    // The cart empty, « Commander » sent again goes back to the order it made, its basket told
    // again: the first answer may have been lost with the server process that made it.
    const created = fromCart ?? (await orderInCheckout(db, user.id, now()));
    if (!created) return c.redirect('/panier', 303);
    try {
      const placed = await workflows.placeOrder(created, { userId: user.id, commune }, holdUntil);
      // Refused, the basket already holds this order past its first step: the parent goes on there.
      if ('refused' in placed && fromCart) throw new Error(placed.refused);
    } catch (error) {
      // No workflow, no order: the places of an order just made go back to the cart (the sweep
      // closes the order if even this fails) and the parent can try again in a moment. An order
      // sent again stays as it is: its basket may know it already.
      deps.logger.warn({ err: error, order: created.number, undone: Boolean(fromCart) }, 'order workflow not reached');
      if (fromCart) await undoUnstartedOrder(db, created.orderId).catch(() => {});
      c.status(503);
      c.header('Retry-After', '5');
      return c.render(<OrderNotStartedPage />, { title: 'Commande non enregistrée' });
    }
    return c.redirect(`/commande/${created.number}/recapitulatif`, 303);
  });

  /** The order's lines, total and voucher, as the recap tables show them. */
  async function recapOf(order: Order) {
    return { lines: await recapLines(db, await orderHoldIds(db, order.id)), totalCents: order.total_cents, voucher: await orderVoucher(db, order.id) };
  }

  async function recapPage(c: Context<AppEnv>, extra: { error?: string | null; code?: string } = {}) {
    const order = orderOf(c);
    return c.render(<RecapStepPage number={order.number} recap={await recapOf(order)} voucherApplied={c.req.query('bon') === 'ok'} {...extra} />, {
      title: 'Récapitulatif de la commande',
    });
  }

  router.get(`/commande/:number${NUMBER}/recapitulatif`, (c) => recapPage(c));

  router.post(`/commande/:number${NUMBER}/bon`, async (c) => {
    const number = orderOf(c).number;
    const { code } = voucherForm.parse(await readForm(c));
    const result = await workflows.orderStep(number, (order) => order.executeUpdate(applyVoucher, { args: [{ code }] }));
    if ('refused' in result) {
      c.status(400);
      return recapPage(c, { error: result.refused, code });
    }
    return c.redirect(`/commande/${number}/recapitulatif?bon=ok`, 303);
  });

  const addressPage = async (c: Context<AppEnv>, error?: string | null, form: { values?: FormValues; errors?: FieldErrors } = {}) =>
    c.render(<AddressStepPage number={orderOf(c).number} addresses={await listAddresses(db, currentUser(c).id)} error={error} {...form} />, { title: 'Adresse de facturation' });

  /**
   * Address and terms: written to the order's row while it is open (the payment step checks them
   * there before « Payer »), or sent as Updates to an order started before baskets. The refusal,
   * or null.
   */
  async function takeStep(order: Order, step: { addressId: number } | 'terms'): Promise<string | null> {
    if (order.workflow_type === 'order') {
      const result = await workflows.orderStep(order.number, (handle) => (step === 'terms' ? handle.executeUpdate(acceptTerms) : handle.executeUpdate(chooseAddress, { args: [step] })));
      return 'refused' in result ? result.refused : null;
    }
    if (order.state !== 'open') return 'Cette commande ne peut plus être modifiée.';
    try {
      if (step === 'terms') await recordTermsAccepted(db, order.id, now());
      else await setOrderAddress(db, order.id, step.addressId);
      return null;
    } catch (error) {
      if (error instanceof OrderStepRefused) return error.message;
      throw error;
    }
  }

  /** The order takes the address; the next step, or the step again with the refusal. */
  const chooseOrderAddress = async (c: Context<AppEnv>, addressId: number) => {
    const refused = await takeStep(orderOf(c), { addressId });
    if (refused) {
      c.status(400);
      return addressPage(c, refused);
    }
    return c.redirect(`/commande/${orderOf(c).number}/conditions`, 303);
  };

  router.get(`/commande/:number${NUMBER}/adresse`, (c) => addressPage(c, c.req.query('manquant') ? "Choisissez d'abord l'adresse de facturation : la commande en a besoin avant les conditions et le paiement." : null));

  router.post(`/commande/:number${NUMBER}/adresse`, async (c) => {
    return chooseOrderAddress(c, addressChoiceForm.parse(await readForm(c)).adresse);
  });

  // A new address typed in the step: saved to Mes adresses, then chosen for the order.
  router.post(`/commande/:number${NUMBER}/adresse/nouvelle`, async (c) => {
    const values = await readForm(c);
    const form = validateForm(addressSchema, values);
    if (!form.ok) {
      c.status(400);
      return addressPage(c, null, { values, errors: form.errors });
    }
    return chooseOrderAddress(c, await addAddress(db, currentUser(c).id, form.data));
  });

  const termsPage = (c: Context<AppEnv>, error?: string | null) =>
    c.render(<TermsStepPage number={orderOf(c).number} error={error} />, { title: 'Conditions générales de vente' });

  /**
   * The step a basket's order still lacks before this one (its address, then its terms), for a
   * page opened out of order (a link kept, the browser's history): the parent goes there first.
   * An order of the first workflow keeps its steps in its history, which its Updates check.
   */
  const missingStep = (c: Context<AppEnv>, step: 'conditions' | 'paiement'): Response | null => {
    const order = orderOf(c);
    if (order.workflow_type === 'order' || order.state !== 'open') return null;
    if (!order.billing_address) return c.redirect(`/commande/${order.number}/adresse?manquant=1`, 303);
    if (step === 'paiement' && !order.terms_accepted_at) return c.redirect(`/commande/${order.number}/conditions?manquant=1`, 303);
    return null;
  };

  router.get(`/commande/:number${NUMBER}/conditions`, (c) => missingStep(c, 'conditions') ?? termsPage(c, c.req.query('manquant') ? "Acceptez d'abord les conditions générales de vente : le paiement vient ensuite." : null));

  router.post(`/commande/:number${NUMBER}/conditions`, async (c) => {
    const number = orderOf(c).number;
    const form = validateForm(termsForm, await readForm(c));
    if (!form.ok) {
      c.status(400);
      return termsPage(c, form.errors.cgv);
    }
    const refused = await takeStep(orderOf(c), 'terms');
    if (refused) {
      c.status(400);
      return termsPage(c, refused);
    }
    return c.redirect(`/commande/${number}/paiement`, 303);
  });

  async function paymentPage(c: Context<AppEnv>, error?: string | null) {
    const order = orderOf(c);
    const payfip = await orderTakesPayfip(db, order.id);
    const page = <PaymentStepPage number={order.number} recap={await recapOf(order)} discountCents={order.discount_cents} walletCents={await balance(db, currentUser(c).id)} payfip={payfip} error={error} />;
    return c.render(page, { title: 'Paiement' });
  }

  /**
   * Where « Payer » already led, for a page shown again (a reload, an answer lost on the way, a
   * « Payer » sent again after a crash): the confirmation once the order is paid or abandoned, the
   * way to the card page for the same payment while its card part waits; null while the order
   * still waits for « Payer ».
   */
  async function paymentUnderWay(c: Context<AppEnv>): Promise<Response | null> {
    const order = orderOf(c);
    if (order.state === 'paid' || order.state === 'abandoned') return c.redirect(`/commande/${order.number}/confirmation`, 303);
    const pending = order.card_payment_id
      ? await cardPaymentOf(db, order.card_payment_id)
      : undefined;
    if (pending?.state === 'pending' && pending.provider === 'payfip') return c.redirect(`/commande/${order.number}/payfip`, 303);
    if (pending?.state === 'pending' && pending.card_type && Object.hasOwn(CARD_TYPES, pending.card_type)) {
      return goToCardPayment(c, { reference: pending.reference, amountCents: pending.amount_cents, cardType: pending.card_type as CardType, regieId: pending.regie_id });
    }
    return null;
  }

  router.get(`/commande/:number${NUMBER}/paiement`, async (c) => (await paymentUnderWay(c)) ?? missingStep(c, 'paiement') ?? paymentPage(c));

  router.post(`/commande/:number${NUMBER}/paiement`, async (c) => {
    // Sent again once paid (its first answer lost with a server process): never a second « Payer ».
    const underWay = await paymentUnderWay(c);
    if (underWay) return underWay;
    const user = currentUser(c);
    const order = orderOf(c);
    const number = order.number;
    const { carte: card, porte_monnaie: walletFirst } = paymentPlanForm.parse(await readForm(c));
    const wallet = await balance(db, user.id);
    const due = amountDue(order.total_cents, order.discount_cents);
    const walletCents = walletFirst ? Math.min(wallet, due) : 0;
    if (card === 'PAYFIP' && due > walletCents && (order.workflow_type === 'order' || due - walletCents < 100 || !(await orderTakesPayfip(db, order.id)))) {
      c.status(400);
      return paymentPage(c, due - walletCents < 100 ? `PayFiP ne prend pas les paiements de moins de ${formatEuros(100)} : choisissez une carte.` : "Le paiement par PayFiP n'est pas proposé pour cette commande : choisissez une carte.");
    }
    const plan = { walletCents, cardCents: due - walletCents, cardType: card };
    const result = order.workflow_type === 'order' ? await workflows.orderStep(number, (handle) => handle.executeUpdate(choosePayment, { args: [plan] }))
      : !order.billing_address ? { refused: "Choisissez d'abord l'adresse de facturation." }
      : !order.terms_accepted_at ? { refused: "Acceptez d'abord les conditions générales de vente." }
      : await workflows.orderStep(number, (handle) => handle.executeUpdate(payOrder, { args: [plan] }));
    if ('refused' in result) {
      c.status(400);
      return paymentPage(c, result.refused);
    }
    // The Update answered once the wallet part was debited and, for a card part, its payment named.
    const state = result.state;
    if (state.status !== 'awaiting-card' || !state.cardReference) return c.redirect(`/commande/${number}/confirmation`, 303);
    // The card part as the order's payment row holds it, not as this page reckoned it: a « Payer »
    // sent again after a crash reads a wallet the first one may already have debited, and its
    // split is not the one the workflow pays (a form for another amount would never be answered).
    const payment = await familyPayment(db, user.id, state.cardReference);
    if (payment?.state === 'pending' && payment.provider === 'payfip') {
      await workflows.startPayfip(payment.id, { userId: user.id, commune: null });
      return c.redirect(`/commande/${number}/payfip`, 303);
    }
    if (payment?.state !== 'pending' || !payment.card_type || !Object.hasOwn(CARD_TYPES, payment.card_type)) return c.redirect(`/commande/${number}/confirmation`, 303);
    return goToCardPayment(c, { reference: payment.reference, amountCents: payment.amount_cents, cardType: payment.card_type as CardType, regieId: payment.regie_id });
  });

  /** The form that takes the parent to the provider's payment page for the order's card part. */
  async function goToCardPayment(c: Context<AppEnv>, payment: { reference: string; amountCents: number; cardType: CardType; regieId: number | null }) {
    const back = `${config.PUBLIC_URL}/commande/${orderOf(c).number}/confirmation`;
    const form = payments.paymentForm({
      totalCents: payment.amountCents,
      reference: payment.reference,
      email: currentUser(c).email,
      cardType: payment.cardType,
      urls: { done: back, refused: back, cancelled: back, waiting: back, notify: `${config.PUBLIC_URL}/paiement/notification` },
      time: now(),
    }, await regiePayboxAccount(db, payment.regieId));
    return c.render(<GoToPaymentPage action={form.action} fields={form.fields} amountCents={payment.amountCents} />, { title: 'Paiement sécurisé' });
  }

  /**
   * While PayFiP creates the operation: the page waits (htmx asks again, or the parent follows the
   * link), then sends the parent to PayFiP's page. Its workflow is started again if its start was
   * lost (a start already made is left alone).
   */
  router.get(`/commande/:number${NUMBER}/payfip`, async (c) => {
    const order = orderOf(c);
    const payment = order.card_payment_id ? await familyPayfipPayment(db, currentUser(c).id, order.card_payment_id) : undefined;
    if (!payment || payment.state !== 'pending') return c.redirect(`/commande/${order.number}/confirmation`, 303);
    return payfipPageOrWait(c, deps, payment, { start: () => workflows.startPayfip(payment.id, { userId: currentUser(c).id, commune: null }), title: `Commande ${order.number} : paiement par PayFiP` });
  });

  /** What the family may do after a refused payment: the wallet's balance against what is due. */
  async function refusalOf(c: Context<AppEnv>, refusal: { reason: string; until: string }): Promise<PaymentRefusal> {
    const order = orderOf(c);
    return { reason: refusal.reason, until: new Date(refusal.until), walletCents: await balance(db, currentUser(c).id), dueCents: amountDue(order.total_cents, order.discount_cents) };
  }

  router.get(`/commande/:number${NUMBER}/confirmation`, async (c) => {
    const order = orderOf(c);
    const number = order.number;
    // Back from the card payment page: its signed outcome counts as much as the notification.
    await deliverSignedReturn(c.req.url);
    // A finished order is read from its row; only one still under way asks its workflow.
    const finished = order.state === 'paid' || order.state === 'abandoned';
    const state = finished ? null : await workflows.orderState(number).catch(() => null);
    const status = finished ? order.state : (state?.status ?? 'confirming');
    const refusal = status === 'checkout' && state?.refusal ? await refusalOf(c, state.refusal) : null;
    const waiting = status !== 'paid' && status !== 'abandoned' && !refusal;
    if (waiting) c.header('Refresh', '2');
    const recap = status === 'paid' ? await recapOf(order) : null;
    return c.render(<OrderResultPage number={number} status={status} recap={recap} abandonReason={state?.abandonReason ?? order.abandon_reason} refusal={refusal} poll={waiting ? c.req.path : null} />, {
      title: `Commande ${number}`,
    });
  });

  router.get('/conditions-generales-de-vente', (c) => c.render(<TermsOfSalePage />, { title: 'Conditions générales de vente' }));

  return router;
}
