// The PAI document of a child's current fiche sanitaire, for either guardian: it is the child's,
// whoever of the two uploaded it, so it is reached through the child (the family's own door)
// rather than through the uploader's documents.
import { Hono } from 'hono';
import { storedDocument } from '../../db/queries/family/index.ts';
import { currentHealthRecord } from '../../db/queries/child-file/health.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID } from '../forms/form-route.ts';
import { sendDocument } from '../documents/index.ts';
import { childOf } from './child.ts';

/** Who may call each route below (see web/http/access.ts). */
export const paiDocumentAccess = {
  'GET /mon-compte/enfants/:id/pai': { who: 'parent', object: 'dependant' },
} satisfies AccessTable;

export function paiDocumentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, documents: store } = deps;
  const router = new Hono<AppEnv>();

  router.get(`/mon-compte/enfants/:id${ID}/pai`, async (c) => {
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    // Only the PAI the file names now: an older version's document is not the child's PAI any more.
    const record = await currentHealthRecord(db, child.id);
    const document = record?.has_pai && record.pai_document_id !== null ? await storedDocument(db, record.pai_document_id) : undefined;
    if (!document) return c.notFound();
    return sendDocument(c, document, await store.get(document.storage_key));
  });

  return router;
}
