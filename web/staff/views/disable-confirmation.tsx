// Administrators: what disabling a staff account does, before it is done: who, their communes,
// that they are logged out at once and can no longer sign in; « Confirmer » or « Retour ».
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { Notice } from '../../forms/fields.tsx';
import type { StaffAccount } from './accounts.tsx';

export function DisableStaffConfirmationPage({ account }: { account: StaffAccount }) {
  const who = account.name ? `${account.name} (${account.email})` : account.email;
  return (
    <>
      <p>
        <a href="/agent/agents">← Agents</a>
      </p>
      <h1>Confirmer la désactivation du compte de {who}</h1>
      <Notice kind="warning">
        <p>
          <strong>Rien n'est encore fait.</strong>
        </p>
      </Notice>
      <ul>
        <li>Agent : {who}</li>
        <li>Communes : {account.role === 'admin' ? 'toutes (administrateur)' : account.communes.join(', ') || 'aucune'}</li>
        <li>Ses sessions ouvertes sont fermées : l'agent est déconnecté tout de suite, sur tous ses appareils.</li>
        <li>Il ne peut plus se connecter (« Ce compte est désactivé ») et ses liens d'invitation ou de nouveau mot de passe ne valent plus, jusqu'à ce qu'un administrateur réactive le compte.</li>
      </ul>
      <ConfirmationForm action={`/agent/agents/${account.id}/desactiver`} fields={[]} />
    </>
  );
}
