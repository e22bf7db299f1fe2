// Decides what an uploaded file is from its bytes (file-type reads the magic numbers), never from
// its name or the browser's claim: a renamed executable is refused.
import { fileTypeFromBuffer } from 'file-type';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export async function detectDocumentType(bytes: Uint8Array): Promise<AcceptedType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return ACCEPTED_TYPES.find((type) => type === detected?.mime) ?? null;
}
