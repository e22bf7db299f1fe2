// The booking capability's pages: a product's calendar, the cart and the families' booking lists.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { bookingAccess, bookingRoutes } from './booking.tsx';
import { bookingListAccess, bookingListRoutes } from './lists.tsx';
import { cartAccess, cartRoutes } from './cart.tsx';

export const booking = webCapability('booking', ['/produits', '/panier', '/mon-compte/listes'], [
  { at: '/', routes: bookingListRoutes, access: bookingListAccess },
  { at: '/', routes: bookingRoutes, access: bookingAccess },
  { at: '/', routes: cartRoutes, access: cartAccess },
]);
