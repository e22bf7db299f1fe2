// The cart: lines by product, prestation and child, with their dates and prices, removal of one
// date or a whole line, the totals, and how long the places stay held.
import type { CartHold, CartSummary } from '../../../db/queries/booking/cart.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { Notice } from '../../forms/fields.tsx';
import { RecapHead, RecapTotals } from '../../orders/index.ts';

export interface CartLine {
  key: string;
  product: string;
  productId: number;
  prestation: string;
  child: string;
  holds: CartHold[];
}

export function groupCart(holds: CartHold[]): CartLine[] {
  const lines = new Map<string, CartLine>();
  for (const hold of holds) {
    const key = `${hold.product_id}-${hold.prestation_id}-${hold.dependant_id}`;
    const line = lines.get(key) ?? { key, product: hold.product, productId: hold.product_id, prestation: hold.prestation, child: `${hold.first_name} ${hold.last_name}`, holds: [] };
    line.holds.push(hold);
    lines.set(key, line);
  }
  return [...lines.values()];
}

export interface CartPageProps {
  lines: CartLine[];
  summary: CartSummary;
  minutesLeft: number | null;
  expired: number;
  removed: number;
  /** A removal refused: the place is a line of an order being paid. */
  inOrder: boolean;
}

export function CartPage({ lines, summary, minutesLeft, expired, removed, inOrder }: CartPageProps) {
  return (
    <>
      <h1>Mon panier</h1>
      {inOrder ? (
        <Notice kind="warning">
          Cette date fait partie d’une commande en cours : elle reste réservée. Terminez ou abandonnez cette commande (<a href="/mon-compte/commandes">Mes commandes</a>) pour la retirer.
        </Notice>
      ) : null}
      {removed > 0 ? <Notice kind="success">{removed === 1 ? 'La date a été retirée du panier et la place libérée.' : `${removed} dates ont été retirées du panier et les places libérées.`}</Notice> : null}
      {expired > 0 ? (
        <Notice kind="warning">
          {expired === 1 ? 'Une place réservée pour vous a expiré' : `${expired} places réservées pour vous ont expiré`} : elle{expired > 1 ? 's ont' : ' a'} été libérée{expired > 1 ? 's' : ''}.
        </Notice>
      ) : null}
      {lines.length === 0 ? (
        <p>Votre panier est vide.</p>
      ) : (
        <>
          {minutesLeft !== null ? <p class="notice">Places réservées pour vous encore {minutesLeft} min.</p> : null}
          <table class="cart stack">
            <caption class="visually-hidden">Contenu du panier</caption>
            <RecapHead />
            <tbody>
              {lines.map((line) => {
                const unit = line.holds[0]!.price_cents;
                const sameUnit = line.holds.every((hold) => hold.price_cents === unit);
                const total = line.holds.reduce((sum, hold) => sum + hold.price_cents, 0);
                return (
                  <tr>
                    <td data-label="Produit">
                      <a href={`/produits/${line.productId}`}>{line.product}</a> {line.prestation}
                    </td>
                    <td data-label="Description">
                      <p>Bénéficiaire : {line.child}</p>
                      <ul class="cart__dates">
                        {line.holds.map((hold) => (
                          <li>
                            {formatShortDate(hold.service_date)}
                            {hold.price_note ? <span class="muted"> ({hold.price_note})</span> : null}{' '}
                            <form method="post" action="/panier/retirer" class="inline-form">
                              <input type="hidden" name="hold" value={String(hold.id)} />
                              <button class="link-button" type="submit">
                                Retirer<span class="visually-hidden"> le {formatShortDate(hold.service_date)} de {line.child}</span>
                              </button>
                            </form>
                          </li>
                        ))}
                      </ul>
                      <form method="post" action="/panier/retirer" class="inline-form">
                        {line.holds.map((hold) => (
                          <input type="hidden" name="hold" value={String(hold.id)} />
                        ))}
                        <button class="link-button" type="submit">
                          Retirer la ligne<span class="visually-hidden"> {line.prestation} de {line.child}</span>
                        </button>
                      </form>
                    </td>
                    <td data-label="Prix unitaire">{sameUnit ? formatEuros(unit) : 'variable'}</td>
                    <td data-label="Quantité">{line.holds.length}</td>
                    <td data-label="Total">{formatEuros(total)}</td>
                  </tr>
                );
              })}
            </tbody>
            <RecapTotals totalCents={summary.totalCents} />
          </table>
          <p>Il y a {summary.count} produit{summary.count > 1 ? 's' : ''} dans votre panier.</p>
          <form method="post" action="/commande" class="checkout-actions">
            <a href="/">← Continuer mes achats</a>
            <button class="button" type="submit">
              Commander &gt;
            </button>
          </form>
        </>
      )}
    </>
  );
}
