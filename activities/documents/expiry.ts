// Activities of the document expiry workflow: the parent told a month before a document's end,
// then the document marked expired and the parent told again. Each mail is keyed, so sent once;
// a document replaced or decided again since is left alone.
import type { Db } from '../../db/connection.ts';
import { documentForMail, expireDocument } from '../../db/queries/documents/document-review.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { documentMails } from './mails.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createDocumentActivities({ db, publicUrl, mail }: Deps) {
  const link = `${publicUrl}/mon-compte/documents`;
  return {
    async remindDocumentExpiry(input: { key: string; documentId: number; expiresOn: string }): Promise<boolean> {
      const document = await documentForMail(db, input.documentId);
      if (document.status !== 'accepted' || document.expires_on !== input.expiresOn) return false;
      await mail.sendMail({ idempotencyKey: input.key, to: document.email, ...documentMails.expiresSoon(document.first_name, document.kind, formatLongDate(input.expiresOn), link) });
      return true;
    },

    async expireAcceptedDocument(input: { key: string; documentId: number; expiresOn: string }): Promise<boolean> {
      const expired = await expireDocument(db, input.documentId, input.expiresOn);
      const document = await documentForMail(db, input.documentId);
      // Marked by an earlier attempt whose mail did not go: the mail's key sends it once.
      if (!expired && !(document.status === 'expired' && document.expires_on === input.expiresOn)) return false;
      await mail.sendMail({ idempotencyKey: input.key, to: document.email, ...documentMails.expired(document.first_name, document.kind, formatLongDate(input.expiresOn), link) });
      return true;
    },
  };
}
