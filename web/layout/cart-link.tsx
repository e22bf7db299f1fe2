// The header's "Panier : (vide)", or the count and total once something is held; and, on every
// page, the banner of a place offered from a waiting list, one click from the cart that holds it.
import type { CartSummary } from '../../db/queries/booking/index.ts';
import { formatParisWeekdayHour } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';

export function CartLink({ cart, outOfBand }: { cart: CartSummary | null; outOfBand?: boolean }) {
  const text = cart && cart.count > 0 ? `Panier : ${cart.count} produit${cart.count > 1 ? 's' : ''} – ${formatEuros(cart.totalCents)}` : 'Panier : (vide)';
  return (
    <a id="cart-link" href="/panier" hx-swap-oob={outOfBand ? 'true' : undefined}>
      {text}
    </a>
  );
}

export function OfferBanner({ cart, path }: { cart: CartSummary | null; path: string }) {
  // The cart and the checkout show the place themselves.
  if (!cart || cart.offered === 0 || !cart.offeredUntil || path === '/panier' || path.startsWith('/commande')) return null;
  const many = cart.offered > 1;
  return (
    <div class="offer-banner" role="status">
      <p>
        <strong>{many ? `${cart.offered} places libérées vous sont proposées` : 'Une place libérée vous est proposée'}</strong> (liste d'attente) : {many ? 'elles sont gardées' : 'elle est gardée'} dans
        votre panier jusqu'au {formatParisWeekdayHour(cart.offeredUntil)}.{' '}
        <a class="button button--accent" href="/panier">
          Réserver {many ? 'ces places' : 'cette place'}
        </a>
      </p>
    </div>
  );
}
