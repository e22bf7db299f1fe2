// « Garde partagée » from « Mes filiations »: a guardian invites the other parent (a single-use
// link by mail), cancels a pending invitation, and, once the child is shared, proposes billing
// rules per product, answers the other's proposals, or ends the sharing. Every page is gated by
// findDependant: a child that is not the family's answers 404.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findDependant } from '../../db/queries/family/index.ts';
import { guardiansOf } from '../../db/queries/guardians/index.ts';
import { cancelInvitation, inviteGuardian, pendingInvitation } from '../../db/queries/guardians/invitations.ts';
import { answerRule, custodyRules, productsForRules, proposeRule, ruleWords, type RuleProposal } from '../../db/queries/guardians/custody-rules.ts';
import { findUser } from '../../db/queries/accounts/index.ts';
import { endSharing } from '../../db/queries/guardians/guardians.ts';
import { guardianMails, invitationLink } from '../../activities/guardians/index.ts';
import { isoWeekday } from '../../domain/dates.ts';
import type { Dependant } from '../../db/database.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';
import { CONFIRMATION, flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { readForm } from '../forms/forms.ts';
import { isoDayField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { ConfirmationForm } from '../forms/confirmation.tsx';
import { wakeWaitingLists } from '../waitlist/index.ts';
import { SharingPage } from './views/sharing-page.tsx';
import { RulesPage } from './views/rules-page.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const custodyAccess = {
  'GET /mon-compte/garde-partagee/:id': { who: 'parent', object: 'dependant' },
  'POST /mon-compte/garde-partagee/:id/invitation': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/garde-partagee/:id' } },
  'POST /mon-compte/garde-partagee/:id/invitation/annuler': { who: 'parent', object: 'dependant', input: 'button' },
  'GET /mon-compte/garde-partagee/:id/regles': { who: 'parent', object: 'shared-child' },
  'POST /mon-compte/garde-partagee/:id/regles': { who: 'parent', object: 'shared-child', input: { form: 'GET /mon-compte/garde-partagee/:id/regles' } },
  'POST /mon-compte/garde-partagee/:id/regles/reponse': { who: 'parent', object: 'shared-child', input: { form: 'GET /mon-compte/garde-partagee/:id/regles' } },
  'POST /mon-compte/garde-partagee/:id/fin': { who: 'parent', object: 'shared-child', input: 'button' },
} satisfies AccessTable;

const flashes = {
  invitation: 'L’invitation est envoyée : l’autre parent a 7 jours pour l’accepter depuis son compte.',
  annulee: 'L’invitation est annulée : son lien ne sert plus.',
  proposee: 'Votre proposition est enregistrée : elle s’appliquera quand l’autre responsable l’aura acceptée.',
  agreed: 'La règle est acceptée : elle s’applique désormais.',
  refused: 'La règle est refusée.',
  withdrawn: 'Votre proposition est retirée.',
  fin: 'La garde partagée est terminée.',
  acceptee: 'Vous êtes désormais responsable de cet enfant : vous voyez son dossier et ses réservations, et vous réservez et payez vos propres jours.',
  retrait: 'Un enfant en garde partagée ne se retire pas de vos filiations : mettez d’abord fin au partage.',
};

const inviteSchema = z.object({
  email: z
    .string({ error: 'Indiquez l’adresse e-mail de l’autre parent.' })
    .trim()
    .min(1, 'Indiquez l’adresse e-mail de l’autre parent.')
    .max(254, "L'adresse e-mail est trop longue.")
    .pipe(z.email({ error: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." })),
});

const ruleSchema = z.object({
  produit: z.string({ error: 'Choisissez l’activité.' }).regex(/^\d{1,12}$/, 'Choisissez l’activité.').transform(Number),
  regle: z.enum(['each', 'split', 'alternate'], { error: 'Choisissez la règle.' }),
  lundi: z.string().optional(),
  semaine_de: z.string().optional(),
  part: z.string().optional(),
});

const answerSchema = z.object({
  proposition: z.string({ error: 'Cette proposition n’existe plus.' }).regex(/^\d{1,12}$/, 'Cette proposition n’existe plus.').transform(Number),
  reponse: z.enum(['accepter', 'refuser', 'retirer'], { error: 'Choisissez d’accepter ou de refuser la proposition.' }),
});

export function custodyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now, config, workflows } = deps;
  const router = new Hono<AppEnv>();

  const sharingPage = async (c: Context<AppEnv>, child: Dependant, extra: { values?: FormValues; errors?: FieldErrors; message?: string | null } = {}) =>
    c.render(
      <SharingPage child={child} guardians={(await guardiansOf(db, [child.id])).get(child.id) ?? []} selfId={currentUser(c).id} pending={await pendingInvitation(db, child.id, now())} awaitingAnswer={(await custodyRules(db, child.id)).filter((r) => r.state === 'pending' && r.proposed_by !== currentUser(c).id).length} {...extra} />,
      { title: `Garde partagée de ${child.first_name}` },
    );

  /** The shared child of the family's, or null (404): rules need two guardians. */
  const sharedChild = async (c: Context<AppEnv>) => {
    const child = await findDependant(db, currentUser(c).id, idParam(c));
    return child && child.co_guardian_id !== null ? child : null;
  };

  const rulesPage = async (c: Context<AppEnv>, child: Dependant, extra: { values?: FormValues; errors?: FieldErrors; message?: string | null; answerError?: string } = {}) => {
    const guardians = (await guardiansOf(db, [child.id])).get(child.id) ?? [];
    return c.render(
      <RulesPage child={child} guardians={guardians} selfId={currentUser(c).id} rules={await custodyRules(db, child.id)} products={await productsForRules(db, guardians.map((g) => g.id))} {...extra} />,
      { title: `Règles de paiement pour ${child.first_name}` },
    );
  };

  router.get(`/mon-compte/garde-partagee/:id${ID}`, async (c) => {
    const child = await findDependant(db, currentUser(c).id, idParam(c));
    if (!child) return c.notFound();
    return sharingPage(c, child, { message: flash(c, flashes) });
  });

  router.post(`/mon-compte/garde-partagee/:id${ID}/invitation`, async (c) => {
    const user = currentUser(c);
    const child = await findDependant(db, user.id, idParam(c));
    if (!child) return c.notFound();
    return handleForm(c, {
      schema: inviteSchema,
      again: (form) => sharingPage(c, child, form),
      save: async ({ email }) => {
        const invited = await inviteGuardian(db, { dependantId: child.id, userId: user.id, userEmail: user.email, email, now: now() });
        if (!invited.ok) return { email: invited.refusal === 'own-address' ? 'C’est votre propre adresse : indiquez celle de l’autre parent.' : `${child.first_name} a déjà deux responsables.` };
        const inviter = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
        await workflows.sendMailLater({ idempotencyKey: `guardian-invitation-${invited.id}`, to: email, mail: guardianMails.invitation({ inviter, child: child.first_name, link: invitationLink(config.PUBLIC_URL, invited.token) }) });
      },
      then: `/mon-compte/garde-partagee/${child.id}?ok=invitation`,
    });
  });

  router.post(`/mon-compte/garde-partagee/:id${ID}/invitation/annuler`, async (c) => {
    const user = currentUser(c);
    const child = await findDependant(db, user.id, idParam(c));
    if (!child) return c.notFound();
    await cancelInvitation(db, { dependantId: child.id, userId: user.id, now: now() });
    return c.redirect(`/mon-compte/garde-partagee/${child.id}?ok=annulee`, 303);
  });

  router.get(`/mon-compte/garde-partagee/:id${ID}/regles`, async (c) => {
    const child = await sharedChild(c);
    if (!child) return c.notFound();
    return rulesPage(c, child, { message: flash(c, flashes) });
  });

  router.post(`/mon-compte/garde-partagee/:id${ID}/regles`, async (c) => {
    const user = currentUser(c);
    const child = await sharedChild(c);
    if (!child) return c.notFound();
    const guardians = (await guardiansOf(db, [child.id])).get(child.id) ?? [];
    const products = new Set((await productsForRules(db, guardians.map((g) => g.id))).map((p) => p.id));
    let proposal: RuleProposal | null = null;
    return handleForm(c, {
      schema: ruleSchema,
      check: (values): FieldErrors => {
        const errors: FieldErrors = {};
        if (/^\d{1,12}$/.test(values.produit ?? '') && !products.has(Number(values.produit))) errors.produit = 'Choisissez une activité de la liste.';
        if (values.regle === 'split') {
          const part = (values.part ?? '').trim();
          if (!/^\d{1,2}$/.test(part) || Number(part) < 1) errors.part = 'Indiquez la part, de 1 à 99 %.';
          else proposal = { rule: 'split', firstSharePercent: Number(part) };
        } else if (values.regle === 'alternate') {
          const monday = isoDayField('x').safeParse(values.lundi ?? '');
          if (!monday.success) errors.lundi = 'Indiquez le lundi d’une semaine de référence (par exemple le lundi 4 janvier 2027).';
          else if (isoWeekday(monday.data) !== 1) errors.lundi = 'Ce jour n’est pas un lundi : choisissez le lundi de la semaine.';
          const holder = guardians.find((g) => String(g.id) === values.semaine_de);
          if (!holder) errors.semaine_de = 'Choisissez à qui est cette semaine.';
          if (monday.success && holder && isoWeekday(monday.data) === 1) proposal = { rule: 'alternate', referenceMonday: monday.data, referenceGuardianId: holder.id };
        } else if (values.regle === 'each') proposal = { rule: 'each' };
        return errors;
      },
      again: (form) => rulesPage(c, child, form),
      save: async ({ produit }) => {
        const ruleId = await proposeRule(db, { dependantId: child.id, productId: produit, userId: user.id, proposal: proposal!, now: now() });
        // The other parent is told by mail: the rule waits for their answer, which the page alone would not say.
        const other = guardians.find((g) => g.id !== user.id);
        const account = other ? await findUser(db, other.id) : undefined;
        const product = (await productsForRules(db, guardians.map((g) => g.id))).find((p) => p.id === produit);
        if (account && product) {
          await workflows.sendMailLater({
            idempotencyKey: `custody-rule-${ruleId}-proposed`,
            to: account.email,
            mail: guardianMails.ruleProposed({
              proposer: [user.first_name, user.last_name].filter(Boolean).join(' ') || 'L’autre parent',
              child: child.first_name,
              product: product.name,
              rule: ruleWords[proposal!.rule],
              link: `${config.PUBLIC_URL}/mon-compte/garde-partagee/${child.id}/regles`,
            }),
          });
        }
      },
      then: `/mon-compte/garde-partagee/${child.id}/regles?ok=proposee`,
    });
  });

  router.post(`/mon-compte/garde-partagee/:id${ID}/regles/reponse`, async (c) => {
    const user = currentUser(c);
    const child = await sharedChild(c);
    if (!child) return c.notFound();
    let outcome = 'not-found';
    return handleForm(c, {
      schema: answerSchema,
      again: (form) => rulesPage(c, child, { answerError: form.errors.proposition ?? form.errors.reponse ?? 'Cette proposition n’attend plus de réponse de votre part.' }),
      save: async ({ proposition, reponse }) => {
        const answer = reponse === 'accepter' ? 'agree' : reponse === 'refuser' ? 'refuse' : 'withdraw';
        outcome = await answerRule(db, { dependantId: child.id, ruleId: proposition, userId: user.id, answer, now: now() });
        if (outcome === 'not-found') return { proposition: 'Cette proposition n’attend plus de réponse de votre part.' };
      },
      then: () => `/mon-compte/garde-partagee/${child.id}/regles?ok=${outcome}`,
    });
  });

  router.post(`/mon-compte/garde-partagee/:id${ID}/fin`, async (c) => {
    const user = currentUser(c);
    const child = await sharedChild(c);
    if (!child) return c.notFound();
    const confirmation = (await readForm(c))[CONFIRMATION.field];
    if (confirmation === CONFIRMATION.back) return c.redirect(`/mon-compte/garde-partagee/${child.id}/regles`, 303);
    if (confirmation !== CONFIRMATION.yes) {
      return c.render(
        <section class="narrow">
          <h1>Mettre fin à la garde partagée de {child.first_name} ?</h1>
          <p>
            {child.co_guardian_id === user.id
              ? `Vous ne verrez plus ${child.first_name} ni son dossier, et ne pourrez plus réserver ses activités.`
              : `L’autre parent ne verra plus ${child.first_name} ni son dossier, et ne pourra plus réserver ses activités.`}{' '}
            Les jours déjà réservés et payés restent à chacun ; les règles de paiement prennent fin.
          </p>
          <ConfirmationForm action={`/mon-compte/garde-partagee/${child.id}/fin`} fields={[]} />
        </section>,
        { title: `Mettre fin à la garde partagée de ${child.first_name}` },
      );
    }
    const ended = await endSharing(db, { dependantId: child.id, userId: user.id, now: now() });
    // The places the second guardian had in their cart for the child go to their days' waiting lists.
    if (ended) await wakeWaitingLists(deps, ended.releasedHoldIds.map((holdId) => ({ holdId })));
    // The one who leaves no longer has the child: back to their list.
    return c.redirect(child.co_guardian_id === user.id ? '/mon-compte/filiations' : `/mon-compte/garde-partagee/${child.id}?ok=fin`, 303);
  });

  return router;
}
