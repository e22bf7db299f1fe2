// The family's yearly dossier, « Mon dossier annuel »: the campaigns that concern it (it joins its
// commune's opened campaigns, and the one a refused booking named, by opening the page; each joined
// starts its reminders), and « Je confirme le dossier de Léa », refused while anything is missing.
// The child is always read through the family's own children (db/queries/family).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { confirmChild, familyDossiers } from '../../db/queries/registration/dossier.ts';
import { campaignById } from '../../db/queries/registration/campaigns.ts';
import { parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash } from '../forms/form-route.ts';
import { readForm, validateForm } from '../forms/forms.ts';
import { idField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { DossierPage, type DossierPageProps } from './views/family.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const registrationFamilyAccess = {
  'GET /mon-compte/dossier-annuel': { who: 'parent' },
  'POST /mon-compte/dossier-annuel/confirmer': { who: 'parent', input: { form: 'GET /mon-compte/dossier-annuel' } },
} satisfies AccessTable;

const confirmSchema = z.object({ campagne: idField('Ce dossier n’existe pas.'), enfant: idField('Cet enfant n’existe pas.') });

const said = { confirme: 'Le dossier est confirmé.', complet: 'Le dossier est confirmé : votre dossier annuel est complet, merci.' };

export function registrationFamilyRoutes({ db, workflows, now, logger }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, asked: number | null, refused?: DossierPageProps['refused']) => {
    const user = currentUser(c);
    const { dossiers, joined, completed } = await familyDossiers(db, { userId: user.id, communeId: user.commune_id }, { asked, now: now(), today: parisDate(now()) });
    // A family joining a campaign gets its reminders; the page does not wait on Temporal to be seen.
    for (const campaignId of joined) {
      const campaign = await campaignById(db, campaignId);
      if (campaign) {
        await workflows
          .startRegistrations({ id: campaign.id, opens_on: campaign.opens_on, closes_on: campaign.closes_on, commune: campaign.commune }, [user.id])
          .catch((error: unknown) => logger.warn({ err: error, campaignId, userId: user.id }, 'registration workflow not started'));
      }
    }
    for (const campaignId of completed) {
      await workflows.registrationCompleted(campaignId, user.id).catch((error: unknown) => logger.warn({ err: error, campaignId, userId: user.id }, 'registration completion not signalled'));
    }
    return c.render(<DossierPage dossiers={dossiers} message={flash(c, said)} refused={refused} />, { title: 'Mon dossier annuel' });
  };

  router.get('/mon-compte/dossier-annuel', (c) => {
    const asked = c.req.query('campagne');
    return page(c, asked && /^\d{1,12}$/.test(asked) ? Number(asked) : null);
  });

  router.post('/mon-compte/dossier-annuel/confirmer', async (c) => {
    const user = currentUser(c);
    const values = await readForm(c);
    const form = validateForm(confirmSchema, values);
    const refuse = (message: string, campaignId: number | null = null, childId: number | null = null) => {
      c.status(400);
      return page(c, null, { campaignId, childId, message });
    };
    if (!form.ok) return refuse(form.errors.campagne ?? form.errors.enfant ?? 'Ce dossier n’existe pas.');
    const { campagne, enfant } = form.data;
    const confirmed = await confirmChild(db, { userId: user.id, campaignId: campagne, dependantId: enfant, now: now() });
    if (!confirmed.ok) {
      return confirmed.reason === 'missing'
        ? refuse('Ce dossier n’est pas complet : complétez ce qui manque, puis confirmez.', campagne, enfant)
        : refuse('Ce dossier n’existe pas.');
    }
    if (confirmed.familyCompleted) await workflows.registrationCompleted(campagne, user.id);
    // The other guardian of a shared child may be complete by this confirmation: no more reminders.
    for (const other of confirmed.othersCompleted) {
      await workflows.registrationCompleted(campagne, other).catch((error: unknown) => logger.warn({ err: error, campaignId: campagne, userId: other }, 'registration completion not signalled'));
    }
    return c.redirect(`/mon-compte/dossier-annuel?ok=${confirmed.familyCompleted ? 'complet' : 'confirme'}`, 303);
  });

  return router;
}
