// Every place a password is chosen: completing a sign-up (which starts the account's validation
// workflow), a reset or invitation link, a change from "Mon compte", and the live policy check.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { recordInvitationAccepted } from '../../db/queries/staff/index.ts';
import { checkPassword, describePasswordProblems } from '../../domain/password-policy.ts';
import { completeSignup, resetPassword } from '../../db/queries/accounts/account-links.ts';
import { mayOpenSession } from '../../db/queries/accounts/account-status.ts';
import { peekToken } from '../../db/queries/accounts/one-time-tokens.ts';
import { invalidateUserSessions } from '../../db/queries/accounts/sessions.ts';
import { communeOptions, setPassword } from '../../db/queries/accounts/users.ts';
import type { AppDeps } from '../http/deps.ts';
import { startSession } from './login.ts';
import { attemptMessage, verifyPasswordAttempt } from './password-attempt.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm } from '../forms/form-route.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { anyText, newPasswordFields, phoneField, requiredText } from '../forms/schemas.ts';
import { InvalidLinkPage } from './views/login-page.tsx';
import { ChangePasswordPage, CompleteSignupPage, ResetPasswordPage } from './views/password-forms.tsx';
import { PasswordChecklist } from './views/password-checklist.tsx';
import type { AccessTable } from '../http/access.ts';

/** Adds the policy's and the confirmation's errors to those of the schema. */
function passwordErrors(values: FormValues, email: string, errors: FieldErrors = {}) {
  const password = values.password ?? '';
  const check = checkPassword(password, email);
  const all = { ...errors };
  if (password && !check.ok) all.password = describePasswordProblems(check);
  if (!all.password && password !== (values.password_confirmation ?? '')) all.password_confirmation = 'Les deux mots de passe ne sont pas identiques.';
  return { errors: all, check: password ? check : undefined };
}

/** The reset link's token, checked against the database before anything else. */
const resetLinkForm = z.object({ token: anyText });

/** The password typed so far, for its checklist. */
const checklistForm = z.object({ password: anyText });

const signupSchema = z.object({
  first_name: requiredText('Indiquez votre prénom.'),
  last_name: requiredText('Indiquez votre nom.'),
  phone: phoneField,
  commune: z.string({ error: 'Choisissez votre commune.' }).regex(/^\d{1,9}$/, 'Choisissez votre commune.').transform(Number),
  ...newPasswordFields,
});

/** Who may call each route below (see web/http/access.ts). */
export const passwordAccess = {
  'GET /inscription/confirmer': { who: 'anyone' },
  'POST /inscription/confirmer': { who: 'anyone', input: { fields: ['token', 'first_name', 'last_name', 'phone', 'commune', 'password', 'password_confirmation'] } },
  'GET /recuperation-mot-de-passe/nouveau': { who: 'anyone' },
  'POST /recuperation-mot-de-passe/nouveau': { who: 'anyone', input: { fields: ['token', 'password', 'password_confirmation'] } },
  'GET /mon-compte/mot-de-passe': { who: 'signed-in' },
  'POST /mon-compte/mot-de-passe': { who: 'signed-in', input: { form: 'GET /mon-compte/mot-de-passe' } },
  'POST /mot-de-passe/regles': { who: 'anyone', input: 'preview' },
} satisfies AccessTable;

export function passwordRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now, workflows } = deps;
  const secure = config.PUBLIC_URL.startsWith('https:');
  const router = new Hono<AppEnv>();
  const attempts = { db, now, trustedProxies: config.TRUSTED_PROXIES };
  const invalidSignupLink = (c: Context<AppEnv>) => {
    c.status(410);
    return c.render(<InvalidLinkPage restart="/connexion" restartLabel="Recommencer l'inscription" />, { title: 'Lien expiré' });
  };
  const invalidResetLink = (c: Context<AppEnv>) => {
    c.status(410);
    return c.render(<InvalidLinkPage restart="/recuperation-mot-de-passe" restartLabel="Demander un nouveau lien" />, { title: 'Lien expiré' });
  };
  const communes = async () => (await communeOptions(db)).map((commune) => ({ value: String(commune.id), label: commune.name }));

  router.get('/inscription/confirmer', async (c) => {
    const token = c.req.query('token') ?? '';
    const grant = await peekToken(db, ['signup'], token, now());
    if (!grant) return invalidSignupLink(c);
    return c.render(<CompleteSignupPage token={token} email={grant.email} communes={await communes()} />, { title: 'Créez votre compte' });
  });

  router.post('/inscription/confirmer', async (c) => {
    const values = await readForm(c);
    const { token } = resetLinkForm.parse(values);
    const grant = await peekToken(db, ['signup'], token, now());
    if (!grant) return invalidSignupLink(c);
    const form = validateForm(signupSchema, values);
    const { errors, check } = passwordErrors(values, grant.email, form.ok ? {} : form.errors);
    const communeList = await communes();
    if (form.ok && !communeList.some((commune) => commune.value === String(form.data.commune))) errors.commune = 'Choisissez votre commune.';
    if (!form.ok || Object.keys(errors).length > 0) {
      c.status(400);
      const { password: _p, password_confirmation: _pc, ...kept } = values;
      return c.render(<CompleteSignupPage token={token} email={grant.email} communes={communeList} values={kept} errors={errors} check={check} />, {
        title: 'Créez votre compte',
      });
    }

    const data = form.data;
    const commune = communeList.find((option) => option.value === String(data.commune))!;
    const user = await completeSignup(
      db,
      token,
      { email: grant.email, firstName: data.first_name, lastName: data.last_name, phone: data.phone, communeId: data.commune, password: data.password },
      now(),
    );
    if (!user) return invalidSignupLink(c);
    // Started once the account is committed, never inside the transaction. Should Temporal not
    // answer, the first document the parent uploads starts it (signal-with-start).
    await workflows
      .startAccountValidation(user.id, { userId: user.id, commune: commune.label })
      .catch((error: unknown) => deps.logger.warn({ err: error, userId: user.id }, 'account validation not started; the first document will start it'));
    return startSession(c, { db, now, secure }, user, '/mon-compte/documents?bienvenue=1');
  });

  router.get('/recuperation-mot-de-passe/nouveau', async (c) => {
    const token = c.req.query('token') ?? '';
    const grant = await peekToken(db, ['password-reset', 'invitation'], token, now());
    if (!grant?.userId || !(await mayOpenSession(db, grant.userId))) return invalidResetLink(c);
    return c.render(<ResetPasswordPage token={token} email={grant.email} />, { title: 'Nouveau mot de passe' });
  });

  router.post('/recuperation-mot-de-passe/nouveau', async (c) => {
    const values = await readForm(c);
    const { token } = resetLinkForm.parse(values);
    const grant = await peekToken(db, ['password-reset', 'invitation'], token, now());
    if (!grant?.userId || !(await mayOpenSession(db, grant.userId))) return invalidResetLink(c);
    const { errors, check } = passwordErrors(values, grant.email);
    if (!values.password) errors.password = 'Choisissez un mot de passe.';
    if (Object.keys(errors).length > 0) {
      c.status(400);
      return c.render(<ResetPasswordPage token={token} email={grant.email} errors={errors} check={check} />, { title: 'Nouveau mot de passe' });
    }
    const user = await resetPassword(db, token, grant.userId, values.password!, now());
    if (!user) return invalidResetLink(c);
    if (grant.purpose === 'invitation') await recordInvitationAccepted(db, { userId: user.id, tokenId: grant.id });
    return startSession(c, { db, now, secure }, user, null);
  });

  router.get('/mon-compte/mot-de-passe', (c) =>
    c.render(<ChangePasswordPage forced={currentUser(c).must_change_password} done={c.req.query('fait') === '1'} />, { title: 'Changer mon mot de passe' }),
  );

  router.post('/mon-compte/mot-de-passe', (c) => {
    const user = currentUser(c);
    return handleForm(c, {
      schema: z.object(newPasswordFields),
      check: (values) => {
        const { errors } = passwordErrors(values, user.email);
        const current = values.current_password ?? '';
        if (!current) errors.current_password = 'Indiquez votre mot de passe actuel.';
        else if (values.password === current) errors.password = "Le nouveau mot de passe doit être différent de l'actuel.";
        return errors;
      },
      again: ({ values, errors }) =>
        c.render(<ChangePasswordPage forced={user.must_change_password} errors={errors} check={passwordErrors(values, user.email).check} />, { title: 'Changer mon mot de passe' }),
      // The current password is tried last, once the rest is right: a counted attempt is the one change a wrong form makes.
      save: async ({ password }, values) => {
        const attempt = await verifyPasswordAttempt(c, attempts, { account: `user:${user.id}`, hash: user.password_hash, password: values.current_password ?? '' });
        if (!attempt.ok) return { current_password: attemptMessage(attempt, 'Le mot de passe actuel est incorrect.') };
        await setPassword(db, user.id, password, now());
        await invalidateUserSessions(db, user.id, c.get('session')!.id);
      },
      then: user.must_change_password ? '/mon-compte' : '/mon-compte/mot-de-passe?fait=1',
    });
  });

  router.post('/mot-de-passe/regles', async (c) => {
    const { password } = checklistForm.parse(await readForm(c));
    return c.html(<PasswordChecklist check={password ? checkPassword(password, c.get('user')?.email) : undefined} />);
  });

  return router;
}
