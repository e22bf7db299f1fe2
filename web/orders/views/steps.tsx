// The checkout's frame: the reference's step bar ("01. Récapitulatif" … "05. Paiement") and the
// order recap shown at the first and last steps.
import type { Child } from 'hono/jsx';
import { formatShortDate } from '../../../domain/dates.ts';
import { amountDue, formatEuros } from '../../../domain/money.ts';

const steps = ['01. Récapitulatif', '02. Connexion', '03. Adresse', '04. Conditions générales de vente', '05. Paiement'];

export function StepBar({ current }: { current: number }) {
  return (
    <nav aria-label="Étapes de la commande">
      <ol class="steps">
        {steps.map((label, index) => (
          <li class={index < current ? 'steps__done' : index === current ? 'steps__current' : undefined} aria-current={index === current ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The recap's columns, as the reference names them (cart, checkout and order pages). */
export function RecapHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Produit</th>
        <th scope="col">Description</th>
        <th scope="col">Prix unitaire</th>
        <th scope="col">Quantité</th>
        <th scope="col">Total</th>
      </tr>
    </thead>
  );
}

/** The recap's totals: products, the voucher if any, taxes (none) and what is due. */
export function RecapTotals({ totalCents, voucher }: { totalCents: number; voucher?: { label: string; discountCents: number } | null }) {
  const row = (label: string, cents: number, strong = false) => (
    <tr>
      <th scope="row" colspan={4}>
        {label}
      </th>
      <td>{strong ? <strong>{formatEuros(cents)}</strong> : formatEuros(cents)}</td>
    </tr>
  );
  return (
    <tfoot>
      {row('Total produits TTC :', totalCents)}
      {voucher ? row(`Bon de réduction (${voucher.label}) :`, -voucher.discountCents) : null}
      {row('Taxes :', 0)}
      {row('TOTAL', amountDue(totalCents, voucher?.discountCents ?? 0), true)}
    </tfoot>
  );
}

export interface RecapLine {
  product: string;
  prestation: string;
  child: string;
  dates: string[];
  unitCents: number;
  totalCents: number;
}

export function Recap({ lines, totalCents, caption, voucher }: { lines: RecapLine[]; totalCents: number; caption: string; voucher?: { label: string; discountCents: number } | null }) {
  const count = lines.reduce((sum, line) => sum + line.dates.length, 0);
  return (
    <table class="recap stack">
      <caption>
        {caption} ({count} produit{count > 1 ? 's' : ''})
      </caption>
      <RecapHead />
      <tbody>
        {lines.map((line) => (
          <tr>
            <td data-label="Produit">{line.product}</td>
            <td data-label="Description">
              {line.product} {line.prestation}
              <br />
              Bénéficiaire : {line.child} Dates : {line.dates.map(formatShortDate).join(', ')}
            </td>
            <td data-label="Prix unitaire">{formatEuros(line.unitCents)}</td>
            <td data-label="Quantité">{line.dates.length}</td>
            <td data-label="Total">{formatEuros(line.totalCents)}</td>
          </tr>
        ))}
      </tbody>
      <RecapTotals totalCents={totalCents} voucher={voucher} />
    </table>
  );
}

export function CheckoutPage({ step, title, children }: { step: number; title: string; children?: Child }) {
  return (
    <>
      <StepBar current={step} />
      <h1>{title}</h1>
      {children}
    </>
  );
}

/** "Commander" could not reach the order service: nothing was ordered, the cart is intact. */
export function OrderNotStartedPage() {
  return (
    <section class="narrow">
      <h1>Votre commande n'a pas pu être enregistrée</h1>
      <div class="notice notice--warning" role="alert">
        Le service de commande est momentanément indisponible. Rien n'a été débité et votre panier est conservé.
      </div>
      <p>
        <a class="button" href="/panier">Revenir au panier et réessayer</a>
      </p>
    </section>
  );
}
