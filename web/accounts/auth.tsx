// Authentification: sign-up by e-mail, login, logout, forgotten password. No answer tells
// whether an address has an account; rate limits live in the database.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { accountMails } from '../../activities/accounts/mails.ts';
import { consumeBudget, describeWait } from '../../db/queries/accounts/rate-limits.ts';
import { mayOpenSession } from '../../db/queries/accounts/account-status.ts';
import { invalidateSession } from '../../db/queries/accounts/sessions.ts';
import { findUserByEmail } from '../../db/queries/accounts/users.ts';
import { issueToken } from '../../db/queries/accounts/one-time-tokens.ts';
import type { AppDeps } from '../http/deps.ts';
import { clearSessionCookie } from './cookie.ts';
import { closedAccountMessage, startSession } from './login.ts';
import { verifyPasswordAttempt } from './password-attempt.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/env.ts';
import { readForm, validateForm } from '../forms/forms.ts';
import { safeReturnPath } from '../http/return-path.ts';
import { emailField } from '../forms/schemas.ts';
import { CheckYourMailPage, LoginPage } from './views/login-page.tsx';
import { ForgotPasswordPage } from './views/password-forms.tsx';
import type { AccessTable } from '../http/access.ts';

const HOUR = 3600_000;

const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, 'Indiquez votre mot de passe.').max(1024, 'Mot de passe incorrect.'),
});

/** Who may call each route below (see web/http/access.ts). */
export const authAccess = {
  'GET /connexion': { who: 'anyone' },
  'POST /connexion': { who: 'anyone', input: { form: 'GET /connexion' } },
  // Signing out when signed out changes nothing: no need to ask for a login first.
  'POST /deconnexion': { who: 'anyone', input: 'button' },
  'POST /inscription': { who: 'anyone', input: { form: 'GET /connexion' } },
  'GET /recuperation-mot-de-passe': { who: 'anyone' },
  'POST /recuperation-mot-de-passe': { who: 'anyone', input: { form: 'GET /recuperation-mot-de-passe' } },
} satisfies AccessTable;

export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now, workflows } = deps;
  const secure = config.PUBLIC_URL.startsWith('https:');
  const router = new Hono<AppEnv>();
  const attempts = { db, now, trustedProxies: config.TRUSTED_PROXIES };

  router.get('/connexion', (c) => {
    const returnPath = safeReturnPath(c.req.query('retour'), config.PUBLIC_URL);
    if (c.get('user')) return c.redirect(returnPath ?? '/mon-compte', 303);
    return c.render(<LoginPage returnPath={returnPath} />, { title: 'Authentification' });
  });

  router.post('/connexion', async (c) => {
    const values = await readForm(c);
    const returnPath = safeReturnPath(values.retour, config.PUBLIC_URL);
    const form = validateForm(loginSchema, values);
    const again = (errors: Record<string, string>, status: 400 | 401 | 403 | 429) => {
      c.status(status);
      return c.render(<LoginPage values={{ email: values.email ?? '' }} loginErrors={errors} returnPath={returnPath} />, { title: 'Authentification' });
    };
    if (!form.ok) return again(form.errors, 400);

    const user = await findUserByEmail(db, form.data.email);
    const attempt = await verifyPasswordAttempt(c, attempts, { account: `email:${form.data.email.toLowerCase()}`, hash: user?.password_hash, password: form.data.password });
    if (attempt.lockedForSeconds > 0) return again({ password: `Trop de tentatives de connexion. Réessayez dans ${describeWait(attempt.lockedForSeconds)}.` }, 429);
    if (!attempt.ok || !user) return again({ password: 'Adresse e-mail ou mot de passe incorrect.' }, 401);
    // Said only to whoever knows the password: a disabled account's address stays undisclosed.
    if (!(await mayOpenSession(db, user.id))) return again({ password: closedAccountMessage(user) }, 403);
    return startSession(c, { db, now, secure }, user, returnPath);
  });

  router.post('/deconnexion', async (c) => {
    const session = c.get('session');
    if (session) await invalidateSession(db, session.id);
    clearSessionCookie(c, secure);
    return c.redirect('/', 303);
  });

  /** Spends one request of the address's and the client's budgets; the wait in words if over. */
  async function overBudget(c: Context<AppEnv>, action: string, email: string): Promise<string | null> {
    const verdicts = [
      await consumeBudget(db, `${action}:ip:${clientAddress(c, config.TRUSTED_PROXIES)}`, 20, HOUR, now()),
      await consumeBudget(db, `${action}:email:${email.toLowerCase()}`, 3, HOUR, now()),
    ];
    const wait = Math.max(...verdicts.map((verdict) => verdict.retryAfterSeconds));
    return wait > 0 ? `Trop de demandes pour le moment. Réessayez dans ${describeWait(wait)}.` : null;
  }

  router.post('/inscription', async (c) => {
    const values = await readForm(c);
    const form = validateForm(z.object({ signup_email: emailField }), values);
    if (!form.ok) {
      c.status(400);
      return c.render(<LoginPage values={values} signupErrors={form.errors} />, { title: 'Authentification' });
    }
    const email = form.data.signup_email;
    const refused = await overBudget(c, 'signup', email);
    if (refused) {
      c.status(429);
      return c.render(<LoginPage values={values} signupErrors={{ signup_email: refused }} />, { title: 'Authentification' });
    }
    const existing = await findUserByEmail(db, email);
    if (existing) {
      const mail = accountMails.alreadyRegistered(`${config.PUBLIC_URL}/connexion`, `${config.PUBLIC_URL}/recuperation-mot-de-passe`);
      await workflows.sendMailLater({ idempotencyKey: `account-exists-${existing.id}-${now().getTime()}`, to: existing.email, mail });
    } else {
      const { id, token } = await issueToken(db, { purpose: 'signup', email, now: now() });
      const mail = accountMails.signupLink(`${config.PUBLIC_URL}/inscription/confirmer?token=${token}`);
      await workflows.sendMailLater({ idempotencyKey: `signup-${id}`, to: email, mail });
    }
    return c.render(<CheckYourMailPage email={email} reason="signup" />, { title: 'Consultez votre messagerie' });
  });

  router.get('/recuperation-mot-de-passe', (c) => c.render(<ForgotPasswordPage />, { title: 'Mot de passe oublié' }));

  router.post('/recuperation-mot-de-passe', async (c) => {
    const values = await readForm(c);
    const form = validateForm(z.object({ email: emailField }), values);
    if (!form.ok) {
      c.status(400);
      return c.render(<ForgotPasswordPage values={values} errors={form.errors} />, { title: 'Mot de passe oublié' });
    }
    const refused = await overBudget(c, 'reset', form.data.email);
    if (refused) {
      c.status(429);
      return c.render(<ForgotPasswordPage values={values} errors={{ email: refused }} />, { title: 'Mot de passe oublié' });
    }
    const user = await findUserByEmail(db, form.data.email);
    if (user) {
      const { id, token } = await issueToken(db, { purpose: 'password-reset', email: user.email, userId: user.id, now: now() });
      const mail = accountMails.passwordReset(`${config.PUBLIC_URL}/recuperation-mot-de-passe/nouveau?token=${token}`);
      await workflows.sendMailLater({ idempotencyKey: `password-reset-${id}`, to: user.email, mail });
    }
    return c.render(<CheckYourMailPage email={form.data.email} reason="reset" />, { title: 'Consultez votre messagerie' });
  });

  return router;
}
