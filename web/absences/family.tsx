// The family's side of absences for illness: declared from a booked day of « Mes réservations »
// (the child's other days still declarable offered with it), the certificate with it or later,
// « Mes absences » in Mon compte. Each declaration starts its absence-<id> workflow.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { absenceInput, absenceView, familyAbsences } from '../../db/queries/absences/absence-lists.ts';
import { attachCertificate, declarableDays, declareAbsence } from '../../db/queries/absences/absences.ts';
import { MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { isFile, readUpload, storeUpload } from '../documents/index.ts';
import { DeclareAbsencePage, MyAbsencePage, MyAbsencesPage } from './views/family.tsx';
import { z } from 'zod';
import { repeatedIds } from '../forms/schemas.ts';

/** Who may call each route below (see web/http/access.ts). */
export const absenceFamilyAccess = {
  'GET /mon-compte/absences': { who: 'parent' },
  'GET /mon-compte/absences/:id': { who: 'parent', object: 'absence' },
  'POST /mon-compte/absences/:id/certificat': { who: 'parent', object: 'absence', input: { form: 'GET /mon-compte/absences/:id' } },
  'GET /mon-compte/reservations/:id/absence': { who: 'parent', object: 'reservation' },
  'POST /mon-compte/reservations/:id/absence': { who: 'parent', object: 'reservation', input: { form: 'GET /mon-compte/reservations/:id/absence' } },
} satisfies AccessTable;

const TOO_LARGE = 'Le fichier dépasse 10 Mo : réduisez-le (par exemple en le numérisant en noir et blanc) et réessayez.';
/** A certificate as large as a document may be; beyond, the page says so next to the field. */
const oneFile = (page: (c: Context<AppEnv>) => Response | Promise<Response>) =>
  bodyLimit({
    maxSize: MAX_DOCUMENT_BYTES + 64 * 1024,
    onError: (c) => {
      c.status(413);
      return page(c);
    },
  });
const NOT_A_FILE = 'Choisissez un fichier PDF, JPEG ou PNG.';
/** The days ticked absent (the database refuses one not declarable) and the certificate, if sent (checked by its content). */
const declareForm = z.object({ jour: repeatedIds, certificat: z.unknown().optional() });

/** The certificate sent later. */
const certificateForm = declareForm.pick({ certificat: true });

type Certificate = { file: File; read: { bytes: Uint8Array; type: 'application/pdf' | 'image/jpeg' | 'image/png' } };

/** The certificate field: nothing, a checked file, or the message to show next to it. */
async function certificateOf(value: unknown): Promise<Certificate | { error: string } | null> {
  if (typeof value === 'string' && value !== '') return { error: NOT_A_FILE };
  if (!isFile(value)) return null;
  const read = await readUpload(value);
  return 'error' in read ? { error: read.error } : { file: value, read };
}

export function absenceFamilyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, now } = deps;
  const router = new Hono<AppEnv>();

  const storeCertificate = (userId: number, certificate: Certificate) =>
    storeUpload(deps, { ownerId: userId, kind: 'certificat-medical', fileName: certificate.file.name, bytes: certificate.read.bytes, type: certificate.read.type });

  router.get('/mon-compte/absences', async (c) =>
    c.render(<MyAbsencesPage absences={await familyAbsences(db, currentUser(c).id)} message={null} />, { title: 'Mes absences' }),
  );

  const declarePage = async (c: Context<AppEnv>, chosen: number[], errors?: FieldErrors) => {
    const reservationId = idParam(c);
    const declarable = await declarableDays(db, currentUser(c).id, reservationId, now());
    if (!declarable) return c.notFound();
    return c.render(<DeclareAbsencePage reservationId={reservationId} declarable={declarable} chosen={chosen} errors={errors} />, { title: 'Déclarer une absence' });
  };

  router.get(`/mon-compte/reservations/:id${ID}/absence`, (c) => declarePage(c, [idParam(c)]));

  router.post(`/mon-compte/reservations/:id${ID}/absence`, oneFile((c) => declarePage(c, [idParam(c)], { certificat: TOO_LARGE })), async (c) => {
    const user = currentUser(c);
    if (!(await declarableDays(db, user.id, idParam(c), now()))) return c.notFound();
    const body = declareForm.parse(await c.req.parseBody({ all: true }));
    const chosen = body.jour;
    const again = (errors: FieldErrors) => {
      c.status(400);
      // A browser never sends a file back: the family chooses it again.
      return declarePage(c, chosen, errors);
    };
    const certificate = await certificateOf(body.certificat);
    if (certificate && 'error' in certificate) return again({ certificat: certificate.error, ...(chosen.length === 0 ? { jour: 'Cochez au moins un jour d’absence.' } : {}) });
    const declared = await declareAbsence(db, { userId: user.id, reservationIds: chosen, now: now() });
    if (!declared.ok) return again({ jour: declared.error, ...(certificate ? { certificat: 'Choisissez ce fichier à nouveau.' } : {}) });
    let sent = false;
    let refusal: string | null = null;
    if (certificate) {
      const stored = await storeCertificate(user.id, certificate);
      if ('error' in stored) refusal = stored.error;
      else sent = await attachCertificate(db, { absenceId: declared.absenceId, userId: user.id, documentId: stored.documentId, now: now() });
    }
    // The absence is recorded: should its workflow not start now, the certificate or staff's
    // decision start it (see web/absences/workflows.ts).
    await workflows
      .startAbsence({ absenceId: declared.absenceId, declaredAt: now().toISOString(), certificateDueAt: declared.certificateDueAt.toISOString(), certificateSent: sent }, { userId: user.id, commune: null })
      .catch((error: unknown) => deps.logger.error({ err: error, absence: declared.absenceId }, 'absence workflow not started'));
    return c.redirect(`/mon-compte/absences/${declared.absenceId}?ok=${refusal ? 'sans-certificat' : 'declaree'}`, 303);
  });

  const myAbsence = async (c: Context<AppEnv>, extra: { message?: string | null; errors?: FieldErrors } = {}) => {
    const absence = await absenceView(db, idParam(c));
    if (!absence || absence.familyId !== currentUser(c).id) return c.notFound();
    return c.render(<MyAbsencePage absence={absence} now={now()} message={extra.message ?? null} errors={extra.errors} />, { title: `Absence de ${absence.child}` });
  };

  const said: Record<string, string> = {
    declaree: 'Votre absence est déclarée. Vous recevrez un mail à chacune de ses étapes.',
    'sans-certificat': 'Votre absence est déclarée, mais le certificat n’a pas pu être enregistré : déposez-le ci-dessous.',
    certificat: 'Le certificat médical est envoyé à la mairie.',
  };
  router.get(`/mon-compte/absences/:id${ID}`, (c) => myAbsence(c, { message: said[c.req.query('ok') ?? ''] ?? null }));

  router.post(`/mon-compte/absences/:id${ID}/certificat`, oneFile((c) => myAbsence(c, { errors: { certificat: TOO_LARGE } })), async (c) => {
    const user = currentUser(c);
    const absence = await absenceView(db, idParam(c));
    if (!absence || absence.familyId !== user.id) return c.notFound();
    const again = (errors: FieldErrors) => {
      c.status(400);
      return myAbsence(c, { errors });
    };
    if (absence.status !== 'waiting-certificate' || absence.certificateDueAt.getTime() <= now().getTime()) return again({ etat: 'Cette absence n’attend plus de certificat.' });
    const certificate = await certificateOf(certificateForm.parse(await c.req.parseBody()).certificat);
    if (!certificate) return again({ certificat: 'Choisissez le certificat médical (PDF, JPEG ou PNG).' });
    if ('error' in certificate) return again({ certificat: certificate.error });
    const stored = await storeCertificate(user.id, certificate);
    if ('error' in stored) return again({ certificat: stored.error });
    if (!(await attachCertificate(db, { absenceId: absence.id, userId: user.id, documentId: stored.documentId, now: now() }))) return again({ etat: 'Cette absence n’attend plus de certificat.' });
    await workflows.absenceCertificateSent({ ...absenceInput(absence), certificateSent: true }, { userId: user.id, commune: null });
    return c.redirect(`/mon-compte/absences/${absence.id}?ok=certificat`, 303);
  });

  return router;
}
