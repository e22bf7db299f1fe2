// Administrators: the staff accounts, their communes and state; an invitation for a new agent
// (the same single-use link as `npm run staff:create`), and disabling or enabling an account.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';

export interface StaffAccount {
  id: number;
  email: string;
  name: string;
  role: string;
  active: boolean;
  invited: boolean;
  communes: string[];
}

export function StaffAccountsPage(props: { accounts: StaffAccount[]; communes: { slug: string; name: string }[]; selfId: number; message: string | null; values?: FormValues; errors?: FieldErrors; chosen?: string[] }) {
  const { accounts, communes, selfId, message, values = {}, errors = {}, chosen = [] } = props;
  return (
    <>
      <h1>Agents</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <h2>Inviter un agent</h2>
      <form method="post" action="/agent/agents" novalidate>
        <ErrorSummary errors={errors} labels={{ email: 'Adresse e-mail', communes: 'Communes' }} />
        <Field name="email" label="Adresse e-mail de l'agent" type="email" required value={values.email} error={errors.email} autocomplete="off" />
        <fieldset class={errors.communes ? 'field field--error' : 'field'} aria-describedby={errors.communes ? 'communes-error' : undefined}>
          <legend>Communes</legend>
          {errors.communes ? (
            <p class="field__error" id="communes-error">
              {errors.communes}
            </p>
          ) : null}
          {communes.map((commune) => (
            <div class="checkbox">
              <input type="checkbox" id={`commune-${commune.slug}`} name="communes" value={commune.slug} checked={chosen.includes(commune.slug)} />
              <label for={`commune-${commune.slug}`}>{commune.name}</label>
            </div>
          ))}
          <div class="checkbox">
            <input type="checkbox" id="admin" name="admin" value="1" checked={values.admin === '1'} />
            <label for="admin">Administrateur (toutes les communes, gestion des agents)</label>
          </div>
        </fieldset>
        <button class="button" type="submit">
          Envoyer l'invitation
        </button>
      </form>

      <h2>Comptes</h2>
      <table>
        <caption class="visually-hidden">Comptes agents</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Communes</th>
            <th scope="col">État</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr>
              <td>
                {account.name || account.email}
                {account.name ? <br /> : null}
                {account.name ? account.email : null}
              </td>
              <td>{account.role === 'admin' ? 'Toutes (administrateur)' : account.communes.join(', ') || '—'}</td>
              <td>{!account.active ? 'Désactivé' : account.invited ? 'Invité (mot de passe à choisir)' : 'Actif'}</td>
              <td>
                {account.id === selfId ? (
                  'Vous'
                ) : (
                  <form method="post" action={`/agent/agents/${account.id}/${account.active ? 'desactiver' : 'activer'}`} class="inline-form">
                    <button class="button button--secondary" type="submit">
                      {account.active ? 'Désactiver' : 'Réactiver'}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
