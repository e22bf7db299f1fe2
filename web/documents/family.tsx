// A family's supporting documents, « Mes pièces justificatives »: upload (checked by content and
// size), list, and the files themselves, shown to their owner only.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import type { DocumentKind } from '../../db/database.ts';
import { familyDocuments, storedDocument } from '../../db/queries/family/index.ts';
import { communeName } from '../../db/queries/accounts/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { sendDocument } from './send-document.ts';
import { isFile, readUpload, storeUpload } from './uploads.ts';
import { documentKinds, DocumentsPage } from './views/documents.tsx';
import type { AccessTable } from '../http/access.ts';

const kindSchema = z.object({
  kind: z.enum(documentKinds.map((k) => k.value) as [DocumentKind, ...DocumentKind[]], { error: 'Choisissez le type de pièce.' }),
});

/** Who may call each route below (see web/http/access.ts). */
export const familyDocumentAccess = {
  'GET /mon-compte/documents': { who: 'parent' },
  'POST /mon-compte/documents': { who: 'parent', input: { form: 'GET /mon-compte/documents' } },
  'GET /mon-compte/documents/:id': { who: 'parent', object: 'document' },
} satisfies AccessTable;

export function familyDocumentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, documents: store } = deps;
  const router = new Hono<AppEnv>();

  const listDocuments = (ownerId: number) => familyDocuments(db, [ownerId]);

  const renderDocuments = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldErrors; message?: string | null }) =>
    c.render(<DocumentsPage documents={await listDocuments(currentUser(c).id)} {...extra} />, { title: 'Mes pièces justificatives' });

  router.get('/mon-compte/documents', (c) => {
    const message = c.req.query('depose') === '1' ? 'Votre pièce a bien été déposée.' : c.req.query('bienvenue') === '1' ? 'Votre compte est créé. Déposez maintenant vos pièces justificatives.' : null;
    return renderDocuments(c, { message });
  });

  router.post(
    '/mon-compte/documents',
    bodyLimit({
      maxSize: MAX_DOCUMENT_BYTES + 64 * 1024,
      onError: async (c) => {
        c.status(413);
        return renderDocuments(c, { errors: { file: 'Le fichier dépasse 10 Mo : réduisez-le (par exemple en le numérisant en noir et blanc) et réessayez.' } });
      },
    }),
    async (c) => {
      const user = currentUser(c);
      const body = await c.req.parseBody();
      const values: FormValues = { kind: typeof body.kind === 'string' ? body.kind : '' };
      const form = validateForm(kindSchema, values);
      const errors: FieldErrors = form.ok ? {} : { ...form.errors };
      const file = body.file;
      let read: Awaited<ReturnType<typeof readUpload>> | null = null;
      if (!isFile(file)) errors.file = 'Choisissez le fichier à déposer.';
      else {
        read = await readUpload(file);
        if ('error' in read) errors.file = read.error;
      }
      if (!form.ok || !read || 'error' in read || Object.keys(errors).length > 0) {
        c.status(400);
        return renderDocuments(c, { values, errors });
      }

      const stored = await storeUpload(deps, { ownerId: user.id, kind: form.data.kind, fileName: (file as File).name, bytes: read.bytes, type: read.type });
      if ('error' in stored) {
        c.status(stored.status);
        return renderDocuments(c, { values, errors: { file: stored.error } });
      }
      const { documentId } = stored;

      if (user.status === 'pending') {
        const commune = user.commune_id ? await communeName(db, user.commune_id) : null;
        await workflows.documentSubmitted(user.id, documentId, { userId: user.id, commune });
      }
      return c.redirect('/mon-compte/documents?depose=1', 303);
    },
  );

  router.get(`/mon-compte/documents/:id${ID}`, async (c) => {
    const document = await storedDocument(db, idParam(c));
    if (!document || document.owner_id !== currentUser(c).id) return c.notFound();
    return sendDocument(c, document, await store.get(document.storage_key));
  });

  return router;
}
