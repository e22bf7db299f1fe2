// The five steps of the reference's checkout. "Commander >" makes the order from the cart and
// starts its workflow; each later step is an Update to it (refused if out of order); the payment
// step sends the card part to the provider; the confirmation page shows what the workflow knows.
import { Hono, type Context } from 'hono';
import { CARD_TYPES, type CardType } from '../../lib/payments/paybox.ts';
import type { Order } from '../../db/database.ts';
import { listAddresses } from '../../db/queries/family.ts';
import { orderHoldIds, orderVoucher, recapLines } from '../../db/queries/order-recap.ts';
import { createOrderFromCart, undoUnstartedOrder } from '../../db/queries/orders.ts';
import { balance } from '../../db/queries/wallet.ts';
import { amountDue, formatEuros } from '../../domain/money.ts';
import { acceptTerms, applyVoucher, chooseAddress, choosePayment } from '../../workflows/order.messages.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { currentUser } from '../middleware/guards.ts';
import { Notice } from '../views/components/fields.tsx';
import { CheckoutPage, OrderNotStartedPage, Recap } from '../views/checkout/steps.tsx';
import { GoToPaymentPage } from '../views/wallet/wallet.tsx';
import type { AccessTable } from '../access.ts';
import { signedReturns } from '../payment-outcome.ts';

const NUMBER = '{[0-9]{4}-[0-9]{6}}';

/** Who may call each route below (see web/access.ts). */
export const checkoutAccess = {
  'GET /commande': { who: 'parent' },
  'POST /commande': { who: 'parent', input: 'button' },
  'GET /commande/:number/recapitulatif': { who: 'parent', object: 'order' },
  'POST /commande/:number/bon': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/recapitulatif' } },
  'GET /commande/:number/adresse': { who: 'parent', object: 'order' },
  'POST /commande/:number/adresse': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/adresse' } },
  'GET /commande/:number/conditions': { who: 'parent', object: 'order' },
  'POST /commande/:number/conditions': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/conditions' } },
  'GET /commande/:number/paiement': { who: 'parent', object: 'order' },
  'POST /commande/:number/paiement': { who: 'parent', object: 'order', input: { form: 'GET /commande/:number/paiement' } },
  'GET /commande/:number/confirmation': { who: 'parent', object: 'order' },
  'GET /conditions-generales-de-vente': { who: 'anyone' },
} satisfies AccessTable;

export function checkoutRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, config, now, payments } = deps;
  const deliverSignedReturn = signedReturns(deps);
  const router = new Hono<AppEnv>();
  // Every step of an order: the family's own order, or 404 whatever the number.
  router.use(`/commande/:number${NUMBER}/*`, async (c, next) => {
    const order = await db.selectFrom('orders').selectAll().where('number', '=', c.req.param('number')).where('user_id', '=', currentUser(c).id).executeTakeFirst();
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
    const commune = await db
      .selectFrom('holds')
      .innerJoin('products', 'products.id', 'holds.product_id')
      .innerJoin('communes', 'communes.id', 'products.commune_id')
      .select('communes.name')
      .where('holds.user_id', '=', user.id)
      .where('holds.state', '=', 'held')
      .orderBy('holds.id')
      .executeTakeFirst();
    const created = await createOrderFromCart(db, user.id, now());
    if (!created) return c.redirect('/panier', 303);
    try {
      await workflows.startOrder(created, { email: user.email, commune: commune?.name ?? null });
    } catch (error) {
      // No workflow, no order: the places go back to the cart (the sweep closes the order if
      // even this fails) and the parent can try again in a moment.
      deps.logger.warn({ err: error, order: created.number }, 'order workflow not started; order undone');
      await undoUnstartedOrder(db, created.orderId).catch(() => {});
      c.status(503);
      c.header('Retry-After', '5');
      return c.render(<OrderNotStartedPage />, { title: 'Commande non enregistrée' });
    }
    return c.redirect(`/commande/${created.number}/recapitulatif`, 303);
  });

  async function recapPage(c: Context<AppEnv>, extra: { error?: string | null; code?: string } = {}) {
    const order = orderOf(c);
    const number = order.number;
    const voucher = await orderVoucher(db, order.id);
    const lines = await recapLines(db, await orderHoldIds(db, order.id));
    return c.render(
      <CheckoutPage step={0} title="Récapitulatif de la commande">
        {c.req.query('bon') === 'ok' && voucher ? <Notice kind="success">Le bon de réduction « {voucher.label} » est appliqué.</Notice> : null}
        <Recap lines={lines} totalCents={order.total_cents} caption="Récapitulatif de la commande" voucher={voucher} />
        <form method="post" action={`/commande/${number}/bon`} class="voucher-form" novalidate>
          <label for="code">Bons de réduction</label>
          <input id="code" name="code" value={extra.code ?? ''} maxlength={30} aria-invalid={extra.error ? 'true' : undefined} aria-describedby={extra.error ? 'code-error' : undefined} />
          <button class="button button--secondary" type="submit">
            OK
          </button>
          {extra.error ? (
            <p class="field__error" id="code-error">
              {extra.error}
            </p>
          ) : null}
        </form>
        <p class="checkout-actions">
          <a href="/">← Continuer mes achats</a>
          {/* "02. Connexion" is behind us: the family is signed in. */}
          <a class="button" href={`/commande/${number}/adresse`}>
            Commander &gt;
          </a>
        </p>
      </CheckoutPage>,
      { title: 'Récapitulatif de la commande' },
    );
  }

  router.get(`/commande/:number${NUMBER}/recapitulatif`, (c) => recapPage(c));

  router.post(`/commande/:number${NUMBER}/bon`, async (c) => {
    const number = orderOf(c).number;
    const code = String((await c.req.parseBody()).code ?? '').slice(0, 30);
    const result = await workflows.orderStep(number, (order) => order.executeUpdate(applyVoucher, { args: [{ code }] }));
    if ('refused' in result) {
      c.status(400);
      return recapPage(c, { error: result.refused, code });
    }
    return c.redirect(`/commande/${number}/recapitulatif?bon=ok`, 303);
  });

  async function addressPage(c: Context<AppEnv>, error?: string | null) {
    const number = orderOf(c).number;
    const addresses = await listAddresses(db, currentUser(c).id);
    return c.render(
      <CheckoutPage step={2} title="Adresse de facturation">
        {error ? <Notice kind="warning">{error}</Notice> : null}
        {addresses.length === 0 ? (
          <p>
            Vous n'avez pas encore d'adresse. <a href="/mon-compte/adresses">Ajouter une adresse</a>, puis revenez à cette page.
          </p>
        ) : (
          <form method="post" action={`/commande/${number}/adresse`}>
            <fieldset class="choice">
              <legend>Choisissez l'adresse de facturation</legend>
              {addresses.map((address) => (
                <div class="radio">
                  <input type="radio" name="adresse" id={`adresse-${address.id}`} value={String(address.id)} checked={address.is_default} />
                  <label for={`adresse-${address.id}`}>
                    {address.label} : {address.line1}, {address.postal_code} {address.city}
                  </label>
                </div>
              ))}
            </fieldset>
            <p>
              <a href="/mon-compte/adresses">Ajouter une autre adresse</a>
            </p>
            <button class="button" type="submit">
              Commander &gt;
            </button>
          </form>
        )}
      </CheckoutPage>,
      { title: 'Adresse de facturation' },
    );
  }

  router.get(`/commande/:number${NUMBER}/adresse`, (c) => addressPage(c));

  router.post(`/commande/:number${NUMBER}/adresse`, async (c) => {
    const number = orderOf(c).number;
    const addressId = Number((await c.req.parseBody()).adresse);
    const result = await workflows.orderStep(number, (order) => order.executeUpdate(chooseAddress, { args: [{ addressId: Number.isSafeInteger(addressId) ? addressId : 0 }] }));
    if ('refused' in result) {
      c.status(400);
      return addressPage(c, result.refused);
    }
    return c.redirect(`/commande/${number}/conditions`, 303);
  });

  const termsPage = (c: Context<AppEnv>, error?: string | null) => {
    const number = orderOf(c).number;
    return c.render(
      <CheckoutPage step={3} title="Conditions générale de vente">
        <form method="post" action={`/commande/${number}/conditions`} novalidate>
          <div class={error ? 'checkbox field--error' : 'checkbox'}>
            <input type="checkbox" id="cgv" name="cgv" value="1" aria-describedby={error ? 'cgv-error' : undefined} aria-invalid={error ? 'true' : undefined} />
            <label for="cgv">
              J'ai lu les conditions générales de vente et j'y adhère sans réserve. (<a href="/conditions-generales-de-vente" target="_blank" rel="noopener">Lire les Conditions générales de vente</a>)
            </label>
          </div>
          {error ? (
            <p class="field__error" id="cgv-error">
              {error}
            </p>
          ) : null}
          <div class="checkout-actions">
            <a href="/">← Continuer mes achats</a>
            <button class="button" type="submit">
              Commander &gt;
            </button>
          </div>
        </form>
      </CheckoutPage>,
      { title: 'Conditions générales de vente' },
    );
  };

  router.get(`/commande/:number${NUMBER}/conditions`, (c) => termsPage(c));

  router.post(`/commande/:number${NUMBER}/conditions`, async (c) => {
    const number = orderOf(c).number;
    if ((await c.req.parseBody()).cgv !== '1') {
      c.status(400);
      return termsPage(c, 'Cochez la case pour accepter les conditions générales de vente avant de commander.');
    }
    const result = await workflows.orderStep(number, (order) => order.executeUpdate(acceptTerms));
    if ('refused' in result) {
      c.status(400);
      return termsPage(c, result.refused);
    }
    return c.redirect(`/commande/${number}/paiement`, 303);
  });

  async function paymentPage(c: Context<AppEnv>, error?: string | null) {
    const user = currentUser(c);
    const order = orderOf(c);
    const number = order.number;
    const lines = await recapLines(db, await orderHoldIds(db, order.id));
    const wallet = await balance(db, user.id);
    const due = amountDue(order.total_cents, order.discount_cents);
    const rest = due - Math.min(wallet, due);
    const cards = (Object.keys(CARD_TYPES) as CardType[]).map((type) => (
      <button class="button button--secondary" type="submit" name="carte" value={type}>
        {CARD_TYPES[type].label}
        {wallet > 0 && wallet < due ? ` (${formatEuros(rest)})` : ''}
      </button>
    ));
    return c.render(
      <CheckoutPage step={4} title="Choisissez votre moyen de paiement">
        {error ? <Notice kind="warning">{error}</Notice> : null}
        <Recap lines={lines} totalCents={order.total_cents} caption="Choisissez votre moyen de paiement" voucher={await orderVoucher(db, order.id)} />
        <p>Choisir son mode de règlement et suivre les instructions. Il est possible d'utiliser plusieurs mode de règlement.</p>
        <form method="post" action={`/commande/${number}/paiement`} class="payment-choices">
          <p>Solde de votre porte-monnaie : {formatEuros(wallet)}</p>
          {wallet >= due ? (
            <button class="button" type="submit" name="porte_monnaie" value="tout">
              Payer avec mon porte-monnaie (le traitement de la commande sera plus court) &gt;
            </button>
          ) : wallet > 0 ? (
            <>
              <input type="hidden" name="porte_monnaie" value="solde" />
              <p>
                Votre porte-monnaie ne couvre pas le total : son solde ({formatEuros(wallet)}) sera utilisé, et le reste ({formatEuros(rest)}) payé par carte.
              </p>
              <div class="card-choices">{cards}</div>
            </>
          ) : null}
          {due > 0 && (wallet === 0 || wallet >= due) ? <div class="card-choices">{cards}</div> : null}
        </form>
      </CheckoutPage>,
      { title: 'Paiement' },
    );
  }

  router.get(`/commande/:number${NUMBER}/paiement`, async (c) => {
    const order = orderOf(c);
    if (order.state === 'paid' || order.state === 'abandoned') return c.redirect(`/commande/${order.number}/confirmation`, 303);
    // Back on this page while the card part waits (a reload, an answer lost on the way): the
    // way to the payment page again, for the same payment.
    const pending = order.card_payment_id
      ? await db.selectFrom('payments').select(['reference', 'amount_cents', 'card_type', 'state']).where('id', '=', order.card_payment_id).executeTakeFirst()
      : undefined;
    if (pending?.state === 'pending' && pending.card_type && pending.card_type in CARD_TYPES) {
      return goToCardPayment(c, { reference: pending.reference, amountCents: pending.amount_cents, cardType: pending.card_type as CardType });
    }
    return paymentPage(c);
  });

  router.post(`/commande/:number${NUMBER}/paiement`, async (c) => {
    const user = currentUser(c);
    const order = orderOf(c);
    const number = order.number;
    const body = await c.req.parseBody();
    const card = typeof body.carte === 'string' && body.carte in CARD_TYPES ? (body.carte as CardType) : null;
    const wallet = await balance(db, user.id);
    const due = amountDue(order.total_cents, order.discount_cents);
    const walletCents = body.porte_monnaie === 'tout' || body.porte_monnaie === 'solde' ? Math.min(wallet, due) : 0;
    const plan = { walletCents, cardCents: due - walletCents, cardType: card };
    const result = await workflows.orderStep(number, (order) => order.executeUpdate(choosePayment, { args: [plan] }));
    if ('refused' in result) {
      c.status(400);
      return paymentPage(c, result.refused);
    }
    // The Update answered once the wallet part was debited and, for a card part, its payment named.
    const state = result.state;
    if (plan.cardCents === 0 || !state.cardReference) return c.redirect(`/commande/${number}/confirmation`, 303);
    return goToCardPayment(c, { reference: state.cardReference, amountCents: plan.cardCents, cardType: card! });
  });

  /** The form that takes the parent to the provider's payment page for the order's card part. */
  function goToCardPayment(c: Context<AppEnv>, payment: { reference: string; amountCents: number; cardType: CardType }) {
    const back = `${config.PUBLIC_URL}/commande/${orderOf(c).number}/confirmation`;
    const form = payments.paymentForm({
      totalCents: payment.amountCents,
      reference: payment.reference,
      email: currentUser(c).email,
      cardType: payment.cardType,
      urls: { done: back, refused: back, cancelled: back, waiting: back, notify: `${config.PUBLIC_URL}/paiement/notification` },
      time: now(),
    });
    return c.render(<GoToPaymentPage action={form.action} fields={form.fields} amountCents={payment.amountCents} />, { title: 'Paiement sécurisé' });
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
    const waiting = status !== 'paid' && status !== 'abandoned';
    if (waiting) c.header('Refresh', '2');
    const lines = status === 'paid' ? await recapLines(db, await orderHoldIds(db, order.id)) : [];
    return c.render(
      <section id="order-result" {...(waiting ? { 'hx-get': c.req.path, 'hx-trigger': 'every 2s', 'hx-select': '#order-result', 'hx-swap': 'outerHTML' } : {})}>
        {status === 'paid' ? (
          <>
            <h1>Commande {number} confirmée</h1>
            <Notice kind="success">Votre paiement est reçu et vos réservations sont enregistrées. Un courriel de confirmation vous a été envoyé.</Notice>
            <Recap lines={lines} totalCents={order.total_cents} caption={`Commande ${number}`} voucher={await orderVoucher(db, order.id)} />
          </>
        ) : status === 'abandoned' ? (
          <>
            <h1>Commande {number} non aboutie</h1>
            <Notice kind="warning">
              Le paiement n'a pas abouti ({state?.abandonReason ?? order.abandon_reason}). Les places ont été libérées et rien ne vous a été prélevé.
            </Notice>
          </>
        ) : (
          <>
            <h1>Commande {number} : paiement en cours</h1>
            <Notice kind="info">Nous attendons la confirmation du paiement. Cette page se met à jour toute seule.</Notice>
          </>
        )}
      </section>,
      { title: `Commande ${number}` },
    );
  });

  router.get('/conditions-generales-de-vente', (c) =>
    c.render(
      <section class="narrow">
        <h1>Conditions générales de vente</h1>
        <p>Les prestations réservées sur la plateforme Citoyens sont fournies par les communes de la Communauté d'Agglomération du Puy-en-Velay, aux tarifs affichés, toutes taxes comprises.</p>
        <p>La réservation n'est définitive qu'une fois le paiement confirmé. Une réservation peut être annulée jusqu'à la date limite de réservation du jour concerné ; son montant est alors rendu sur le porte-monnaie.</p>
        <p>Les paiements par carte sont traités par le prestataire de paiement de la collectivité ; aucune donnée de carte n'est conservée par la plateforme.</p>
        <p>Pour toute question, contactez la mairie de votre commune.</p>
      </section>,
      { title: 'Conditions générales de vente' },
    ),
  );

  return router;
}
