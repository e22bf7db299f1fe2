// Staff: pending subscription requests of their communes; a decision is a signal to the
// request's subscriptionApproval workflow.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { dependantsOf } from '../../db/queries/family/index.ts';
import { familyDocuments } from '../../db/queries/family/index.ts';
import { pendingRequests, subscriptionRequest } from '../../db/queries/services/subscriptions.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { formatShortDate, parisDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { type FieldErrors, type FormValues } from '../forms/forms.ts';
import { handleForm, ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { requiredText } from '../forms/schemas.ts';
import { ServiceRequestsPage, type PendingRequest } from './views/staff.tsx';
import type { AccessTable } from '../http/access.ts';

const decisionSchema = z.discriminatedUnion(
  'action',
  [z.object({ action: z.literal('approve') }), z.object({ action: z.literal('reject'), reason: requiredText('Indiquez le motif du refus : il sera envoyé à la famille.', 1000) })],
  { error: 'Action inconnue.' },
);

const accountStatusWords = { pending: 'en attente de validation', validated: 'validé', rejected: 'refusé', suspended: 'suspendu', erased: 'effacé' } as const;

/** Who may call each route below (see web/http/access.ts). */
export const serviceRequestAccess = {
  'GET /agent/services': { who: 'staff' },
  'POST /agent/services/:id': { who: 'staff', object: 'service-request', input: { form: 'GET /agent/services' } },
} satisfies AccessTable;

export function serviceRequestRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows } = deps;
  const router = new Hono<AppEnv>();

  async function requestsOf(communeIds: number[]): Promise<PendingRequest[]> {
    const rows = await pendingRequests(db, communeIds);
    const userIds = [...new Set(rows.map((row) => row.user_id))];
    const dependants = await dependantsOf(db, userIds);
    const documents = (await familyDocuments(db, userIds)).filter((document) => document.kind !== 'pai');
    return rows.map((row) => ({
      id: row.id,
      offer: row.offer,
      commune: row.commune,
      requestedAt: formatShortDate(parisDate(row.requested_at)),
      family: { id: row.user_id, name: [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email, email: row.email, accountStatus: accountStatusWords[row.account_status] },
      dependants: dependants.filter((d) => d.guardian_id === row.user_id || d.co_guardian_id === row.user_id),
      documents: documents.filter((d) => d.owner_id === row.user_id),
    }));
  }

  const page = async (c: Context<AppEnv>, extra: { errorsFor?: number; values?: FormValues; errors?: FieldErrors } = {}) =>
    c.render(<ServiceRequestsPage requests={await requestsOf(await staffCommuneIds(db, currentUser(c)))} {...extra} />, { title: 'Demandes de services' });

  router.get('/services', (c) => page(c));

  router.post(`/services/:id${ID}`, async (c) => {
    const id = idParam(c);
    const staff = currentUser(c);
    const communes = await staffCommuneIds(db, staff);
    const request = await subscriptionRequest(db, id);
    if (!request || !communes.includes(request.commune_id)) throw new HTTPException(403);
    return handleForm(c, {
      schema: decisionSchema,
      again: (form) => page(c, { errorsFor: id, ...form }),
      save: async (decision) => {
        if (request.status === 'pending') await workflows.decideSubscription(id, staff.id, decision);
      },
      then: '/agent/services',
    });
  });

  return router;
}
