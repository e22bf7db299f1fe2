// "Produit ajouté au panier avec succès": the reference's dialog (a page without JavaScript).
import { formatEuros } from '../../../domain/money.ts';
import type { CartSummary } from '../../../db/queries/booking/cart.ts';
import { CartLink } from '../../layout/cart-link.tsx';

export interface AddedProps {
  product: string;
  productId: number;
  prestation: string;
  quantity: number;
  totalCents: number;
  cart: CartSummary;
  /** htmx: also refresh the header's cart link. */
  outOfBand?: boolean;
}

const plural = (n: number) => `${n} produit${n > 1 ? 's' : ''}`;

export function AddedToCart({ product, productId, prestation, quantity, totalCents, cart, outOfBand }: AddedProps) {
  return (
    <>
      <section class="added" role="dialog" aria-labelledby="added-title">
        <h2 id="added-title" tabindex={-1} autofocus>
          <span aria-hidden="true">✓ </span>Produit ajouté au panier avec succès
        </h2>
        <div class="added__columns">
          <div>
            <p>
              <strong>{product}</strong>
            </p>
            <p>{prestation}</p>
            <p>Quantité : {quantity}</p>
            <p>Total : {formatEuros(totalCents)}</p>
          </div>
          <div>
            <p>Il y a {plural(cart.count)} dans votre panier.</p>
            <p>Total produits : (TTC) {formatEuros(cart.totalCents)}</p>
            <p>Taxes : {formatEuros(0)}</p>
            <p>
              <strong>Total : (TTC) {formatEuros(cart.totalCents)}</strong>
            </p>
          </div>
        </div>
        <p class="added__actions">
          <a class="button button--secondary" href={`/produits/${productId}`}>
            « Continuer mes achats »
          </a>
          <form method="post" action="/commande" class="inline-form">
            <button class="button" type="submit">
              Commander »
            </button>
          </form>
        </p>
      </section>
      {outOfBand ? <CartLink cart={cart} outOfBand /> : null}
    </>
  );
}
