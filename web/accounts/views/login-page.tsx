// "Authentification": the reference's two blocks, "Créez votre compte" and "Déjà inscrit ?".
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { passwordRules } from '../../../domain/password-policy.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';

export interface LoginPageProps {
  values?: FormValues;
  signupErrors?: FieldErrors;
  loginErrors?: FieldErrors;
  returnPath?: string | null;
  message?: string | null;
}

export function LoginPage({ values = {}, signupErrors = {}, loginErrors = {}, returnPath, message }: LoginPageProps) {
  return (
    <>
      <h1>Authentification</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <div class="columns">
        <section class="panel" aria-labelledby="signup-title">
          <h2 id="signup-title">Créez votre compte</h2>
          <p class="warning">
            <strong>Uniquement si vous n'avez jamais eu de compte sur la plateforme Citoyens</strong>
          </p>
          <form method="post" action="/inscription" novalidate>
            <ErrorSummary errors={signupErrors} labels={{ signup_email: 'Adresse e-mail' }} />
            <Field name="signup_email" label="Adresse e-mail" type="email" autocomplete="email" required value={values.signup_email} error={signupErrors.signup_email} />
            <button class="button" type="submit">Créer un compte</button>
          </form>
          <p class="muted">Les services peuvent être commandés une fois votre compte validé par la mairie ; vous en serez informé par courriel.</p>
        </section>
        <section class="panel" aria-labelledby="login-title">
          <h2 id="login-title">Déjà inscrit ?</h2>
          <div class="notice">
            <p>Par mesure de sécurité, tous les utilisateurs doivent changer leur mot de passe :</p>
            <ul>
              {passwordRules.map((rule) => (
                <li>{rule.label}</li>
              ))}
            </ul>
            <p>
              La mise à jour peut s'effectuer en cliquant sur « <a href="/recuperation-mot-de-passe">Mot de passe oublié ?</a> ».
            </p>
            <p>Pour votre sécurité, vous serez automatiquement déconnecté(e) au bout de 2 heures d'inactivité de votre part.</p>
          </div>
          <form method="post" action="/connexion" novalidate>
            <ErrorSummary errors={loginErrors} labels={{ email: 'Adresse e-mail', password: 'Mot de passe' }} />
            {returnPath ? <input type="hidden" name="retour" value={returnPath} /> : null}
            <Field name="email" label="Adresse e-mail" type="email" autocomplete="username" required value={values.email} error={loginErrors.email} />
            <Field name="password" label="Mot de passe" type="password" autocomplete="current-password" required error={loginErrors.password} />
            <p>
              <a href="/recuperation-mot-de-passe">Mot de passe oublié ?</a>
            </p>
            <button class="button" type="submit">Connexion</button>
          </form>
        </section>
      </div>
    </>
  );
}

export function CheckYourMailPage({ email, reason }: { email: string; reason: 'signup' | 'reset' }) {
  return (
    <section class="narrow">
      <h1>Consultez votre messagerie</h1>
      <p>
        Si l'adresse <strong>{email}</strong> peut recevoir {reason === 'signup' ? 'un lien de création de compte' : 'un lien de réinitialisation'}, un
        courriel vient de lui être envoyé. Suivez le lien qu'il contient {reason === 'signup' ? 'dans les 24 heures' : "dans l'heure"}.
      </p>
      <p class="muted">Rien reçu ? Vérifiez le dossier des indésirables, puis recommencez dans quelques minutes.</p>
      <p>
        <a href="/connexion">Retour à la connexion</a>
      </p>
    </section>
  );
}

export function InvalidLinkPage({ restart, restartLabel }: { restart: string; restartLabel: string }) {
  return (
    <section class="narrow">
      <h1>Ce lien n'est plus valable</h1>
      <p>Il a déjà servi ou il a expiré. Pour des raisons de sécurité, chaque lien ne sert qu'une fois.</p>
      <p>
        <a class="button" href={restart}>
          {restartLabel}
        </a>
      </p>
    </section>
  );
}
