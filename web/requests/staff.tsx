// Staff: the online requests of their communes' forms: the queue, a request with its answers and
// messages, the answer (accept, refuse, ask for more) sent to its request-<id> workflow, and the
// files the family joined.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { requestQueue, staffRequest } from '../../db/queries/requests/online-requests.ts';
import { staffDocument } from '../../db/queries/documents/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { OnlineRequestStatus } from '../../db/request-tables.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { sendDocument } from '../documents/index.ts';
import { RequestDetailPage, RequestQueuePage } from './views/staff.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const onlineRequestAccess = {
  'GET /agent/demarches': { who: 'staff' },
  'GET /agent/demarches/:id': { who: 'staff', object: 'commune-request' },
  'POST /agent/demarches/:id/decision': { who: 'staff', object: 'commune-request', input: { form: 'GET /agent/demarches/:id' } },
  'GET /agent/demarches/pieces/:id': { who: 'staff', object: 'request-document' },
} satisfies AccessTable;

const STATUSES = ['waiting-staff', 'documents-requested', 'approved', 'refused'] as const;

const decisionSchema = z
  .object({
    decision: z.enum(['accepter', 'refuser', 'completer'], { error: 'Choisissez votre réponse.' }),
    message: z
      .string()
      .optional()
      .transform((value) => value?.trim() ?? '')
      .refine((value) => value.length <= 1000 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), '1 000 caractères au plus.'),
  })
  .refine((data) => data.decision === 'accepter' || data.message.length >= 5, { message: 'Dites à la famille pourquoi, ou ce qui manque (5 caractères au moins).', path: ['message'] });

const said = { accepter: 'La demande est acceptée ; la famille est prévenue par mail.', refuser: 'La demande est refusée ; la famille est prévenue par mail.', completer: 'Le complément est demandé à la famille par mail.' };

export function onlineRequestRoutes({ db, workflows, config, documents }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const detail = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const request = await staffRequest(db, await staffCommuneIds(db, currentUser(c)), idParam(c));
    if (!request) throw new HTTPException(403);
    return c.render(<RequestDetailPage request={request} temporalUi={config.TEMPORAL_UI_ORIGIN} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, {
      title: `Demande n° ${request.id}`,
    });
  };

  router.get('/demarches', async (c) => {
    const asked = c.req.query('etat');
    const status: OnlineRequestStatus | 'all' = asked === 'toutes' ? 'all' : STATUSES.find((s) => s === asked) ?? 'waiting-staff';
    const form = c.req.query('formulaire');
    const requests = await requestQueue(db, await staffCommuneIds(db, currentUser(c)), { status, formId: form && /^\d{1,12}$/.test(form) ? Number(form) : undefined });
    return c.render(<RequestQueuePage requests={requests} status={status} />, { title: 'Démarches en ligne' });
  });

  router.get(`/demarches/:id${ID}`, (c) => {
    const done = c.req.query('ok');
    return detail(c, { message: done === 'accepter' || done === 'refuser' || done === 'completer' ? said[done] : null });
  });

  router.post(`/demarches/:id${ID}/decision`, async (c) => {
    const request = await staffRequest(db, await staffCommuneIds(db, currentUser(c)), idParam(c));
    if (!request) throw new HTTPException(403);
    return handleForm(c, {
      schema: decisionSchema,
      again: (form) => detail(c, form),
      save: async ({ decision, message }): Promise<FieldErrors | void> => {
        if (request.status !== 'waiting-staff') return { decision: "Cette demande n'attend pas de réponse de la mairie." };
        await workflows.decideOnlineRequest(
          request.id,
          currentUser(c).id,
          decision === 'accepter' ? { action: 'approve', ...(message ? { message } : {}) } : decision === 'refuser' ? { action: 'reject', reason: message } : { action: 'request', message },
        );
      },
      then: ({ decision }) => `/agent/demarches/${request.id}?ok=${decision}`,
    });
  });

  router.get(`/demarches/pieces/:id${ID}`, async (c) => {
    const document = await staffDocument(db, await staffCommuneIds(db, currentUser(c)), idParam(c));
    if (!document) throw new HTTPException(403);
    return sendDocument(c, document, await documents.get(document.storage_key));
  });

  return router;
}
