// Staff: the supporting documents each service offer of their communes requires. Staff of another
// commune get 403.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DocumentKind } from '../../db/database.ts';
import { communeOffers, offerCommune, setOfferDocuments } from '../../db/queries/services/service-offers.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { REQUIRABLE } from '../documents/index.ts';
import { ServiceOffersPage, type OfferForm } from './views/offers.tsx';
import { z } from 'zod';
import { repeated } from '../forms/schemas.ts';

/** The supporting documents an offer requires, as ticked (the handler refuses one it does not offer). */
const offerDocumentsForm = z.object({ pieces: repeated.transform((values) => [...new Set(values.map(String))]) });

/** Who may call each route below (see web/http/access.ts). */
export const serviceOfferAccess = {
  'GET /agent/services/offres': { who: 'staff' },
  'POST /agent/services/offres/:id': { who: 'staff', object: 'commune-offer', input: { form: 'GET /agent/services/offres', optional: true } },
} satisfies AccessTable;

export function serviceOfferRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, form?: OfferForm) =>
    c.render(<ServiceOffersPage offers={await communeOffers(db, await staffCommuneIds(db, currentUser(c)))} message={flash(c, { pieces: 'Les pièces demandées sont enregistrées.' })} {...(form ? { form } : {})} />, {
      title: 'Services proposés aux familles',
    });

  router.get('/services/offres', (c) => page(c));

  router.post(`/services/offres/:id${ID}`, async (c) => {
    const offerId = idParam(c);
    const commune = await offerCommune(db, offerId);
    if (commune === undefined || !(await staffCommuneIds(db, currentUser(c))).includes(commune)) throw new HTTPException(403);
    const chosen = offerDocumentsForm.parse(await c.req.parseBody({ all: true })).pieces;
    if (chosen.some((kind) => !REQUIRABLE.includes(kind as DocumentKind))) {
      c.status(400);
      return page(c, { offerId, checked: chosen, errors: { pieces: 'Choisissez parmi les pièces proposées.' } });
    }
    await setOfferDocuments(db, { staffId: currentUser(c).id, offerId, documents: chosen as DocumentKind[] });
    return c.redirect(`/agent/services/offres?ok=pieces#offre-${offerId}`, 303);
  });

  return router;
}
