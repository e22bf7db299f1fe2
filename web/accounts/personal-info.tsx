// "Mes informations personnelles". A new e-mail address takes effect only once its owner follows
// the link sent to it, and only after the current password was given.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { accountMails, emailChangeMail } from '../../activities/accounts/mails.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { consumeToken, issueToken } from '../../db/queries/accounts/one-time-tokens.ts';
import { changeEmail, findUserByEmail, updateIdentity } from '../../db/queries/accounts/users.ts';
import type { AppDeps } from '../http/deps.ts';
import { attemptMessage, verifyPasswordAttempt } from './password-attempt.ts';
import type { AppEnv } from '../http/env.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { flash, handleForm } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { emailField, phoneField, requiredText } from '../forms/schemas.ts';
import { InvalidLinkPage } from './views/login-page.tsx';
import { Notice } from '../forms/fields.tsx';
import { PersonalInfoPage } from './views/personal-info.tsx';
import type { AccessTable } from '../http/access.ts';

const identitySchema = z.object({
  first_name: requiredText('Indiquez votre prénom.', 60),
  last_name: requiredText('Indiquez votre nom.', 60),
  phone: phoneField,
});

const messages: Record<string, string> = {
  identite: 'Vos informations ont été enregistrées.',
  email: 'Un lien de confirmation a été envoyé à la nouvelle adresse. Elle remplacera l’actuelle dès que vous l’aurez suivi.',
};

/** Who may call each route below (see web/http/access.ts). */
export const personalInfoAccess = {
  'GET /mon-compte/informations': { who: 'signed-in' },
  'POST /mon-compte/informations': { who: 'signed-in', input: { form: 'GET /mon-compte/informations' } },
  'POST /mon-compte/informations/email': { who: 'signed-in', input: { form: 'GET /mon-compte/informations' } },
  'GET /mon-compte/informations/email/confirmer': { who: 'signed-in' },
} satisfies AccessTable;

export function personalInfoRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now, workflows } = deps;
  const router = new Hono<AppEnv>();
  const attempts = { db, now, trustedProxies: config.TRUSTED_PROXIES };

  function page(c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldErrors; emailValues?: FormValues; emailErrors?: FieldErrors; message?: string | null } = {}) {
    const user = currentUser(c);
    const values = extra.values ?? { first_name: user.first_name ?? '', last_name: user.last_name ?? '', phone: user.phone ?? '' };
    return c.render(<PersonalInfoPage email={user.email} {...extra} values={values} />, { title: 'Mes informations personnelles' });
  }

  router.get('/mon-compte/informations', (c) => page(c, { message: flash(c, messages) }));

  router.post('/mon-compte/informations', (c) =>
    handleForm(c, {
      schema: identitySchema,
      again: (form) => page(c, form),
      save: (identity) => updateIdentity(db, currentUser(c).id, identity),
      then: '/mon-compte/informations?ok=identite',
    }),
  );

  router.post('/mon-compte/informations/email', (c) => {
    const user = currentUser(c);
    return handleForm(c, {
      schema: z.object({ new_email: emailField }),
      check: (values) => {
        const errors: FieldErrors = {};
        if (!values.current_password) errors.current_password = 'Indiquez votre mot de passe actuel.';
        if ((values.new_email ?? '').trim().toLowerCase() === user.email.toLowerCase()) errors.new_email = "C'est déjà votre adresse.";
        return errors;
      },
      again: ({ values, errors }) => page(c, { emailValues: { new_email: values.new_email ?? '' }, emailErrors: errors }),
      // The current password is tried last, once the rest is right: a counted attempt is the one change a wrong form makes.
      save: async ({ new_email }, values) => {
        const attempt = await verifyPasswordAttempt(c, attempts, { account: `user:${user.id}`, hash: user.password_hash, password: values.current_password ?? '' });
        if (!attempt.ok) return { current_password: attemptMessage(attempt, 'Le mot de passe actuel est incorrect.') };
        await requestEmailChange(user, new_email);
      },
      then: '/mon-compte/informations?ok=email',
    });
  });

  async function requestEmailChange(user: ReturnType<typeof currentUser>, newEmail: string): Promise<void> {
    // The same answer whether or not the address is taken: its owner is told, nobody else.
    const owner = await findUserByEmail(db, newEmail);
    if (owner) {
      const mail = accountMails.alreadyRegistered(`${config.PUBLIC_URL}/connexion`, `${config.PUBLIC_URL}/recuperation-mot-de-passe`);
      await workflows.sendMailLater({ idempotencyKey: `email-taken-${owner.id}-${now().getTime()}`, to: owner.email, mail });
    } else {
      const { id, token } = await issueToken(db, { purpose: 'email-change', email: newEmail, userId: user.id, now: now() });
      const mail = emailChangeMail(user.first_name, `${config.PUBLIC_URL}/mon-compte/informations/email/confirmer?token=${token}`);
      await workflows.sendMailLater({ idempotencyKey: `email-change-${id}`, to: newEmail, mail });
    }
  }

  router.get('/mon-compte/informations/email/confirmer', async (c) => {
    const grant = await consumeToken(db, ['email-change'], c.req.query('token') ?? '', now());
    const invalid = () => {
      c.status(410);
      return c.render(<InvalidLinkPage restart="/mon-compte/informations" restartLabel="Recommencer le changement d'adresse" />, { title: 'Lien expiré' });
    };
    if (!grant?.userId) return invalid();
    try {
      await changeEmail(db, grant.userId, grant.email);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) return invalid();
      throw error;
    }
    return c.render(
      <section class="narrow">
        <h1>Adresse e-mail confirmée</h1>
        <Notice kind="success">Votre adresse e-mail est désormais {grant.email}. Utilisez-la pour vous connecter.</Notice>
        <p>
          <a href="/mon-compte">Mon compte</a>
        </p>
      </section>,
      { title: 'Adresse e-mail confirmée' },
    );
  });

  return router;
}
