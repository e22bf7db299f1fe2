// The family's side of « Démarches en ligne »: a commune's published form, filled in and sent with
// its files (each checked like a supporting document), which starts its request-<id> workflow;
// « Mes démarches » in Mon compte, and the reply when the mairie asks for more.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { addFamilyReply, familyRequest, familyRequests, submitRequest } from '../../db/queries/requests/online-requests.ts';
import { publishedRequestForm } from '../../db/queries/requests/request-forms.ts';
import { checkAnswers, type RequestAnswers } from '../../domain/request-forms.ts';
import { MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import { requestMails } from '../../activities/requests/mails.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { z } from 'zod';
import { currentUser } from '../middleware/guards.ts';
import { isFile, readUpload, storeUpload } from '../documents/index.ts';
import { MyRequestPage, MyRequestsPage } from './views/my-requests.tsx';
import { RequestFormPage } from './views/request-form.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const onlineRequestFamilyAccess = {
  'GET /demarches/:id': { who: 'anyone', object: 'request-form' },
  'POST /demarches/:id': { who: 'parent', object: 'request-form', input: { form: 'GET /demarches/:id' } },
  'GET /mon-compte/demarches': { who: 'parent' },
  'GET /mon-compte/demarches/:id': { who: 'parent', object: 'family-request' },
  'POST /mon-compte/demarches/:id/reponse': { who: 'parent', object: 'family-request', input: { form: 'GET /mon-compte/demarches/:id' } },
} satisfies AccessTable;

/** A form has three file fields at most (request-form-fields.ts), each of 10 Mo at most. */
/** The family's answer to what staff asked (its file, if any, is checked by its content). */
const replyForm = z.object({
  message: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .refine((message) => message.length >= 2 && message.length <= 2000 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(message), 'Écrivez votre réponse (2 000 caractères au plus).'),
});

const tooLarge = (c: Context<AppEnv>) => c.text('Les fichiers dépassent la taille permise (10 Mo chacun).', 413);
const formBodyLimit = bodyLimit({ maxSize: 3 * MAX_DOCUMENT_BYTES + 64 * 1024, onError: tooLarge });
const replyBodyLimit = bodyLimit({ maxSize: MAX_DOCUMENT_BYTES + 64 * 1024, onError: tooLarge });

const NOT_A_FILE = 'Choisissez un fichier PDF, JPEG ou PNG.';
const NOT_WAITING = "Cette demande n'attend pas de réponse de votre part.";

const textsOf = (body: Record<string, unknown>): FormValues => Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

export function onlineRequestRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, config } = deps;
  const router = new Hono<AppEnv>();

  const formOf = (c: Context<AppEnv>) => publishedRequestForm(db, idParam(c));

  router.get(`/demarches/:id${ID}`, async (c) => {
    const form = await formOf(c);
    if (!form) return c.notFound();
    return c.render(<RequestFormPage form={form} signedIn={c.get('user')?.role === 'parent'} />, { title: form.title });
  });

  router.post(`/demarches/:id${ID}`, formBodyLimit, async (c) => {
    const form = await formOf(c);
    if (!form) return c.notFound();
    const user = currentUser(c);
    const body = await c.req.parseBody();
    const values = textsOf(body);
    const again = (errors: FieldErrors, status: 400 | 429 = 400) => {
      c.status(status);
      return c.render(<RequestFormPage form={form} signedIn values={values} errors={errors} />, { title: form.title });
    };

    const fileErrors: FieldErrors = {};
    const files = new Map<string, { file: File; read: Extract<Awaited<ReturnType<typeof readUpload>>, { bytes: Uint8Array }> }>();
    for (const field of form.fields.filter((f) => f.kind === 'file')) {
      const file = body[field.key];
      if (typeof file === 'string' && file !== '') fileErrors[field.key] = NOT_A_FILE;
      if (!isFile(file)) continue;
      const read = await readUpload(file);
      if ('error' in read) fileErrors[field.key] = read.error;
      else files.set(field.key, { file, read });
    }
    const checked = checkAnswers(form.fields, values, new Set(files.keys()));
    const errors = { ...('errors' in checked ? checked.errors : {}), ...fileErrors };
    if ('errors' in checked || Object.keys(fileErrors).length > 0) {
      // A browser never sends a file back: the family chooses it again.
      for (const key of files.keys()) errors[key] ??= 'Choisissez ce fichier à nouveau.';
      return again(errors);
    }

    const answers: RequestAnswers = { ...checked.answers };
    for (const [key, { file, read }] of files) {
      const stored = await storeUpload(deps, { ownerId: user.id, kind: 'autre', fileName: file.name, bytes: read.bytes, type: read.type });
      if ('error' in stored) return again({ [key]: stored.error }, stored.status);
      answers[key] = String(stored.documentId);
    }
    const requestId = await submitRequest(db, { formId: form.id, userId: user.id, answers });
    // The request is recorded: should its workflow not start now, the reconciler starts it.
    await workflows.startOnlineRequest(requestId, { userId: user.id, commune: form.commune }).catch((error: unknown) => deps.logger.error({ err: error, request: requestId }, 'online request workflow not started'));
    await workflows.sendMailLater({
      idempotencyKey: `request-${requestId}/received`,
      to: user.email,
      mail: requestMails.received({ firstName: user.first_name, title: form.title, commune: form.commune, number: requestId }, `${config.PUBLIC_URL}/mon-compte/demarches/${requestId}`),
    });
    return c.redirect(`/mon-compte/demarches/${requestId}?ok=envoyee`, 303);
  });

  router.get('/mon-compte/demarches', async (c) => c.render(<MyRequestsPage requests={await familyRequests(db, currentUser(c).id)} />, { title: 'Mes démarches' }));

  const myRequest = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const request = await familyRequest(db, currentUser(c).id, idParam(c));
    if (!request) return c.notFound();
    return c.render(<MyRequestPage request={request} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, { title: `Demande n° ${request.id}` });
  };

  router.get(`/mon-compte/demarches/:id${ID}`, (c) => {
    const ok = c.req.query('ok');
    return myRequest(c, { message: ok === 'envoyee' ? 'Votre demande est envoyée à la mairie. Vous recevrez un mail à chacune de ses étapes.' : ok === 'reponse' ? 'Votre réponse est transmise à la mairie.' : null });
  });

  router.post(`/mon-compte/demarches/:id${ID}/reponse`, replyBodyLimit, async (c) => {
    const user = currentUser(c);
    const request = await familyRequest(db, user.id, idParam(c));
    if (!request) return c.notFound();
    const body = await c.req.parseBody();
    const values = textsOf(body);
    const again = (errors: FieldErrors, status: 400 | 429 = 400) => {
      c.status(status);
      return myRequest(c, { values, errors });
    };
    const reply = validateForm(replyForm, values);
    const errors: FieldErrors = reply.ok ? {} : { ...reply.errors };
    const file = body.fichier;
    const read = isFile(file) ? await readUpload(file) : null;
    if (read && 'error' in read) errors.fichier = read.error;
    if (typeof file === 'string' && file !== '') errors.fichier = NOT_A_FILE;
    if (request.status !== 'documents-requested') errors.etat = NOT_WAITING;
    if (Object.keys(errors).length > 0) return again(errors);

    let documentId: number | null = null;
    if (read && !('error' in read)) {
      const stored = await storeUpload(deps, { ownerId: user.id, kind: 'autre', fileName: (file as File).name, bytes: read.bytes, type: read.type });
      if ('error' in stored) return again({ fichier: stored.error }, stored.status);
      documentId = stored.documentId;
    }
    if (!(await addFamilyReply(db, { requestId: request.id, userId: user.id, body: reply.ok ? reply.data.message : '', documentId }))) return again({ etat: NOT_WAITING });
    await workflows.onlineRequestCompleted(request.id, documentId, { userId: user.id, commune: request.commune });
    return c.redirect(`/mon-compte/demarches/${request.id}?ok=reponse`, 303);
  });

  return router;
}
