// "Mes informations personnelles": names and phone, the e-mail address (changed through a link
// sent to the new one), and the way to the password change.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';

export interface PersonalInfoProps {
  email: string;
  values: FormValues;
  errors?: FieldErrors;
  emailValues?: FormValues;
  emailErrors?: FieldErrors;
  message?: string | null;
}

export function PersonalInfoPage({ email, values, errors = {}, emailValues = {}, emailErrors = {}, message }: PersonalInfoProps) {
  return (
    <>
      <h1>Mes informations personnelles</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <section aria-labelledby="identity-title">
        <h2 id="identity-title">Identité et téléphone</h2>
        <form method="post" action="/mon-compte/informations" novalidate>
          <ErrorSummary errors={errors} labels={{ first_name: 'Prénom', last_name: 'Nom', phone: 'Téléphone' }} />
          <Field name="first_name" label="Prénom" autocomplete="given-name" required value={values.first_name} error={errors.first_name} />
          <Field name="last_name" label="Nom" autocomplete="family-name" required value={values.last_name} error={errors.last_name} />
          <Field name="phone" label="Téléphone" type="tel" autocomplete="tel" required value={values.phone} error={errors.phone} />
          <button class="button" type="submit">Enregistrer</button>
        </form>
      </section>
      <section aria-labelledby="email-title">
        <h2 id="email-title">Adresse e-mail</h2>
        <p>
          Adresse actuelle : <strong>{email}</strong>
        </p>
        <form method="post" action="/mon-compte/informations/email" novalidate>
          <ErrorSummary errors={emailErrors} labels={{ new_email: 'Nouvelle adresse e-mail', current_password: 'Mot de passe actuel' }} />
          <Field name="new_email" label="Nouvelle adresse e-mail" type="email" autocomplete="email" required value={emailValues.new_email} error={emailErrors.new_email} />
          <Field name="current_password" label="Mot de passe actuel" type="password" autocomplete="current-password" required error={emailErrors.current_password} />
          <button class="button" type="submit">Changer d'adresse</button>
        </form>
      </section>
      <section aria-labelledby="password-title">
        <h2 id="password-title">Mot de passe</h2>
        <p>
          <a href="/mon-compte/mot-de-passe">Changer mon mot de passe</a>
        </p>
      </section>
    </>
  );
}
