// Staff and a family's documents: the file itself, the decision on it (accepted until a day, or
// refused with a reason), and the queue of those waiting for a decision. Only documents of
// families of the staff member's communes; 403 for any other.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { documentOwner, documentsToReview, reviewDocument, staffDocument } from '../../db/queries/documents/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { isIsoDate, parisDate } from '../../domain/dates.ts';
import { familyPages } from '../family/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { sendDocument } from './send-document.ts';
import { DocumentQueuePage } from './views/review.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const staffDocumentAccess = {
  'GET /agent/documents/:id': { who: 'staff', object: 'family-document' },
  'POST /agent/documents/:id/decision': { who: 'staff', object: 'family-document', input: { form: 'GET /agent/familles/:id' } },
  'GET /agent/pieces': { who: 'staff' },
} satisfies AccessTable;

const reviewSchema = z
  .object({
    decision: z.enum(['accepter', 'refuser'], { error: 'Choisissez : acceptée ou refusée.' }),
    expiration: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value === '' || isIsoDate(value), 'Une date valide, ou rien pour une pièce sans fin.'),
    motif: z.string().optional().transform((value) => value?.trim() ?? ''),
  })
  .refine((data) => data.decision === 'accepter' || (data.motif.length >= 3 && data.motif.length <= 200), { message: 'Dites à la famille pourquoi la pièce est refusée (3 à 200 caractères).', path: ['motif'] });

export function staffDocumentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, now, documents: store } = deps;
  const { familyPage, inScope } = familyPages(deps);
  const router = new Hono<AppEnv>();

  router.get(`/documents/:id${ID}`, async (c) => {
    const document = await staffDocument(db, await staffCommuneIds(db, currentUser(c)), idParam(c));
    if (!document) throw new HTTPException(403);
    return sendDocument(c, document, await store.get(document.storage_key));
  });

  router.post(`/documents/:id${ID}/decision`, async (c) => {
    const documentId = idParam(c);
    const owner = await documentOwner(db, documentId);
    if (owner === undefined) throw new HTTPException(403);
    await inScope(c, owner);
    return handleForm(c, {
      schema: reviewSchema,
      again: ({ values, errors }) => familyPage(c, owner, { review: { documentId, values, errors } }),
      save: async ({ decision, expiration, motif }): Promise<FieldErrors | void> => {
        if (decision === 'accepter' && expiration !== '' && expiration < parisDate(now())) return { expiration: 'Une pièce acceptée est valable au moins jusqu’à aujourd’hui.' };
        const decided = await reviewDocument(db, {
          documentId, staffId: currentUser(c).id, now: now(),
          decision: decision === 'accepter' ? { accepted: true, expiresOn: expiration || null } : { accepted: false, reason: motif },
        });
        if (decided.status === 'accepted' && decided.expires_on) await workflows.watchDocumentExpiry(decided.owner_id, decided.kind, { documentId: decided.id, expiresOn: decided.expires_on });
      },
      then: `/agent/familles/${owner}?ok=piece#pieces`,
    });
  });

  router.get('/pieces', async (c) => c.render(<DocumentQueuePage documents={await documentsToReview(db, await staffCommuneIds(db, currentUser(c)))} />, { title: 'Pièces à examiner' }));

  return router;
}
