// Staff and a family's documents: the file itself, the decision on it (accepted until a day, or
// refused with a reason), and the queue of those waiting for a decision. Only documents of
// families of the staff member's communes; 403 for any other. A PAI is health data of the child's
// file, which no staff action here reaches: 404, as if it did not exist.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { documentOwner, documentsToReview, staffDocument } from '../../db/queries/documents/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { parisDate } from '../../domain/dates.ts';
import { familyPages } from '../family/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm, ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { decideDocument, documentDecisionSchema, toDocumentDecision } from './decision.ts';
import { sendDocument } from './send-document.ts';
import { DocumentQueuePage } from './views/review.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const staffDocumentAccess = {
  'GET /agent/documents/:id': { who: 'staff', object: 'family-document' },
  'POST /agent/documents/:id/decision': { who: 'staff', object: 'family-document', input: { form: 'GET /agent/familles/:id' } },
  'GET /agent/pieces': { who: 'staff' },
} satisfies AccessTable;

export function staffDocumentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now, documents: store } = deps;
  const { familyPage, inScope } = familyPages(deps);
  const router = new Hono<AppEnv>();

  router.get(`/documents/:id${ID}`, async (c) => {
    const document = await staffDocument(db, await staffCommuneIds(db, currentUser(c)), idParam(c));
    if (!document) throw new HTTPException(403);
    return sendDocument(c, document, await store.get(document.storage_key));
  });

  router.post(`/documents/:id${ID}/decision`, async (c) => {
    const documentId = idParam(c);
    const document = await documentOwner(db, documentId);
    if (document === undefined) throw new HTTPException(403);
    if (document.kind === 'pai') throw new HTTPException(404);
    const owner = document.ownerId;
    await inScope(c, owner);
    return handleForm(c, {
      schema: documentDecisionSchema(parisDate(now())),
      again: ({ values, errors }) => familyPage(c, owner, { review: { documentId, values, errors } }),
      save: async (form) => {
        await decideDocument(deps, { documentId, staffId: currentUser(c).id, now: now(), decision: toDocumentDecision(form) });
      },
      then: `/agent/familles/${owner}?ok=piece#pieces`,
    });
  });

  router.get('/pieces', async (c) => c.render(<DocumentQueuePage documents={await documentsToReview(db, await staffCommuneIds(db, currentUser(c)))} />, { title: 'Pièces à examiner' }));

  return router;
}
