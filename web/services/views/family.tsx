// "Mes services" (the table of the reference) and "Ajouter un service" (offers by commune).
import { kindLabel } from '../../documents/index.ts';
import type { SubscriptionStatus } from '../../../db/database.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { ErrorSummary, Notice } from '../../forms/fields.tsx';

export interface SubscriptionRow {
  id: number;
  offer: string;
  offer_id: number;
  commune: string;
  commune_slug: string;
  status: SubscriptionStatus;
  status_reason: string | null;
}

export function subscriptionStatusText(status: SubscriptionStatus, reason: string | null): string {
  if (status === 'validated') return 'Validé';
  if (status === 'refused') return `Refusé : ${reason ?? 'motif non précisé'}`;
  return 'En attente de validation';
}

export function MyServicesPage({ subscriptions, message, canAsk }: { subscriptions: SubscriptionRow[]; message?: string | null; canAsk: boolean }) {
  return (
    <>
      <h1>Mes services</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {subscriptions.length === 0 ? (
        <p>Vous n'êtes inscrit(e) à aucun service pour le moment.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Vos services et leur statut</caption>
          <thead>
            <tr>
              <th scope="col">Nom du Service</th>
              <th scope="col">Commune</th>
              <th scope="col">Statut</th>
              <th scope="col">Acheter</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((row) => (
              <tr>
                <td data-label="Nom du Service">{row.offer}</td>
                <td data-label="Commune">{row.commune.toUpperCase()}</td>
                <td data-label="Statut">{subscriptionStatusText(row.status, row.status_reason)}</td>
                <td>
                  {row.status === 'validated' ? (
                    <a class="button" href={`/communes/${row.commune_slug}?service=${row.offer_id}`}>
                      Réserver<span class="visually-hidden"> : {row.offer}</span>
                    </a>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAsk ? (
        <p>
          <a class="button" href="/mon-compte/services/ajouter">
            Ajouter un service
          </a>
        </p>
      ) : (
        <Notice kind="info">Vous pourrez demander un service une fois votre compte validé par la mairie.</Notice>
      )}
    </>
  );
}

type Offer = { id: number; label: string; requiredDocuments: string[] };

/** What an offer asks for: each document type, and whether the family holds one valid. */
function OfferDocuments({ offer, valid }: { offer: Offer; valid: string[] }) {
  if (offer.requiredDocuments.length === 0) return null;
  return (
    <p class="field__hint" id={`offer-${offer.id}-hint`}>
      Pièce demandée :{' '}
      {offer.requiredDocuments.map((type, index) => (
        <>
          {index > 0 ? ', ' : ''}
          {kindLabel(type)} {valid.includes(type) ? '(vous l’avez)' : <a href="/mon-compte/documents">(à déposer)</a>}
        </>
      ))}
    </p>
  );
}

export function AddServicePage({ groups, valid, chosen = [], errors = {} }: { groups: { commune: string; offers: Offer[] }[]; valid: string[]; chosen?: string[]; errors?: FieldErrors }) {
  return (
    <>
      <h1>Ajouter un service</h1>
      <p>Merci de choisir, dans votre commune, l'élément correspondant à votre situation puis appuyer sur le bouton "Valider", en bas de la page</p>
      <form method="post" action="/mon-compte/services/ajouter" novalidate>
        <ErrorSummary errors={errors} labels={{}} />
        {groups.map((group) => (
          <fieldset class="offer-group">
            <legend>{group.commune.toUpperCase()}</legend>
            {group.offers.map((offer) => (
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={`offer-${offer.id}`}
                  name="offer"
                  value={String(offer.id)}
                  checked={chosen.includes(String(offer.id))}
                  aria-describedby={offer.requiredDocuments.length > 0 ? `offer-${offer.id}-hint` : undefined}
                />
                <label for={`offer-${offer.id}`}>{offer.label}</label>
                <OfferDocuments offer={offer} valid={valid} />
              </div>
            ))}
          </fieldset>
        ))}
        <button class="button" type="submit">Valider</button>
      </form>
    </>
  );
}
