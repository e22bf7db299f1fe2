// The forms that choose a password: completing a sign-up, resetting, and changing it.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { PasswordCheck } from '../../../domain/password-policy.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';
import { livePasswordCheck, PasswordChecklist } from './password-checklist.tsx';

const passwordLabels = { password: 'Mot de passe', password_confirmation: 'Confirmation du mot de passe', current_password: 'Mot de passe actuel' };

function NewPasswordFields({ errors, check }: { errors: FieldErrors; check?: PasswordCheck | undefined }) {
  return (
    <>
      <Field name="password" label="Mot de passe" type="password" autocomplete="new-password" required error={errors.password} extra={livePasswordCheck} />
      <PasswordChecklist check={check} />
      <Field name="password_confirmation" label="Confirmation du mot de passe" type="password" autocomplete="new-password" required error={errors.password_confirmation} />
    </>
  );
}

export interface CompleteSignupProps {
  token: string;
  email: string;
  communes: { value: string; label: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  check?: PasswordCheck;
}

export function CompleteSignupPage({ token, email, communes, values = {}, errors = {}, check }: CompleteSignupProps) {
  return (
    <section class="narrow">
      <h1>Créez votre compte</h1>
      <p>
        Adresse e-mail confirmée : <strong>{email}</strong>. Complétez vos informations et choisissez votre mot de passe.
      </p>
      <form method="post" action="/inscription/confirmer" novalidate>
        <ErrorSummary
          errors={errors}
          labels={{ first_name: 'Prénom', last_name: 'Nom', phone: 'Téléphone', commune: 'Commune de résidence', ...passwordLabels }}
        />
        <input type="hidden" name="token" value={token} />
        <Field name="first_name" label="Prénom" autocomplete="given-name" required value={values.first_name} error={errors.first_name} />
        <Field name="last_name" label="Nom" autocomplete="family-name" required value={values.last_name} error={errors.last_name} />
        <Field name="phone" label="Téléphone" type="tel" autocomplete="tel" required value={values.phone} error={errors.phone} hint="Exemple : 06 12 34 56 78" />
        <SelectField name="commune" label="Commune de résidence" required options={communes} value={values.commune} error={errors.commune} placeholder="Choisissez votre commune" />
        <NewPasswordFields errors={errors} check={check} />
        <p class="muted">* champs requis</p>
        <button class="button" type="submit">Créer mon compte</button>
      </form>
    </section>
  );
}

export function ForgotPasswordPage({ values = {}, errors = {} }: { values?: FormValues; errors?: FieldErrors }) {
  return (
    <section class="narrow">
      <h1>Mot de passe oublié ?</h1>
      <p>Indiquez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <form method="post" action="/recuperation-mot-de-passe" novalidate>
        <ErrorSummary errors={errors} labels={{ email: 'Adresse e-mail' }} />
        <Field name="email" label="Adresse e-mail" type="email" autocomplete="email" required value={values.email} error={errors.email} />
        <button class="button" type="submit">Recevoir le lien</button>
      </form>
    </section>
  );
}

export function ResetPasswordPage({ token, email, errors = {}, check }: { token: string; email: string; errors?: FieldErrors; check?: PasswordCheck }) {
  return (
    <section class="narrow">
      <h1>Choisissez votre mot de passe</h1>
      <p>
        Compte : <strong>{email}</strong>
      </p>
      <form method="post" action="/recuperation-mot-de-passe/nouveau" novalidate>
        <ErrorSummary errors={errors} labels={passwordLabels} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errors={errors} check={check} />
        <button class="button" type="submit">Enregistrer le mot de passe</button>
      </form>
    </section>
  );
}

export function ChangePasswordPage({ forced, errors = {}, check, done }: { forced: boolean; errors?: FieldErrors; check?: PasswordCheck; done?: boolean }) {
  return (
    <section class="narrow">
      <h1>Changer mon mot de passe</h1>
      {forced ? (
        <Notice kind="warning">Par mesure de sécurité, vous devez choisir un nouveau mot de passe avant de continuer.</Notice>
      ) : null}
      {done ? <Notice kind="success">Votre mot de passe a été changé. Vos autres sessions ont été fermées.</Notice> : null}
      <form method="post" action="/mon-compte/mot-de-passe" novalidate>
        <ErrorSummary errors={errors} labels={passwordLabels} />
        <Field name="current_password" label="Mot de passe actuel" type="password" autocomplete="current-password" required error={errors.current_password} />
        <NewPasswordFields errors={errors} check={check} />
        <button class="button" type="submit">Changer le mot de passe</button>
      </form>
    </section>
  );
}
