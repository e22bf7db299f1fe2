// The pages of the checkout's steps, as functions of their data: 01 Récapitulatif (with the
// voucher field), 03 Adresse (choose one, or type a new one in place), 04 Conditions générales de vente, 05 Paiement.
import { CARD_TYPES, type CardType } from '../../../lib/payments/paybox.ts';
import type { Address } from '../../../db/database.ts';
import { amountDue, formatEuros } from '../../../domain/money.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { FieldError, Notice } from '../../forms/fields.tsx';
import { AddressForm } from '../../family/index.ts';
import { CheckoutPage, Recap } from './steps.tsx';

type RecapProps = Parameters<typeof Recap>[0];

export function RecapStepPage(props: { number: string; recap: Omit<RecapProps, 'caption'>; voucherApplied: boolean; code?: string | undefined; error?: string | null | undefined }) {
  const { number, recap, error } = props;
  return (
    <CheckoutPage step={0} title="Récapitulatif de la commande">
      {props.voucherApplied && recap.voucher ? <Notice kind="success">Le bon de réduction « {recap.voucher.label} » est appliqué.</Notice> : null}
      <Recap {...recap} caption="Récapitulatif de la commande" />
      <form method="post" action={`/commande/${number}/bon`} class="voucher-form" novalidate>
        <label for="code">Bons de réduction</label>
        <input id="code" name="code" value={props.code ?? ''} maxlength={30} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'code-error' : undefined} />
        <button class="button button--secondary" type="submit">
          OK
        </button>
        <FieldError name="code" error={error ?? undefined} />
      </form>
      <p class="checkout-actions">
        <a href="/">← Continuer mes achats</a>
        {/* "02. Connexion" is behind us: the family is signed in. */}
        <a class="button" href={`/commande/${number}/adresse`}>
          Commander &gt;
        </a>
      </p>
    </CheckoutPage>
  );
}

export function AddressStepPage(props: { number: string; addresses: Address[]; error?: string | null | undefined; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { number, addresses, error, values, errors } = props;
  // A new address opens unfolded when there is none yet or when the one typed was refused.
  const typing = addresses.length === 0 || Boolean(errors && Object.keys(errors).length > 0);
  return (
    <CheckoutPage step={2} title="Adresse de facturation">
      {error ? <Notice kind="warning">{error}</Notice> : null}
      {addresses.length > 0 ? (
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
          <button class="button" type="submit">
            Commander &gt;
          </button>
        </form>
      ) : null}
      <details class="new-address" open={typing}>
        <summary>{addresses.length === 0 ? 'Indiquez votre adresse de facturation' : 'Utiliser une nouvelle adresse'}</summary>
        <p>Elle est aussi enregistrée dans Mes adresses.</p>
        <AddressForm action={`/commande/${number}/adresse/nouvelle`} values={values} errors={errors} submit="Enregistrer et commander >" />
      </details>
    </CheckoutPage>
  );
}

export function TermsStepPage({ number, error }: { number: string; error?: string | null | undefined }) {
  return (
    <CheckoutPage step={3} title="Conditions générales de vente">
      <form method="post" action={`/commande/${number}/conditions`} novalidate>
        <div class={error ? 'checkbox field--error' : 'checkbox'}>
          <input type="checkbox" id="cgv" name="cgv" value="1" aria-describedby={error ? 'cgv-error' : undefined} aria-invalid={error ? 'true' : undefined} />
          <label for="cgv">
            J'ai lu les conditions générales de vente et j'y adhère sans réserve. (<a href="/conditions-generales-de-vente" target="_blank" rel="noopener">Lire les Conditions générales de vente</a>)
          </label>
        </div>
        <FieldError name="cgv" error={error ?? undefined} />
        <div class="checkout-actions">
          <a href="/">← Continuer mes achats</a>
          <button class="button" type="submit">
            Commander &gt;
          </button>
        </div>
      </form>
    </CheckoutPage>
  );
}

export function PaymentStepPage(props: { number: string; recap: Omit<RecapProps, 'caption'>; discountCents: number; walletCents: number; payfip: boolean; error?: string | null | undefined }) {
  const { number, recap, walletCents: wallet, error } = props;
  const due = amountDue(recap.totalCents, props.discountCents);
  const rest = due - Math.min(wallet, due);
  const part = wallet > 0 && wallet < due ? ` (${formatEuros(rest)})` : '';
  const cards = [
    ...(Object.keys(CARD_TYPES) as CardType[]).map((type) => (
      <button class="button button--secondary" type="submit" name="carte" value={type}>
        {CARD_TYPES[type].label}
        {part}
      </button>
    )),
    // The DGFiP's service, where the régie taking the payment offers it: card or SEPA debit, chosen on its page.
    // PayFiP takes 1 € or more.
    ...(props.payfip && (part ? rest : due) >= 100
      ? [
          <button class="button button--secondary" type="submit" name="carte" value="PAYFIP">
            Payer par PayFiP (carte ou prélèvement){part}
          </button>,
        ]
      : []),
  ];
  return (
    <CheckoutPage step={4} title="Choisissez votre moyen de paiement">
      {error ? <Notice kind="warning">{error}</Notice> : null}
      <Recap {...recap} caption="Choisissez votre moyen de paiement" />
      <p>Choisir son mode de règlement et suivre les instructions. Il est possible d'utiliser plusieurs modes de règlement.</p>
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
    </CheckoutPage>
  );
}
