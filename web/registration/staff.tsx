// Staff: the yearly registration campaigns of their communes (another commune's answer 403): a new
// campaign (its form read by a schema, each error next to its field, audited), one campaign with its
// completion per product and its incomplete families, and « Ouvrir la campagne », shown first then
// confirmed, which lists the families concerned and starts each one's registration workflow.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { campaignById, communeCampaigns, communeProducts, communesNamed, createCampaign, familiesToList, openCampaign, type Campaign } from '../../db/queries/registration/campaigns.ts';
import { campaignProgress, incompleteFamilies } from '../../db/queries/registration/progress.ts';
import { parisDate } from '../../domain/dates.ts';
import { campaignDatesProblem, missingWords, nextSchoolYear } from '../../domain/registration.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { idField, isoDayField, repeated } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { REQUIRABLE } from '../documents/index.ts';
import { CampaignFormPage, CampaignListPage, CampaignPage, OpenCampaignPage, type CampaignFormValues } from './views/staff.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const registrationStaffAccess = {
  'GET /agent/inscriptions': { who: 'staff' },
  'GET /agent/inscriptions/nouvelle': { who: 'staff' },
  'POST /agent/inscriptions': { who: 'staff', input: { form: 'GET /agent/inscriptions/nouvelle' } },
  'GET /agent/inscriptions/:id': { who: 'staff', object: 'commune-campaign' },
  'POST /agent/inscriptions/:id/ouvrir': { who: 'staff', object: 'commune-campaign', input: 'button' },
} satisfies AccessTable;

const ticked = (message: string) => repeated.transform((values) => [...new Set(values.map(String))]).refine((values) => values.every((v) => v.length <= 40), message);

const campaignSchema = z.object({
  commune: idField('Choisissez la commune.'),
  annee: z.string({ error: 'Choisissez l’année scolaire.' }).regex(/^\d{4}-\d{4}$/, 'Choisissez l’année scolaire.'),
  ouverture: isoDayField('Donnez le jour d’ouverture (jj/mm/aaaa).'),
  cloture: isoDayField('Donnez le jour de clôture (jj/mm/aaaa).'),
  produits: ticked('Cochez les activités concernées.').refine((values) => values.length > 0 && values.every((v) => /^\d{1,12}$/.test(v)), 'Cochez au moins une activité concernée.'),
  pieces: ticked('Choisissez parmi les pièces proposées.').refine((values) => values.every((v) => (REQUIRABLE as string[]).includes(v)), 'Choisissez parmi les pièces proposées.'),
  incomplet: z.enum(['block', 'top-tier'], { error: 'Choisissez ce que rencontre une famille au dossier incomplet.' }),
});

const said = { cree: 'La campagne est créée : ouvrez-la quand elle est prête.', ouverte: 'La campagne est ouverte : les familles concernées sont prévenues par mail.' };

export function registrationStaffRoutes({ db, workflows, now, logger }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  const today = () => parisDate(now());

  /** The campaign behind :id, if of one of the staff member's communes; 403 otherwise. */
  const inScope = async (c: Context<AppEnv>): Promise<Campaign> => {
    const campaign = await campaignById(db, idParam(c));
    if (!campaign || !(await staffCommuneIds(db, currentUser(c))).includes(campaign.commune_id)) throw new HTTPException(403);
    return campaign;
  };

  const formPage = async (c: Context<AppEnv>, values: CampaignFormValues, errors: FieldErrors) => {
    const communeIds = await staffCommuneIds(db, currentUser(c));
    const [communes, products] = await Promise.all([
      communesNamed(db, communeIds),
      communeProducts(db, communeIds),
    ]);
    const names = new Map(communes.map((commune) => [commune.id, commune.name]));
    const next = nextSchoolYear(today());
    const after = `${next.slice(5)}-${Number(next.slice(5)) + 1}`;
    return c.render(
      <CampaignFormPage communes={communes} years={[next, after]} products={products.map((p) => ({ id: p.id, name: p.name, commune: names.get(p.commune_id) ?? '' }))} values={values} errors={errors} />,
      { title: 'Nouvelle campagne de dossier annuel' },
    );
  };

  router.get('/inscriptions', async (c) => c.render(<CampaignListPage campaigns={await communeCampaigns(db, await staffCommuneIds(db, currentUser(c)))} />, { title: 'Dossiers annuels' }));

  router.get('/inscriptions/nouvelle', (c) => formPage(c, { annee: nextSchoolYear(today()), incomplet: 'block' }, {}));

  router.post('/inscriptions', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const list = (name: string) => [body[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
    const values: CampaignFormValues = { commune: text('commune'), annee: text('annee'), ouverture: text('ouverture'), cloture: text('cloture'), incomplet: text('incomplet'), produits: list('produits'), pieces: list('pieces') };
    const again = (errors: FieldErrors) => {
      c.status(400);
      return formPage(c, values, errors);
    };
    // The schema reads the ticked boxes as lists (a form of plain values has one of each).
    const form = validateForm(campaignSchema, values as unknown as FormValues);
    if (!form.ok) return again(form.errors);
    const data = form.data;
    const communeIds = await staffCommuneIds(db, currentUser(c));
    if (!communeIds.includes(data.commune)) return again({ commune: 'Choisissez une de vos communes.' });
    const years = [nextSchoolYear(today()), `${nextSchoolYear(today()).slice(5)}-${Number(nextSchoolYear(today()).slice(5)) + 1}`];
    if (!years.includes(data.annee)) return again({ annee: 'Choisissez l’année scolaire parmi celles proposées.' });
    const dates = campaignDatesProblem(data.ouverture, data.cloture, data.annee, today());
    if (dates) return again({ [dates.field]: dates.message });
    const created = await createCampaign(db, {
      communeId: data.commune,
      schoolYear: data.annee,
      opensOn: data.ouverture,
      closesOn: data.cloture,
      productIds: data.produits.map(Number),
      requiredDocuments: data.pieces,
      whenIncomplete: data.incomplet,
      staffId: currentUser(c).id,
      now: now(),
    });
    if (created === 'foreign-product') return again({ produits: 'Cochez des activités de la commune choisie.' });
    return c.redirect(`/agent/inscriptions/${created}?ok=cree`, 303);
  });

  const campaignPage = async (c: Context<AppEnv>, campaign: Campaign) => {
    const [progress, incomplete] = await Promise.all([campaignProgress(db, campaign.id, today()), incompleteFamilies(db, campaign.id)]);
    return c.render(
      <CampaignPage
        campaign={campaign}
        message={flash(c, said)}
        progress={progress}
        incomplete={incomplete.map((f) => ({ ...f, children: f.children.map((child) => ({ ...child, missing: child.missing.map(missingWords) })) }))}
      />,
      { title: `Dossier annuel ${campaign.school_year} : ${campaign.commune}` },
    );
  };

  router.get(`/inscriptions/:id${ID}`, async (c) => campaignPage(c, await inScope(c)));

  router.post(`/inscriptions/:id${ID}/ouvrir`, async (c) => {
    const campaign = await inScope(c);
    return handleForm(c, {
      schema: z.object({}),
      again: () => campaignPage(c, campaign),
      preview: async () => {
        if (campaign.opened_at) return { _form: 'Cette campagne est déjà ouverte.' };
        return c.render(<OpenCampaignPage campaign={campaign} families={await familiesToList(db, campaign.id, today())} />, { title: 'Ouvrir la campagne' });
      },
      save: async () => {
        const families = await openCampaign(db, campaign.id, currentUser(c).id, now(), today());
        if (families === null) return { _form: 'Cette campagne est déjà ouverte.' };
        // The campaign is open whatever Temporal says: reminders not started now are started by the reconciler.
        await workflows
          .startRegistrations({ id: campaign.id, opens_on: campaign.opens_on, closes_on: campaign.closes_on, commune: campaign.commune }, families)
          .catch((error: unknown) => logger.warn({ err: error, campaignId: campaign.id }, 'registration workflows not all started'));
      },
      then: `/agent/inscriptions/${campaign.id}?ok=ouverte`,
    });
  });

  return router;
}


