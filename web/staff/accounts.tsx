// Administrators: staff accounts from the interface. An invitation is the same single-use link as
// `npm run staff:create`, sent by mail; disabling ends the account's sessions and bars its login,
// once the administrator has seen who it concerns and confirmed.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { createStaffAccount, setStaffActive, staffAccounts } from '../../db/queries/staff/staff.ts';
import { communeSlugs } from '../../db/queries/accounts/index.ts';
import { staffInvitationLink } from '../../activities/staff/mails.ts';
import { accountMails } from '../../activities/accounts/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { CONFIRMATION, flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import { readForm } from '../forms/forms.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { emailField } from '../forms/schemas.ts';
import { StaffAccountsPage } from './views/accounts.tsx';
import { DisableStaffConfirmationPage } from './views/disable-confirmation.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const staffAccountAccess = {
  'GET /agent/agents': { who: 'admin' },
  'POST /agent/agents': { who: 'admin', input: { form: 'GET /agent/agents' } },
  'POST /agent/agents/:id/desactiver': { who: 'admin', object: 'staff-account', input: 'button' },
  'POST /agent/agents/:id/activer': { who: 'admin', object: 'staff-account', input: 'button' },
} satisfies AccessTable;

const messages = { invite: "L'invitation est envoyée : l'agent choisit son mot de passe avec le lien reçu (valable 72 heures).", desactive: 'Le compte est désactivé.', active: 'Le compte est réactivé.' };

export function staffAccountRoutes({ db, now, config, workflows }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors; chosen?: string[] } = {}) =>
    c.render(<StaffAccountsPage accounts={await staffAccounts(db)} communes={await communeSlugs(db)} selfId={currentUser(c).id} message={extra.message ?? null} values={extra.values} errors={extra.errors} chosen={extra.chosen} />, { title: 'Agents' });

  router.get('/agents', (c) => page(c, { message: flash(c, messages) }));

  router.post('/agents', async (c) => {
    const chosen = (await c.req.parseBody({ all: true })).communes;
    const slugs = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : []).filter((value): value is string => typeof value === 'string');
    const known = new Set((await communeSlugs(db)).map((commune) => commune.slug));
    return handleForm(c, {
      schema: z.object({ email: emailField, admin: z.literal('1').optional() }),
      check: (values): FieldErrors => (values.admin === '1' || (slugs.length > 0 && slugs.every((slug) => known.has(slug))) ? {} : { communes: "Cochez au moins une commune, ou faites-en un administrateur." }),
      again: (form) => page(c, { ...form, chosen: slugs }),
      save: async ({ email, admin }) => {
        const created = await createStaffAccount(db, { email, communes: admin ? [] : slugs, admin: admin === '1', now: now(), invitedBy: currentUser(c).id });
        const link = staffInvitationLink(config.PUBLIC_URL, created.token);
        await workflows.sendMailLater({ idempotencyKey: `staff-invitation-${created.id}-${now().getTime()}`, to: created.email, mail: accountMails.staffInvitation(link, created.communes.join(', ') || 'toutes les communes') });
      },
      then: '/agent/agents?ok=invite',
    });
  });

  // Disabling locks someone out at once: who, their communes and what happens are shown first, and
  // only the post carrying the confirmation acts.
  router.post(`/agents/:id${ID}/desactiver`, async (c) => {
    const account = (await staffAccounts(db)).find((candidate) => candidate.id === idParam(c));
    if (!account || account.id === currentUser(c).id) throw new HTTPException(404);
    const confirmation = (await readForm(c))[CONFIRMATION.field];
    if (confirmation === CONFIRMATION.back) return c.redirect('/agent/agents', 303);
    if (confirmation !== CONFIRMATION.yes) return c.render(<DisableStaffConfirmationPage account={account} />, { title: `Confirmer la désactivation – ${account.email}` });
    if (!(await setStaffActive(db, { userId: account.id, active: false, adminId: currentUser(c).id, now: now() }))) throw new HTTPException(404);
    return c.redirect('/agent/agents?ok=desactive', 303);
  });

  router.post(`/agents/:id${ID}/activer`, async (c) => {
    if (!(await setStaffActive(db, { userId: idParam(c), active: true, adminId: currentUser(c).id, now: now() }))) throw new HTTPException(404);
    return c.redirect('/agent/agents?ok=active', 303);
  });

  return router;
}
