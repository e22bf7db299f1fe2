// Staff: the yearly registration campaigns of their communes with their completion charted, the
// form of a new campaign, one campaign with its completion per product and the families not
// complete with what each child's dossier lacks (by section only: never a health detail), and the
// page that says what « Ouvrir la campagne » will do before it does it.
import { formatLongDate, formatShortDate } from '../../../domain/dates.ts';
import type { WhenIncomplete } from '../../../domain/registration.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { ErrorSummary, Field, FieldError, Notice, SelectField } from '../../forms/fields.tsx';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { RequiredDocumentsFieldset, kindLabel } from '../../documents/index.ts';
import type { DocumentKind } from '../../../db/database.ts';
import { CompletionChart } from './completion-chart.tsx';

export const incompleteWords: Record<WhenIncomplete, string> = {
  block: 'ne peut pas réserver les jours de l’année scolaire',
  'top-tier': 'paie le tarif le plus élevé de l’activité',
};

export interface CampaignRow {
  id: number;
  commune: string;
  school_year: string;
  opens_on: string;
  closes_on: string;
  opened_at: Date | null;
  families: number;
  complete: number;
}

function BackToList() {
  return (
    <p>
      <a href="/agent/inscriptions">← Dossiers annuels</a>
    </p>
  );
}

export function CampaignListPage({ campaigns }: { campaigns: CampaignRow[] }) {
  const opened = campaigns.filter((c) => c.opened_at !== null);
  return (
    <>
      <p>
        <a href="/agent">← Tableau de bord</a>
      </p>
      <h1>Dossiers annuels</h1>
      <p>
        Chaque campagne demande aux familles de vérifier et confirmer le dossier de leurs enfants (fiche sanitaire, autorisations, personnes à prévenir, pièces) avant l’année scolaire.{' '}
        <a class="button" href="/agent/inscriptions/nouvelle">
          Nouvelle campagne
        </a>
      </p>
      {opened.length > 0 ? (
        <CompletionChart id="campagnes" title="Familles au dossier complet, par campagne ouverte" bars={opened.map((c) => ({ label: `${c.commune} ${c.school_year}`, families: c.families, complete: c.complete }))} />
      ) : null}
      {campaigns.length === 0 ? (
        <p>Aucune campagne pour vos communes.</p>
      ) : (
        <table>
          <caption>Campagnes de vos communes, les plus récentes d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Année scolaire</th>
              <th scope="col">Dates</th>
              <th scope="col">État</th>
              <th scope="col">Familles complètes</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr>
                <td data-label="Commune">
                  <a href={`/agent/inscriptions/${c.id}`}>{c.commune}</a>
                </td>
                <td data-label="Année scolaire">{c.school_year}</td>
                <td data-label="Dates">
                  du {formatShortDate(c.opens_on)} au {formatShortDate(c.closes_on)}
                </td>
                <td data-label="État">{c.opened_at ? 'Ouverte' : 'En préparation'}</td>
                <td data-label="Familles complètes">
                  {c.complete}/{c.families}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const campaignLabels = { commune: 'Commune', annee: 'Année scolaire', ouverture: 'Ouverture', cloture: 'Clôture', produits: 'Activités concernées', pieces: 'Pièces demandées', incomplet: 'Famille au dossier incomplet' };

/** What was typed, kept when the form comes back with its errors. */
export type CampaignFormValues = Partial<Record<'commune' | 'annee' | 'ouverture' | 'cloture' | 'incomplet', string>> & { produits?: string[]; pieces?: string[] };

export interface CampaignFormProps {
  communes: { id: number; name: string }[];
  years: string[];
  products: { id: number; name: string; commune: string }[];
  values: CampaignFormValues;
  errors: FieldErrors;
}

export function CampaignFormPage({ communes, years, products, values, errors }: CampaignFormProps) {
  const chosen = new Set(values.produits ?? []);
  return (
    <>
      <BackToList />
      <h1>Nouvelle campagne de dossier annuel</h1>
      <ErrorSummary errors={errors} labels={campaignLabels} />
      <form method="post" action="/agent/inscriptions" novalidate>
        <SelectField name="commune" label={campaignLabels.commune} options={communes.map((c) => ({ value: String(c.id), label: c.name }))} value={values.commune} error={errors.commune} required />
        <SelectField name="annee" label={campaignLabels.annee} options={years.map((y) => ({ value: y, label: y }))} value={values.annee} error={errors.annee} required />
        <Field name="ouverture" type="date" label={campaignLabels.ouverture} value={values.ouverture} error={errors.ouverture} required hint="Les familles sont prévenues ce jour-là." />
        <Field name="cloture" type="date" label={campaignLabels.cloture} value={values.cloture} error={errors.cloture} required hint="Rappels deux semaines avant et la veille." />
        <fieldset class={errors.produits ? 'field field--error' : 'field'} id="produits">
          <legend>{campaignLabels.produits}</legend>
          <FieldError name="produits" error={errors.produits} />
          {products.map((p) => (
            <div class="checkbox">
              <input type="checkbox" id={`produit-${p.id}`} name="produits" value={String(p.id)} checked={chosen.has(String(p.id))} />
              <label for={`produit-${p.id}`}>
                {p.name} ({p.commune})
              </label>
            </div>
          ))}
        </fieldset>
        <RequiredDocumentsFieldset legend={campaignLabels.pieces} idPrefix="campagne" checked={values.pieces ?? []} error={errors.pieces} />
        <fieldset class={errors.incomplet ? 'field field--error' : 'field'} id="incomplet">
          <legend>{campaignLabels.incomplet}</legend>
          <FieldError name="incomplet" error={errors.incomplet} />
          {(['block', 'top-tier'] as const).map((kind) => (
            <div class="radio">
              <input type="radio" id={`incomplet-${kind}`} name="incomplet" value={kind} checked={values.incomplet === kind} />
              <label for={`incomplet-${kind}`}>{incompleteWords[kind]}</label>
            </div>
          ))}
        </fieldset>
        <button class="button" type="submit">
          Créer la campagne
        </button>
      </form>
    </>
  );
}

export interface CampaignDetail {
  id: number;
  commune: string;
  school_year: string;
  opens_on: string;
  closes_on: string;
  opened_at: Date | null;
  when_incomplete: WhenIncomplete;
  required_documents: string[];
  products: { id: number; name: string }[];
}

export interface CampaignPageProps {
  campaign: CampaignDetail;
  message: string | null;
  progress: { label: string; families: number; complete: number }[];
  incomplete: { userId: number; name: string; children: { name: string; missing: string[]; confirmed: boolean }[] }[];
}

export function CampaignPage({ campaign, message, progress, incomplete }: CampaignPageProps) {
  return (
    <>
      <BackToList />
      <h1>
        Dossier annuel {campaign.school_year} : {campaign.commune}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ul>
        <li>
          Du {formatLongDate(campaign.opens_on)} au {formatLongDate(campaign.closes_on)} ; {campaign.opened_at ? 'ouverte' : 'pas encore ouverte'}.
        </li>
        <li>Activités : {campaign.products.map((p) => p.name).join(', ')}.</li>
        <li>Pièces demandées : {campaign.required_documents.length > 0 ? campaign.required_documents.map((kind) => kindLabel(kind as DocumentKind)).join(', ') : 'aucune'}.</li>
        <li>Une famille au dossier incomplet {incompleteWords[campaign.when_incomplete]}.</li>
      </ul>
      {campaign.opened_at ? null : (
        <form method="post" action={`/agent/inscriptions/${campaign.id}/ouvrir`}>
          <button class="button" type="submit">
            Ouvrir la campagne
          </button>
        </form>
      )}
      <h2>Avancement par activité</h2>
      <CompletionChart id="avancement" title={`Familles au dossier complet par activité, ${campaign.commune} ${campaign.school_year}`} bars={progress} />
      <h2>Familles au dossier incomplet</h2>
      {incomplete.length === 0 ? (
        <p>Aucune famille au dossier incomplet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Familles au dossier incomplet et ce qui leur manque</caption>
          <thead>
            <tr>
              <th scope="col">Famille</th>
              <th scope="col">Ce qui manque</th>
            </tr>
          </thead>
          <tbody>
            {incomplete.map((family) => (
              <tr>
                <td data-label="Famille">
                  <a href={`/agent/familles/${family.userId}`}>{family.name}</a>
                </td>
                <td data-label="Ce qui manque">
                  {family.children.length === 0 ? (
                    'aucun enfant déclaré'
                  ) : (
                    <ul>
                      {family.children.map((child) => (
                        <li>
                          {child.name} : {child.confirmed ? 'confirmé' : child.missing.length > 0 ? child.missing.join(', ') : 'à confirmer par la famille'}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OpenCampaignPage({ campaign, families }: { campaign: CampaignDetail; families: number }) {
  return (
    <>
      <BackToList />
      <h1>
        Ouvrir la campagne {campaign.school_year} : {campaign.commune}
      </h1>
      <p>
        Dès l’ouverture, une famille au dossier incomplet {campaign.when_incomplete === 'block' ? 'ne peut pas réserver' : 'paie au tarif le plus élevé'} les jours de l’année scolaire{' '}
        {campaign.school_year} de ces activités : {campaign.products.map((p) => p.name).join(', ')}.
      </p>
      <p>
        {families} famille{families > 1 ? 's' : ''} ayant réservé ces activités cette année {families > 1 ? 'seront prévenues' : 'sera prévenue'} par mail le {formatLongDate(campaign.opens_on)} (ou dès l’ouverture si ce jour est passé), puis deux semaines avant la clôture et la veille, tant que {families > 1 ? 'leur' : 'son'} dossier n’est pas complet. Les autres familles de la commune le trouvent dans leur compte.
      </p>
      <ConfirmationForm action={`/agent/inscriptions/${campaign.id}/ouvrir`} fields={[]} />
    </>
  );
}

