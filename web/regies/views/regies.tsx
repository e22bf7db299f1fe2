// The régies' pages: the list (staff see their communes' régies; administrators all, and create),
// and a régie's page: its settings (read-only for staff, the form for administrators), its links
// to the journal and the counter, and « Produits de la régie » with a product to attach.
import type { Child } from 'hono/jsx';
import { METHOD_LABELS } from '../../../domain/regies.ts';
import type { RegieDetail, RegieSummary } from '../../../db/queries/regies/regie-settings.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { ErrorSummary, Notice, SelectField } from '../../forms/fields.tsx';

const ROLE = { regisseur: 'régisseur', suppleant: 'suppléant' } as const;

export function RegiesPage({ regies, admin, message }: { regies: RegieSummary[]; admin: boolean; message: string | null }) {
  return (
    <>
      <h1>Régies de recettes</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>Chaque produit appartient à une régie : l’argent que les familles versent pour lui entre dans le journal de cette régie.</p>
      {admin ? (
        <p>
          <a class="button" href="/agent/regies/nouvelle">
            Créer une régie
          </a>
        </p>
      ) : null}
      {regies.length === 0 ? <p>Aucune régie ne couvre vos communes.</p> : null}
      {regies.length > 0 ? (
        <table>
          <caption class="visually-hidden">Régies de vos communes</caption>
          <thead>
            <tr>
              <th scope="col">Régie</th>
              <th scope="col">Communes</th>
              <th scope="col">Régisseur et suppléants</th>
              <th scope="col">Moyens de paiement</th>
            </tr>
          </thead>
          <tbody>
            {regies.map((regie) => (
              <tr>
                <td>
                  <a href={`/agent/regies/${regie.id}`}>{regie.name}</a>
                </td>
                <td>{regie.communes.join(', ')}</td>
                <td>{regie.members.map((m) => `${m.name} (${ROLE[m.role]})`).join(', ') || '—'}</td>
                <td>{regie.methods.map((m) => METHOD_LABELS[m]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function Setting({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
}

export interface RegiePageProps {
  regie: RegieDetail;
  summary: RegieSummary;
  message: string | null;
  /** The settings form, for administrators. */
  form: Child | null;
  products: { id: number; name: string; commune: string }[];
  attachable: { id: number; name: string; commune: string; regie: string }[];
  attach: { value?: string | undefined; errors: FieldErrors };
}

export function RegiePage({ regie, summary, message, form, products, attachable, attach }: RegiePageProps) {
  return (
    <>
      <p>
        <a href="/agent/regies">← Régies de recettes</a>
      </p>
      <h1>{regie.name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ul class="link-list link-list--inline">
        <li>
          <a href={`/agent/regies/${regie.id}/journal`}>Journal de la régie</a>
        </li>
        <li>
          <a href={`/agent/regies/${regie.id}/encaissement`}>Encaissement au guichet</a>
        </li>
        <li>
          <a href={`/agent/regies/${regie.id}/cloture`}>Clôture de la journée</a>
        </li>
        <li>
          <a href={`/agent/regies/${regie.id}/releves`}>Relevés mensuels et fichier PES</a>
        </li>
      </ul>

      <h2>La régie</h2>
      <dl>
        <Setting label="Communes" value={summary.communes.join(', ')} />
        <Setting label="Régisseur et suppléants" value={summary.members.map((m) => `${m.name} (${ROLE[m.role]})`).join(', ') || null} />
        <Setting label="Moyens de paiement autorisés" value={regie.methods.map((m) => METHOD_LABELS[m]).join(', ')} />
        <Setting label="Paybox : site, rang, identifiant" value={[regie.payboxSite, regie.payboxRang, regie.payboxIdentifiant].some(Boolean) ? [regie.payboxSite ?? '—', regie.payboxRang ?? '—', regie.payboxIdentifiant ?? '—'].join(' / ') : null} />
        <Setting label="Clé HMAC Paybox" value={regie.hasHmacKey ? 'Clé enregistrée' : 'Aucune'} />
        <Setting label="PayFiP : numéro client, mode" value={regie.payfipNumcli ? `${regie.payfipNumcli} / ${regie.payfipSaisie}` : null} />
        <Setting label="PES : IdPost, IdColl, CodCol, CodBud" value={[regie.pesIdPost, regie.pesIdColl, regie.pesCodCol, regie.pesCodBud].some(Boolean) ? [regie.pesIdPost, regie.pesIdColl, regie.pesCodCol, regie.pesCodBud].map((v) => v ?? '—').join(' / ') : null} />
      </dl>

      {form ? (
        <section aria-labelledby="modifier">
          <h2 id="modifier">Modifier la régie</h2>
          {form}
        </section>
      ) : null}

      <h2>Produits de la régie</h2>
      {products.length === 0 ? (
        <p>Aucun produit.</p>
      ) : (
        <ul>
          {products.map((p) => (
            <li>
              {p.name} – {p.commune}
            </li>
          ))}
        </ul>
      )}
      <h3>Rattacher un produit à cette régie</h3>
      <p>Les produits de vos communes couverts par cette régie et tenus par une autre : leurs paiements à venir entreront dans le journal de celle-ci.</p>
      <form method="post" action={`/agent/regies/${regie.id}/produits`} novalidate>
        <ErrorSummary errors={attach.errors} labels={{ produit: 'Produit' }} />
        <SelectField
          name="produit"
          label="Produit"
          required
          options={attachable.map((p) => ({ value: String(p.id), label: `${p.name} – ${p.commune} (aujourd’hui : ${p.regie})` }))}
          value={attach.value}
          error={attach.errors.produit}
          placeholder={attachable.length === 0 ? 'Aucun produit à rattacher' : 'Choisissez un produit'}
        />
        <button class="button" type="submit">
          Rattacher le produit
        </button>
      </form>
    </>
  );
}
