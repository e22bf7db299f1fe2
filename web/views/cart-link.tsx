// The header's "Panier : (vide)", or the count and total once something is held.
import type { CartSummary } from '../../db/queries/cart.ts';
import { formatEuros } from '../../domain/money.ts';

export function CartLink({ cart, outOfBand }: { cart: CartSummary | null; outOfBand?: boolean }) {
  const text = cart && cart.count > 0 ? `Panier : ${cart.count} produit${cart.count > 1 ? 's' : ''} – ${formatEuros(cart.totalCents)}` : 'Panier : (vide)';
  return (
    <a id="cart-link" href="/panier" hx-swap-oob={outOfBand ? 'true' : undefined}>
      {text}
    </a>
  );
}
