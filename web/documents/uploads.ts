// A file a family uploads (a supporting document, a request's attachment): checked by its content
// (PDF, JPEG or PNG) and size, stored, and recorded as one of the family's documents within its
// quota; or the message to show next to the field.
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../db/database.ts';
import { addDocument, DOCUMENT_QUOTA } from '../../db/queries/family/index.ts';
import { detectDocumentType, MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import type { AppDeps } from '../http/deps.ts';

export type Upload = { documentId: number } | { error: string; status: 400 | 429 };

export const quotaMessages = {
  'per-hour': `Vous avez déposé ${DOCUMENT_QUOTA.perHour} pièces dans l'heure : attendez un peu avant d'en déposer d'autres.`,
  documents: `Votre compte compte déjà ${DOCUMENT_QUOTA.documents} pièces : demandez à votre commune d'en retirer avant d'en déposer d'autres.`,
  bytes: `Vos pièces occupent déjà près de ${DOCUMENT_QUOTA.bytes / 1024 / 1024} Mo : demandez à votre commune d'en retirer avant d'en déposer d'autres.`,
} as const;

/** A file name fit to show: no folders, no control characters, 120 characters at most. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>"]/g, '').trim();
  return (clean || 'document').slice(0, 120);
}

/** Whether the form field holds a file at all (an empty file input sends an empty part). */
export const isFile = (value: unknown): value is File => value instanceof File && value.size > 0;

/** The file's bytes and checked type, or the message saying why it is refused. */
export async function readUpload(file: File): Promise<{ bytes: Uint8Array; type: NonNullable<Awaited<ReturnType<typeof detectDocumentType>>> } | { error: string }> {
  if (file.size > MAX_DOCUMENT_BYTES) return { error: 'Le fichier dépasse 10 Mo : réduisez-le et réessayez.' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await detectDocumentType(bytes);
  if (!type) return { error: "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG. Enregistrez-le dans l'un de ces formats." };
  return { bytes, type };
}

/** Stores a checked file as one of the family's documents, within its quota. */
export async function storeUpload(deps: Pick<AppDeps, 'db' | 'documents' | 'now'>, input: { ownerId: number; kind: DocumentKind; fileName: string; bytes: Uint8Array; type: 'application/pdf' | 'image/jpeg' | 'image/png' }): Promise<Upload> {
  const key = await deps.documents.put(input.bytes);
  const added = await addDocument(
    deps.db,
    {
      ownerId: input.ownerId, kind: input.kind, fileName: displayName(input.fileName), mimeType: input.type, sizeBytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'), storageKey: key,
    },
    deps.now(),
  );
  if ('quota' in added) {
    await deps.documents.remove(key);
    return { error: quotaMessages[added.quota], status: added.quota === 'per-hour' ? 429 : 400 };
  }
  return { documentId: added.id };
}
