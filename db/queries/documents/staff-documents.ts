// Which stored document staff may open, decided here and only here: every staff route that serves
// a file asks this. Ids are sequential and a text answer can hold any number, so a document is
// reached only through what really links it to the staff's communes, and always to its owner.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/**
 * The document, when staff of these communes may open it: it belongs to a family one of them
 * serves, or it is a file of that family's own request to one of their forms (a file field's
 * answer or a reply's attachment), or the certificate of that family's absence from one of their
 * products. Undefined otherwise.
 */
export function staffDocument(db: Db, communeIds: number[], documentId: number) {
  if (communeIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('documents')
    .select(['documents.id', 'documents.owner_id', 'documents.storage_key', 'documents.mime_type', 'documents.file_name'])
    .where('documents.id', '=', documentId)
    // A PAI is health data of the child's file: opened only from the health view, on the service day.
    .where('documents.kind', '<>', 'pai')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('users').select('users.id')
            .whereRef('users.id', '=', 'documents.owner_id')
            .where('users.role', '=', 'parent')
            .where('users.commune_id', 'in', communeIds),
        ),
        eb.exists(
          eb.selectFrom('online_requests')
            .innerJoin('request_forms', 'request_forms.id', 'online_requests.form_id')
            .select('online_requests.id')
            .whereRef('online_requests.user_id', '=', 'documents.owner_id')
            .where('request_forms.commune_id', 'in', communeIds)
            .where((inner) =>
              inner.or([
                // Only a field the form declares a file: a text answer naming a number links nothing.
                sql<boolean>`exists (select 1 from jsonb_array_elements(request_forms.fields) as field
                  where field->>'kind' = 'file' and online_requests.answers->>(field->>'key') = documents.id::text)`,
                inner.exists(
                  inner.selectFrom('request_messages').select('request_messages.id')
                    .whereRef('request_messages.request_id', '=', 'online_requests.id')
                    .whereRef('request_messages.document_id', '=', 'documents.id'),
                ),
              ]),
            ),
        ),
        eb.exists(
          eb.selectFrom('absences')
            .innerJoin('products', 'products.id', 'absences.product_id')
            .select('absences.id')
            .whereRef('absences.certificate_id', '=', 'documents.id')
            .whereRef('absences.user_id', '=', 'documents.owner_id')
            .where('products.commune_id', 'in', communeIds),
        ),
      ]),
    )
    .executeTakeFirst();
}
