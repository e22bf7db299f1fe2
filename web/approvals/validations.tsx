// Staff: the queue of accounts waiting in their communes, the review page and the decision (a
// signal to the account's workflow). Staff of another commune get 403 everywhere.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { familyDocuments } from '../../db/queries/family/index.ts';
import { parentAccount, pendingAccounts } from '../../db/queries/approvals/validations.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { isDecided } from '../../workflows/approvals/approval.messages.ts';
import { describeAccountStatus } from '../accounts/index.ts';
import { decideDocument, readDocumentDecisions } from '../documents/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { type FieldErrors, type FormValues } from '../forms/forms.ts';
import { handleForm, ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { requiredText } from '../forms/schemas.ts';
import { AccountReviewPage, ValidationQueuePage } from './views/validations.tsx';
import type { AccessTable } from '../http/access.ts';

const decisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('reject'), reason: requiredText('Indiquez le motif du refus : il sera envoyé à la famille.', 1000) }),
  z.object({ action: z.literal('request'), message: requiredText('Indiquez les pièces demandées : le message sera envoyé à la famille.', 1000) }),
], { error: 'Action inconnue.' });


/** A document staff decide with the account (a medical certificate is judged with its absence). */
// A medical certificate is judged with its absence, a PAI is health data kept for the child's file:
// neither is a supporting document of the account.
const awaitsDecision = (document: { status: string; kind: string }) => document.status === 'pending' && document.kind !== 'certificat-medical' && document.kind !== 'pai';

/** Who may call each route below (see web/http/access.ts). */
export const validationAccess = {
  'GET /agent/validations': { who: 'staff' },
  'GET /agent/validations/:id': { who: 'staff', object: 'pending-account' },
  'POST /agent/validations/:id': { who: 'staff', object: 'pending-account', input: { form: 'GET /agent/validations/:id' } },
} satisfies AccessTable;

export function validationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, now } = deps;
  const router = new Hono<AppEnv>();

  /** The parent account behind :id, if it belongs to one of the staff member's communes; 403 otherwise. */
  async function accountInScope(c: Context<AppEnv>, id: number) {
    const communes = await staffCommuneIds(db, currentUser(c));
    const account = await parentAccount(db, id);
    if (!account || account.commune_id === null || !communes.includes(account.commune_id)) throw new HTTPException(403);
    return account;
  }

  router.get('/validations', async (c) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const rows = await pendingAccounts(db, communes);
    const today = now().getTime();
    const accounts = rows.map((row) => ({
      id: row.id,
      name: [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email,
      email: row.email,
      commune: row.commune,
      waitingDays: Math.floor((today - row.created_at.getTime()) / 86_400_000),
      documents: Number(row.documents ?? 0),
    }));
    return c.render(<ValidationQueuePage accounts={accounts} />, { title: 'Comptes en attente de validation' });
  });

  async function renderReview(c: Context<AppEnv>, id: number, extra: { values?: FormValues; errors?: FieldErrors } = {}) {
    const account = await accountInScope(c, id);
    const workflow = account.status === 'pending' ? await workflows.accountValidationState(id) : null;
    const documents = (await familyDocuments(db, [id])).filter((document) => document.kind !== 'pai');
    const today = parisDate(now());
    const name = [account.first_name, account.last_name].filter(Boolean).join(' ') || account.email;
    return c.render(
      <AccountReviewPage
        account={{ id, name, email: account.email, phone: account.phone, commune: account.commune, createdAt: formatLongDate(parisDate(account.created_at)) }}
        status={describeAccountStatus(account, workflow, 'staff')}
        open={workflow !== null && !isDecided(workflow.status)}
        canRequest={workflow?.status === 'waiting-staff'}
        documents={documents}
        toDecide={documents.filter(awaitsDecision)}
        today={today}
        {...extra}
      />,
      { title: `Compte de ${name}` },
    );
  }

  router.get(`/validations/:id${ID}`, (c) => renderReview(c, idParam(c)));

  router.post(`/validations/:id${ID}`, async (c) => {
    const id = idParam(c);
    const staff = currentUser(c);
    await accountInScope(c, id);
    return handleForm(c, {
      schema: decisionSchema,
      again: (form) => renderReview(c, id, form),
      save: async (decision, values): Promise<FieldErrors | void> => {
        const before = await workflows.accountValidationState(id);
        if (!before) throw new HTTPException(409);
        if (decision.action === 'approve') {
          // Each document waiting is decided with the account, never accepted by it unseen: one
          // sent since the page was read has no decision in the form, and is asked for.
          const waiting = (await familyDocuments(db, [id])).filter(awaitsDecision);
          const read = readDocumentDecisions(waiting.map((document) => document.id), values, parisDate(now()));
          if (!read.ok) return read.errors;
          for (const [documentId, documentDecision] of read.decisions) await decideDocument(deps, { documentId, decision: documentDecision, staffId: staff.id, now: now() });
        }
        await workflows.decideAccount(id, staff.id, decision, before.status);
      },
      then: `/agent/validations/${id}`,
    });
  });

  return router;
}
