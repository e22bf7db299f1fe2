// The family's receipts from its wallet page: every payment the régies received from it (top-ups
// by card or at the counter, card payments), each as a PDF. Another family's receipt is not found.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { familyReceipts, receiptFacts } from '../../db/queries/regies/journal-read.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { receiptDownload } from './receipt-download.ts';
import { FamilyReceiptsPage } from './views/family-receipts.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const familyReceiptAccess = {
  'GET /mon-compte/porte-monnaie/recus': { who: 'parent' },
  'GET /mon-compte/porte-monnaie/recus/:id': { who: 'parent', object: 'wallet-receipt' },
} satisfies AccessTable;

export function familyReceiptRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/', async (c) => c.render(<FamilyReceiptsPage receipts={await familyReceipts(db, currentUser(c).id)} />, { title: 'Mes reçus' }));

  router.get(`/:id${ID}`, async (c) => {
    const facts = await receiptFacts(db, idParam(c));
    if (!facts || facts.userId !== currentUser(c).id || facts.method === 'wallet') throw new HTTPException(404);
    return receiptDownload(c, facts);
  });

  return router;
}
