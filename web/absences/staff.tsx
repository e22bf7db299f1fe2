// Staff: the absences for illness of their communes' products: the queue, one absence with its
// certificate, and the decision sent to its absence-<id> workflow (which credits the days).
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { absenceCertificate, absenceInput, absenceView, communeAbsences } from '../../db/queries/absences/absence-lists.ts';
import { staffDocument } from '../../db/queries/documents/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { sendDocument } from '../documents/index.ts';
import { AbsenceDetailPage, AbsenceQueuePage } from './views/staff.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const absenceStaffAccess = {
  'GET /agent/absences': { who: 'staff' },
  'GET /agent/absences/:id': { who: 'staff', object: 'commune-absence' },
  'POST /agent/absences/:id/decision': { who: 'staff', object: 'commune-absence', input: { form: 'GET /agent/absences/:id' } },
  'GET /agent/absences/:id/certificat': { who: 'staff', object: 'commune-absence' },
} satisfies AccessTable;

const decisionSchema = z
  .object({
    decision: z.enum(['accepter', 'refuser'], { error: 'Choisissez d’accepter ou de refuser.' }),
    raison: z
      .string()
      .optional()
      .transform((value) => value?.trim() ?? '')
      .refine((value) => value.length <= 500 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), '500 caractères au plus.'),
  })
  .refine((data) => data.decision === 'accepter' || data.raison.length >= 5, { message: 'Dites à la famille pourquoi (5 caractères au moins).', path: ['raison'] });

const said = { accepter: 'L’absence est acceptée : les jours sont crédités sur le porte-monnaie de la famille, prévenue par mail.', refuser: 'L’absence est refusée ; la famille est prévenue par mail.' };

export function absenceStaffRoutes({ db, workflows, documents }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  /** The absence behind :id, if its product is one of the staff member's communes'; 403 otherwise. */
  const inScope = async (c: Context<AppEnv>) => {
    const absence = await absenceView(db, idParam(c));
    if (!absence || !(await staffCommuneIds(db, currentUser(c))).includes(absence.communeId)) throw new HTTPException(403);
    return absence;
  };

  const detail = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const absence = await inScope(c);
    return c.render(<AbsenceDetailPage absence={absence} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, { title: `Absence de ${absence.child}` });
  };

  router.get('/absences', async (c) => c.render(<AbsenceQueuePage {...await communeAbsences(db, await staffCommuneIds(db, currentUser(c)))} />, { title: 'Absences à examiner' }));

  router.get(`/absences/:id${ID}`, (c) => detail(c, { message: flash(c, said) }));

  router.post(`/absences/:id${ID}/decision`, async (c) => {
    const absence = await inScope(c);
    return handleForm(c, {
      schema: decisionSchema,
      again: (form) => detail(c, form),
      save: async ({ decision, raison }): Promise<FieldErrors | void> => {
        if (absence.status !== 'waiting-staff') return { decision: 'Cette absence n’attend pas de décision.' };
        const verdict = decision === 'accepter' ? { accepted: true as const } : { accepted: false as const, reason: raison };
        await workflows.decideAbsence(absenceInput(absence), { userId: absence.familyId, commune: null }, { staffId: currentUser(c).id, verdict });
      },
      then: ({ decision }) => `/agent/absences/${absence.id}?ok=${decision}`,
    });
  });

  router.get(`/absences/:id${ID}/certificat`, async (c) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const certificateId = (await absenceCertificate(db, communes, idParam(c)))?.certificate_id;
    const file = certificateId == null ? undefined : await staffDocument(db, communes, certificateId);
    if (!file) throw new HTTPException(403);
    return sendDocument(c, file, await documents.get(file.storage_key));
  });

  return router;
}
