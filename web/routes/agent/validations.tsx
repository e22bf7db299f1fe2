// Staff: the queue of accounts waiting in their communes, the review page, the decision (a signal
// to the account's workflow) and the documents. Staff of another commune get 403 everywhere.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { formatLongDate, parisDate } from '../../../domain/dates.ts';
import { familyDocuments, storedDocument } from '../../../db/queries/families.ts';
import { parentAccount, pendingAccounts } from '../../../db/queries/validations.ts';
import { staffCommuneIds } from '../../../db/queries/users.ts';
import { isDecided } from '../../../workflows/approval.messages.ts';
import { describeAccountStatus } from '../../account-state.ts';
import type { AppDeps } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from '../../forms.ts';
import { currentUser } from '../../middleware/guards.ts';
import { requiredText } from '../../schemas.ts';
import { sendDocument } from '../../send-document.ts';
import { AccountReviewPage, ValidationQueuePage } from '../../views/agent/validations.tsx';
import type { AccessTable } from '../../access.ts';

const decisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('reject'), reason: requiredText('Indiquez le motif du refus : il sera envoyé à la famille.', 1000) }),
  z.object({ action: z.literal('request'), message: requiredText('Indiquez les pièces demandées : le message sera envoyé à la famille.', 1000) }),
], { error: 'Action inconnue.' });


/** Who may call each route below (see web/access.ts). */
export const validationAccess = {
  'GET /agent/validations': { who: 'staff' },
  'GET /agent/validations/:id': { who: 'staff', object: 'pending-account' },
  'POST /agent/validations/:id': { who: 'staff', object: 'pending-account', input: { form: 'GET /agent/validations/:id' } },
  'GET /agent/documents/:id': { who: 'staff', object: 'family-document' },
} satisfies AccessTable;

export function validationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, now, documents: store } = deps;
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
    const documents = await familyDocuments(db, [id]);
    const name = [account.first_name, account.last_name].filter(Boolean).join(' ') || account.email;
    return c.render(
      <AccountReviewPage
        account={{ id, name, email: account.email, phone: account.phone, commune: account.commune, createdAt: formatLongDate(parisDate(account.created_at)) }}
        status={describeAccountStatus(account, workflow)}
        open={workflow !== null && !isDecided(workflow.status)}
        canRequest={workflow?.status === 'waiting-staff'}
        documents={documents}
        {...extra}
      />,
      { title: `Compte de ${name}` },
    );
  }

  router.get('/validations/:id{[0-9]{1,12}}', (c) => renderReview(c, Number(c.req.param('id'))));

  router.post('/validations/:id{[0-9]{1,12}}', async (c) => {
    const id = Number(c.req.param('id'));
    const staff = currentUser(c);
    await accountInScope(c, id);
    const values = await readForm(c);
    const form = validateForm(decisionSchema, values);
    if (!form.ok) {
      c.status(400);
      return renderReview(c, id, { values, errors: form.errors });
    }
    const before = await workflows.accountValidationState(id);
    if (!before) throw new HTTPException(409);
    await workflows.decideAccount(id, staff.id, form.data, before.status);
    return c.redirect(`/agent/validations/${id}`, 303);
  });

  router.get('/documents/:id{[0-9]{1,12}}', async (c) => {
    const document = await storedDocument(db, Number(c.req.param('id')));
    if (!document) throw new HTTPException(403);
    await accountInScope(c, document.owner_id);
    return sendDocument(c, document, await store.get(document.storage_key));
  });

  return router;
}
