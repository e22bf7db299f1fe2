// A product page: what it is, its prestations and prices, and, for a family that cannot buy it
// yet, what is missing and where to fix it.
import type { Child } from 'hono/jsx';
import type { MissingStep } from '../../../domain/purchase.ts';
import { formatEuros } from '../../../domain/money.ts';
import { Notice } from '../../forms/fields.tsx';
import { kindLabel } from '../../documents/index.ts';

export interface ProductPageProps {
  product: { id: number; name: string; provider_label: string; description: string; commune: string; commune_slug: string; mairie_label: string; mairie_phone: string | null; channel: 'online' | 'mairie' };
  prestations: { id: number; label: string; price_cents: number }[];
  missing: MissingStep[];
  returnPath: string;
  /** The personalisation form, for a family allowed to buy a dated product. */
  personalise?: Child;
}

function Missing({ step, returnPath }: { step: MissingStep; returnPath: string }) {
  switch (step.kind) {
    case 'login':
      return (
        <li>
          Connectez-vous ou créez votre compte : <a href={`/connexion?retour=${encodeURIComponent(returnPath)}`}>Connexion</a>
        </li>
      );
    case 'account-validation':
      return (
        <li>
          Votre compte doit être validé par la mairie. <a href="/mon-compte/documents">Déposer mes pièces justificatives</a>
        </li>
      );
    case 'subscription':
      return step.pending ? (
        <li>
          Votre demande d'inscription au service est en attente de validation par la mairie. <a href="/mon-compte/services">Voir mes services</a>
        </li>
      ) : (
        <li>
          Ce produit demande une inscription validée à l'un de ces services : {step.offers.map((offer) => offer.label).join(', ')}.{' '}
          <a href="/mon-compte/services/ajouter">Ajouter un service</a>
        </li>
      );
    case 'documents':
      return (
        <li>
          Ce produit demande une pièce justificative acceptée et encore valable : {step.types.map((type) => kindLabel(type)).join(', ')}.{' '}
          <a href="/mon-compte/documents">Déposer une pièce</a>
        </li>
      );
  }
}

export function ProductPage({ product, prestations, missing, returnPath, personalise }: ProductPageProps) {
  return (
    <>
      <p>
        <a href={`/communes/${product.commune_slug}`}>← {product.mairie_label}</a>
      </p>
      <h1>{product.name}</h1>
      <p>{product.provider_label}</p>
      {product.description ? <p>{product.description}</p> : null}
      <h2>Tarifs</h2>
      <table>
        <caption class="visually-hidden">Prestations et tarifs</caption>
        <thead>
          <tr>
            <th scope="col">Prestation</th>
            <th scope="col">Tarif</th>
          </tr>
        </thead>
        <tbody>
          {prestations.map((prestation) => (
            <tr>
              <td>{prestation.label}</td>
              <td>{formatEuros(prestation.price_cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {product.channel === 'mairie' ? (
        <Notice kind="info">
          Ce produit ne se réserve pas en ligne : inscrivez-vous auprès de la {product.mairie_label}
          {product.mairie_phone ? <>, au <a href={`tel:${product.mairie_phone.replace(/\s/g, '')}`}>{product.mairie_phone}</a></> : null}.
        </Notice>
      ) : missing.length > 0 ? (
        <Notice kind="warning">
          <p>
            <strong>Pour réserver ce produit :</strong>
          </p>
          <ul>
            {missing.map((step) => (
              <Missing step={step} returnPath={returnPath} />
            ))}
          </ul>
        </Notice>
      ) : (
        personalise ?? <Notice kind="info">Ce produit se réserve auprès de la mairie.</Notice>
      )}
    </>
  );
}
