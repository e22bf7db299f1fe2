// The invitee's page behind the mailed link: who invites them for which child, then sign in (or
// create an account) and accept or refuse; and the answer once given.
import { Notice } from '../../forms/fields.tsx';

export interface InvitationPageProps {
  token: string;
  inviter: string;
  child: string;
  /** Not signed in, a parent, or staff (who may not be a guardian). */
  visitor: 'anonymous' | 'parent' | 'staff';
  refusal?: string | null;
}

export function InvitationPage({ token, inviter, child, visitor, refusal }: InvitationPageProps) {
  const back = `/garde-partagee/invitation?jeton=${encodeURIComponent(token)}`;
  return (
    <section class="narrow">
      <h1>Invitation à la garde partagée de {child}</h1>
      {refusal ? <Notice kind="warning">{refusal}</Notice> : null}
      <p>
        {inviter} vous invite à devenir, vous aussi, responsable de {child}. Vous verrez son dossier et ses réservations, et vous réserverez et paierez vos propres jours avec votre compte.
      </p>
      {visitor === 'anonymous' ? (
        <>
          <p>Connectez-vous avec votre propre compte pour répondre. Vous n’en avez pas encore ? Créez-le et confirmez-le, puis rouvrez le lien de cet e-mail d’invitation : il reste valable.</p>
          <p>
            <a class="button" href={`/connexion?retour=${encodeURIComponent(back)}`}>
              Me connecter pour répondre
            </a>{' '}
            <a class="button button--secondary" href="/inscription">
              Créer mon compte
            </a>
          </p>
        </>
      ) : visitor === 'staff' ? (
        <Notice kind="warning">Un compte agent ne peut pas être responsable d’un enfant : connectez-vous avec votre compte de parent.</Notice>
      ) : (
        <form method="post" action="/garde-partagee/invitation" class="form-actions">
          <input type="hidden" name="jeton" value={token} />
          <button class="button" type="submit" name="reponse" value="accepter">
            Accepter l’invitation
          </button>
          <button class="button button--secondary" type="submit" name="reponse" value="refuser">
            Refuser
          </button>
        </form>
      )}
    </section>
  );
}

export function InvalidInvitationPage() {
  return (
    <section class="narrow">
      <h1>Ce lien n'est plus valable</h1>
      <p>Il a déjà servi, il a été annulé ou il a expiré (7 jours). Demandez à l’autre parent de vous inviter à nouveau depuis « Mes filiations ».</p>
    </section>
  );
}
