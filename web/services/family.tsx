// "Mes services" and "Ajouter un service": a request per offer, each approved by the offer's
// commune through its own subscriptionApproval workflow.
import { Hono } from 'hono';
import { familySubscriptions, offersByCommune, requestSubscriptions, subscriptionOfferId } from '../../db/queries/services/subscriptions.ts';
import { validDocumentTypes } from '../../db/queries/documents/index.ts';
import { parisDate } from '../../domain/dates.ts';
import { lackingDocuments } from '../../domain/purchase.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { kindLabel } from '../documents/index.ts';
import { AddServicePage, MyServicesPage } from './views/family.tsx';
import type { AccessTable } from '../http/access.ts';
import { z } from 'zod';
import { repeatedText } from '../forms/schemas.ts';

/** « Ajouter un service »: the offers ticked (the handler keeps those it knows). */
const addServiceForm = z.object({ offer: repeatedText });

/** Who may call each route below (see web/http/access.ts). */
export const serviceAccess = {
  'GET /mon-compte/services': { who: 'parent' },
  'GET /mon-compte/services/ajouter': { who: 'parent' },
  'POST /mon-compte/services/ajouter': { who: 'parent', input: { form: 'GET /mon-compte/services/ajouter' } },
} satisfies AccessTable;

export function serviceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, now } = deps;
  const router = new Hono<AppEnv>();

  router.get('/mon-compte/services', async (c) => {
    const user = currentUser(c);
    const asked = Number(c.req.query('demandes') ?? 0);
    const already = Number(c.req.query('deja') ?? 0);
    const parts = [
      asked > 0 ? `${asked === 1 ? 'Votre demande a été envoyée' : `Vos ${asked} demandes ont été envoyées`} à la mairie.` : null,
      already > 0 ? `${already === 1 ? 'Un service choisi était déjà demandé' : `${already} services choisis étaient déjà demandés`} : rien n'a changé pour ${already === 1 ? 'lui' : 'eux'}.` : null,
    ].filter(Boolean);
    return c.render(<MyServicesPage subscriptions={await familySubscriptions(db, user.id)} canAsk={user.status === 'validated'} message={parts.join(' ') || null} />, {
      title: 'Mes services',
    });
  });

  router.get('/mon-compte/services/ajouter', async (c) => {
    if (currentUser(c).status !== 'validated') return c.redirect('/mon-compte/services', 303);
    return c.render(<AddServicePage groups={await offersByCommune(db)} valid={await validDocumentTypes(db, currentUser(c).id, parisDate(now()))} />, { title: 'Ajouter un service' });
  });

  router.post('/mon-compte/services/ajouter', async (c) => {
    const user = currentUser(c);
    if (user.status !== 'validated') return c.redirect('/mon-compte/services', 303);
    const { offer: raw } = addServiceForm.parse(await c.req.parseBody({ all: true }));
    const groups = await offersByCommune(db);
    const known = new Map(groups.flatMap((group) => group.offers.map((offer) => [String(offer.id), { ...offer, commune: group.commune }])));
    const chosen = raw.filter((id) => known.has(id));
    const valid = await validDocumentTypes(db, user.id, parisDate(now()));
    const again = (offer: string) => {
      c.status(400);
      return c.render(<AddServicePage groups={groups} valid={valid} chosen={chosen} errors={{ offer }} />, { title: 'Ajouter un service' });
    };
    if (chosen.length === 0) return again('Choisissez au moins un service, puis appuyez sur « Valider ».');
    const lacking = chosen.map((id) => ({ offer: known.get(id)!, types: lackingDocuments(known.get(id)!.requiredDocuments, valid) })).filter((entry) => entry.types.length > 0);
    if (lacking.length > 0) {
      return again(
        lacking.map(({ offer, types }) => `« ${offer.label} » demande une pièce justificative acceptée et encore valable : ${types.map(kindLabel).join(', ')}. Déposez-la dans Mes pièces justificatives.`).join(' '),
      );
    }
    const { requested, already } = await requestSubscriptions(db, user.id, chosen.map(Number), now());
    for (const subscriptionId of requested) {
      const offerId = await subscriptionOfferId(db, subscriptionId);
      await workflows.startSubscriptionApproval(subscriptionId, { userId: user.id, commune: known.get(String(offerId))!.commune });
    }
    return c.redirect(`/mon-compte/services?demandes=${requested.length}&deja=${already.length}`, 303);
  });

  return router;
}
