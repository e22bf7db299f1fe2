// Staff: the service offers of their communes, and the supporting documents a family must hold
// valid before asking for each.
import type { CommuneOffer } from '../../../db/queries/services/service-offers.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { Notice } from '../../forms/fields.tsx';
import { RequiredDocumentsFieldset } from '../../documents/index.ts';

export interface OfferForm {
  offerId: number;
  checked: string[];
  errors: FieldErrors;
}

export function ServiceOffersPage({ offers, form, message }: { offers: CommuneOffer[]; form?: OfferForm; message?: string | null }) {
  return (
    <>
      <h1>Services proposés aux familles</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>
        Une famille s’inscrit à un service avant de réserver les activités qui le demandent. Cochez les pièces qu’elle doit avoir fait accepter, et encore valables, pour demander l’inscription : la
        page « Ajouter un service » les lui indique.
      </p>
      {offers.length === 0 ? <p>Aucun service dans vos communes.</p> : null}
      {offers.map((offer) => (
        <section aria-labelledby={`offre-${offer.id}`}>
          <h2 id={`offre-${offer.id}`}>
            {offer.label} <small>({offer.commune})</small>
          </h2>
          <form method="post" action={`/agent/services/offres/${offer.id}`} novalidate>
            <RequiredDocumentsFieldset
              legend="Pièces demandées pour s’inscrire"
              idPrefix={`offre-${offer.id}`}
              checked={form?.offerId === offer.id ? form.checked : offer.required_documents}
              error={form?.offerId === offer.id ? form.errors.pieces : undefined}
            />
            <button class="button" type="submit">
              Enregistrer
            </button>
          </form>
        </section>
      ))}
    </>
  );
}
