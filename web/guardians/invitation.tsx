// The invitee's side of an invitation: the mailed link shows who invites them for which child;
// signed in as a parent they accept (they become the child's second guardian) or refuse. Signed
// out, « Me connecter » comes back here after the login. The token travels in the link and the
// form only: request logs keep the path, never the query.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { answerInvitation, invitationBehind } from '../../db/queries/guardians/invitations.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';
import { readForm } from '../forms/forms.ts';
import { anyText } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { InvalidInvitationPage, InvitationPage } from './views/invitation-page.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const invitationAccess = {
  'GET /garde-partagee/invitation': { who: 'anyone' },
  'POST /garde-partagee/invitation': { who: 'parent', input: { fields: ['jeton', 'reponse'] } },
} satisfies AccessTable;

const answerForm = z.object({ jeton: anyText, reponse: anyText });

const refusals = {
  own: 'Vous êtes déjà responsable de cet enfant : cette invitation est destinée à l’autre parent, qui doit l’accepter depuis son propre compte.',
  'other-address':
    'Cette invitation a été envoyée à une autre adresse e-mail que celle de votre compte : connectez-vous avec le compte de cette adresse, ou demandez à l’autre parent de vous inviter à l’adresse de votre compte.',
  'shared-already': 'Cet enfant a déjà deux responsables : l’invitation ne peut plus être acceptée.',
};

export function invitationRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const invalid = (c: Context<AppEnv>) => {
    c.status(410);
    return c.render(<InvalidInvitationPage />, { title: 'Lien expiré' });
  };

  const page = async (c: Context<AppEnv>, token: string, refusal: string | null = null) => {
    const invitation = await invitationBehind(db, token, now());
    if (!invitation) return invalid(c);
    const user = c.get('user');
    const inviter = [invitation.inviterFirst, invitation.inviterLast].filter(Boolean).join(' ') || 'L’autre parent';
    return c.render(<InvitationPage token={token} inviter={inviter} child={invitation.child} visitor={!user ? 'anonymous' : user.role === 'parent' ? 'parent' : 'staff'} refusal={refusal} />, {
      title: `Invitation à la garde partagée de ${invitation.child}`,
    });
  };

  router.get('/garde-partagee/invitation', (c) => page(c, c.req.query('jeton') ?? ''));

  router.post('/garde-partagee/invitation', async (c) => {
    const user = currentUser(c);
    const { jeton, reponse } = answerForm.parse(await readForm(c));
    if (reponse !== 'accepter' && reponse !== 'refuser') {
      c.status(400);
      return page(c, jeton, 'Choisissez d’accepter ou de refuser l’invitation.');
    }
    const answered = await answerInvitation(db, { token: jeton, userId: user.id, accept: reponse === 'accepter', now: now() });
    if (!answered.ok) {
      if (answered.refusal === 'invalid') return invalid(c);
      c.status(answered.refusal === 'shared-already' ? 409 : 403);
      return page(c, jeton, answered.refusal === 'staff' ? 'Un compte agent ne peut pas être responsable d’un enfant.' : refusals[answered.refusal]);
    }
    return c.redirect(reponse === 'accepter' ? `/mon-compte/garde-partagee/${answered.dependantId}?ok=acceptee` : '/mon-compte', 303);
  });

  return router;
}
