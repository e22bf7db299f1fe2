// The booking capability's pages: a product's calendar, the cart and the families' booking lists.
// Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { bookingAccess, bookingRoutes } from './booking.tsx';
import { bookingListAccess, bookingListRoutes } from './lists.tsx';
import { cartAccess, cartRoutes } from './cart.tsx';

export const booking: WebCapability = {
  name: 'booking',
  prefixes: ['/produits', '/panier', '/mon-compte/listes'],
  access: { ...bookingListAccess, ...bookingAccess, ...cartAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', bookingListRoutes(deps));
    router.route('/', bookingRoutes(deps));
    router.route('/', cartRoutes(deps));
    return router;
  },
};
