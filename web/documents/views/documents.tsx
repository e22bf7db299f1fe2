// Supporting documents: the list with their status, and the upload form.
import type { Document, DocumentKind } from '../../../db/database.ts';
import { formatShortDate, type IsoDate } from '../../../domain/dates.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, FileField, Notice, SelectField } from '../../forms/fields.tsx';

export const documentKinds: { value: DocumentKind; label: string }[] = [
  { value: 'justificatif-domicile', label: 'Justificatif de domicile' },
  { value: 'attestation-caf', label: 'Attestation CAF / quotient familial' },
  { value: 'livret-famille', label: 'Livret de famille' },
  { value: 'attestation-assurance', label: "Attestation d'assurance" },
  { value: 'autre', label: 'Autre' },
];

/** Kinds sent from elsewhere (an absence, the child's file), never chosen in this page's list. */
const otherKinds: Record<string, string> = { 'certificat-medical': 'Certificat médical', pai: "Projet d'accueil individualisé (PAI)" };

export const kindLabel = (kind: string) => documentKinds.find((k) => k.value === kind)?.label ?? otherKinds[kind] ?? kind;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** `audience`: the family reads what to do (« déposez-en une nouvelle »); staff read what waits for them. */
export function documentStatus(document: Pick<Document, 'status' | 'refusal_reason'> & { expires_on?: IsoDate | null; kind?: string }, audience: 'family' | 'staff' = 'family'): string {
  // Nobody decides a PAI (staff never review it): « En attente » would wait forever.
  if (document.kind === 'pai') return 'Jointe à la fiche sanitaire';
  if (document.status === 'accepted') return document.expires_on ? `Acceptée, valable jusqu'au ${formatShortDate(document.expires_on)}` : 'Acceptée';
  if (document.status === 'refused') return `Refusée : ${document.refusal_reason ?? 'motif non précisé'}`;
  const end = document.expires_on ? formatShortDate(document.expires_on) : '?';
  if (document.status === 'expired') return audience === 'staff' ? `Expirée le ${end} : la famille n'en a pas déposé de nouvelle` : `Expirée le ${end} : déposez-en une nouvelle`;
  return audience === 'staff' ? 'À examiner' : 'En attente';
}

export type DocumentRow = Pick<Document, 'id' | 'kind' | 'file_name' | 'status' | 'refusal_reason' | 'uploaded_at' | 'size_bytes' | 'expires_on'>;

export function DocumentTable({ documents, hrefPrefix, audience = 'family' }: { documents: DocumentRow[]; hrefPrefix: string; audience?: 'family' | 'staff' }) {
  if (documents.length === 0) return <p>Aucune pièce déposée pour le moment.</p>;
  return (
    <table class="stack">
      <caption class="visually-hidden">Pièces justificatives</caption>
      <thead>
        <tr>
          <th scope="col">Pièce</th>
          <th scope="col">Fichier</th>
          <th scope="col">Déposée le</th>
          <th scope="col">Statut</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr>
            <td data-label="Pièce">{kindLabel(document.kind)}</td>
            <td data-label="Fichier">
              <a href={`${hrefPrefix}/${document.id}`} target="_blank" rel="noopener">
                {document.file_name}
              </a>{' '}
              <span class="muted">({Math.max(1, Math.round(document.size_bytes / 1024))} Ko)</span>
            </td>
            <td data-label="Déposée le">{dateFormat.format(document.uploaded_at)}</td>
            <td data-label="Statut">{documentStatus(document, audience)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DocumentsPage(props: { documents: DocumentRow[]; values?: FormValues; errors?: FieldErrors; message?: string | null }) {
  const { documents, values = {}, errors = {}, message } = props;
  return (
    <>
      <h1>Mes pièces justificatives</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>Merci de penser à mettre vos pièces justificatives : la mairie en a besoin pour valider votre compte et vos inscriptions.</p>
      <DocumentTable documents={documents} hrefPrefix="/mon-compte/documents" />
      <h2>Déposer une pièce</h2>
      <form method="post" action="/mon-compte/documents" enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={errors} labels={{ kind: 'Type de pièce', file: 'Fichier' }} />
        <SelectField name="kind" label="Type de pièce" required options={documentKinds} value={values.kind} error={errors.kind} placeholder="Choisissez le type de pièce" />
        <FileField name="file" label="Fichier" hint="PDF, JPEG ou PNG, 10 Mo au maximum." accept="application/pdf,image/jpeg,image/png" error={errors.file} />
        <button class="button" type="submit">Déposer</button>
      </form>
    </>
  );
}
