// « Mon dossier annuel »: for each campaign that concerns the family, each child with what its
// dossier still lacks (links to the child's file and the documents), « Je confirme le dossier de
// Léa » once nothing is missing, and the family's dossier marked complete once every child is.
import { formatLongDate } from '../../../domain/dates.ts';
import { missingWords, type Missing } from '../../../domain/registration.ts';
import type { CampaignDossier, ChildDossier } from '../../../db/queries/registration/dossier.ts';
import type { DocumentKind } from '../../../db/database.ts';
import { kindLabel } from '../../documents/index.ts';
import { Notice } from '../../forms/fields.tsx';

/** Where each missing part is completed: the child's file pages, or the family's documents. */
const linkFor = (childId: number, missing: Missing) =>
  missing.kind === 'health' ? `/mon-compte/enfants/${childId}/sante`
  : missing.kind === 'authorisations' ? `/mon-compte/enfants/${childId}/autorisations`
  : missing.kind === 'emergency-contact' ? `/mon-compte/enfants/${childId}/contacts`
  : '/mon-compte/documents';

function MissingItem({ childId, missing }: { childId: number; missing: Missing }) {
  const words = missing.kind === 'documents' ? `pièces justificatives à déposer : ${missing.kinds.map((kind) => kindLabel(kind as DocumentKind)).join(', ')}` : missingWords(missing);
  return (
    <li>
      <a href={linkFor(childId, missing)}>{words.charAt(0).toUpperCase() + words.slice(1)}</a>
    </li>
  );
}

function ChildSection({ campaign, child, error }: { campaign: CampaignDossier; child: ChildDossier; error: string | null }) {
  const id = `dossier-${campaign.id}-${child.id}`;
  return (
    <section aria-labelledby={id} class="card">
      <h3 id={id}>
        {child.firstName} {child.lastName}
      </h3>
      {error ? (
        <Notice kind="warning">
          <p>{error}</p>
        </Notice>
      ) : null}
      {child.confirmedAt ? (
        <p>Dossier confirmé.</p>
      ) : child.missing.length > 0 ? (
        <>
          <p>À compléter avant de confirmer :</p>
          <ul>
            {child.missing.map((missing) => (
              <MissingItem childId={child.id} missing={missing} />
            ))}
          </ul>
        </>
      ) : (
        <form method="post" action="/mon-compte/dossier-annuel/confirmer">
          <input type="hidden" name="campagne" value={String(campaign.id)} />
          <input type="hidden" name="enfant" value={String(child.id)} />
          <p>Tout est rempli : vérifiez la fiche sanitaire, les autorisations et les personnes à prévenir, puis confirmez.</p>
          <button class="button" type="submit">
            Je confirme le dossier de {child.firstName}
          </button>
        </form>
      )}
    </section>
  );
}

export interface DossierPageProps {
  dossiers: CampaignDossier[];
  message: string | null;
  /** A confirmation refused: its campaign and child, and why. */
  refused?: { campaignId: number | null; childId: number | null; message: string } | undefined;
}

export function DossierPage({ dossiers, message, refused }: DossierPageProps) {
  const placed = refused && dossiers.some((d) => d.id === refused.campaignId && d.children.some((c) => c.id === refused.childId));
  return (
    <>
      <h1>Mon dossier annuel</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {refused && !placed ? (
        <Notice kind="warning">
          <p>{refused.message}</p>
        </Notice>
      ) : null}
      {dossiers.length === 0 ? <p>Aucun dossier annuel n’est demandé à votre famille pour le moment.</p> : null}
      {dossiers.map((dossier) => (
        <section aria-labelledby={`campagne-${dossier.id}`}>
          <h2 id={`campagne-${dossier.id}`}>
            Année scolaire {dossier.schoolYear} : {dossier.commune}
          </h2>
          {dossier.completedAt ? (
            <Notice kind="success">
              <p>Votre dossier est complet : merci.</p>
            </Notice>
          ) : (
            <p>
              À confirmer pour chaque enfant avant le {formatLongDate(dossier.closesOn)} ({dossier.products.map((p) => p.name).join(', ')}).{' '}
              {dossier.whenIncomplete === 'block' ? 'Tant que le dossier n’est pas complet, les jours de cette année scolaire ne peuvent pas être réservés.' : 'Tant que le dossier n’est pas complet, les jours de cette année scolaire sont facturés au tarif le plus élevé.'}
            </p>
          )}
          {dossier.children.length === 0 ? (
            <p>
              Déclarez vos enfants dans <a href="/mon-compte/filiations">Mes filiations</a>.
            </p>
          ) : null}
          {dossier.children.map((child) => (
            <ChildSection campaign={dossier} child={child} error={placed && refused!.campaignId === dossier.id && refused!.childId === child.id ? refused!.message : null} />
          ))}
        </section>
      ))}
    </>
  );
}
