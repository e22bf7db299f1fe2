// The fiche sanitaire's page: read by its schema, checked against the child's birth and today,
// its PAI document stored as one of the family's documents (kind `pai`, never a supporting document
// staff decide), saved as a new version only when something changed.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { currentHealthRecord, saveHealthRecord, type HealthRecord } from '../../db/queries/child-file/health.ts';
import type { Dependant } from '../../db/database.ts';
import { dtpOverdue, dtpProblem, isDiet, type HealthFields } from '../../domain/child-file.ts';
import { isIsoDate, parisDate } from '../../domain/dates.ts';

import { MAX_DOCUMENT_BYTES } from '../../lib/documents/content-type.ts';
import { isFile, readUpload, storeUpload } from '../documents/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { optionalText, phoneField, repeatedText } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { childName, childOf, filePath, readFields, validateFields } from './child.ts';
import { HealthFormPage } from './views/health.tsx';

/** A real calendar day (isIsoDate throws on « 2019-02-30 »). */
const isRealDay = (value: string) => {
  try {
    return isIsoDate(value);
  } catch {
    return false;
  }
};

/** Who may call each route below (see web/http/access.ts). */
export const healthAccess = {
  'GET /mon-compte/enfants/:id/sante': { who: 'parent', object: 'dependant' },
  'POST /mon-compte/enfants/:id/sante': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/enfants/:id/sante' } },
} satisfies AccessTable;

const optionalPhone = optionalText(30).pipe(z.null().or(phoneField));

const healthSchema = z.object({
  allergies: optionalText(500),
  diets: repeatedText.refine((values) => values.every(isDiet), 'Choisissez parmi les régimes proposés (un autre : dans « Autres informations »).'),
  has_pai: z.enum(['oui', 'non'], { error: "Indiquez si l'enfant a un PAI." }),
  treatments: optionalText(500),
  dtp_last_on: optionalText(10).refine((value) => value === null || isRealDay(value), "La date du dernier rappel DTP n'est pas une date valide."),
  vaccinations: optionalText(500),
  doctor_name: optionalText(120),
  doctor_phone: optionalPhone,
  insurance_name: optionalText(120),
  insurance_number: optionalText(60),
  notes: optionalText(1000),
});

const TOO_LARGE = 'Le fichier dépasse 10 Mo : réduisez-le (par exemple en le numérisant en noir et blanc) et réessayez.';

/** The form's values as the current record fills them. */
function valuesOf(record: HealthRecord | undefined): FormValues {
  if (!record) return {};
  const text = (value: string | null) => value ?? '';
  return {
    allergies: text(record.allergies), has_pai: record.has_pai ? 'oui' : 'non', treatments: text(record.treatments), dtp_last_on: text(record.dtp_last_on),
    vaccinations: text(record.vaccinations), doctor_name: text(record.doctor_name), doctor_phone: text(record.doctor_phone),
    insurance_name: text(record.insurance_name), insurance_number: text(record.insurance_number), notes: text(record.notes),
  };
}

const flashes: Record<string, string> = {
  sante: 'La fiche sanitaire est enregistrée.',
  'sante-dtp': 'La fiche sanitaire est enregistrée. Le dernier rappel DTP date de plus de 10 ans : pensez à le faire refaire.',
  'sante-inchangee': "La fiche sanitaire n'a pas changé : elle est confirmée telle quelle.",
};
export const healthFlashes = flashes;

export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, child: Dependant, form?: { values: FormValues; diets: string[]; errors: FieldErrors }) => {
    const record = await currentHealthRecord(db, child.id);
    return c.render(
      <HealthFormPage child={child} values={form?.values ?? valuesOf(record)} chosenDiets={form?.diets ?? record?.diets ?? []} hasPaiDocument={Boolean(record?.pai_document_id)} errors={form?.errors} />,
      { title: `Fiche sanitaire de ${childName(child)}` },
    );
  };

  router.get(`/mon-compte/enfants/:id${ID}/sante`, async (c) => {
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    return page(c, child);
  });

  const tooLarge = bodyLimit({
    maxSize: MAX_DOCUMENT_BYTES + 64 * 1024,
    onError: async (c) => {
      const child = await childOf(deps, c);
      if (!child) return c.notFound();
      c.status(413);
      return page(c, child, { values: valuesOf(await currentHealthRecord(db, child.id)), diets: [], errors: { pai_document: TOO_LARGE } });
    },
  });

  router.post(`/mon-compte/enfants/:id${ID}/sante`, tooLarge, async (c) => {
    const user = currentUser(c);
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const { values, all } = await readFields(c);
    const sentDiets = all('diets');
    const chosenDiets = sentDiets.filter((v): v is string => typeof v === 'string');
    const again = (errors: FieldErrors) => {
      c.status(400);
      // A browser never sends a file back: the family chooses it again.
      return page(c, child, { values, diets: chosenDiets, errors });
    };
    const form = validateFields(healthSchema, values, { diets: sentDiets });
    const today = parisDate(now());
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const dtp = values.dtp_last_on?.trim();
    if (dtp && isRealDay(dtp)) {
      const problem = dtpProblem(dtp, child.birth_date, today);
      if (problem) errors.dtp_last_on = problem;
    }
    const current = await currentHealthRecord(db, child.id);
    const file = all('pai_document').find(isFile);
    const wantsPai = values.has_pai === 'oui';
    const keptPai = current?.pai_document_id ?? null;
    if (wantsPai && !file && !keptPai) errors.pai_document = 'Joignez le document du PAI (PDF, JPEG ou PNG).';
    let upload: Awaited<ReturnType<typeof readUpload>> | null = null;
    if (wantsPai && file) {
      upload = await readUpload(file);
      if ('error' in upload) errors.pai_document = upload.error;
    }
    // The browser drops the chosen file with the page: say so beside its field, or the family saves without it.
    if ((!form.ok || Object.keys(errors).length > 0) && wantsPai && file && !errors.pai_document) errors.pai_document = 'Choisissez à nouveau le document du PAI : il ne peut pas être gardé quand le formulaire contient une erreur.';
    if (!form.ok || Object.keys(errors).length > 0) return again(errors);

    let paiDocumentId = wantsPai ? keptPai : null;
    if (wantsPai && file && upload && !('error' in upload)) {
      const stored = await storeUpload(deps, { ownerId: user.id, kind: 'pai', fileName: file.name, bytes: upload.bytes, type: upload.type });
      if ('error' in stored) {
        c.status(stored.status);
        return page(c, child, { values, diets: chosenDiets, errors: { pai_document: stored.error } });
      }
      paiDocumentId = stored.documentId;
    }
    const { has_pai: hasPai, ...fields } = form.data;
    const record: HealthFields = { ...fields, has_pai: hasPai === 'oui', pai_document_id: paiDocumentId };
    const version = await saveHealthRecord(db, { dependantId: child.id, fields: record, userId: user.id, now: now() });
    const flash = version === null ? 'sante-inchangee' : dtpOverdue(record.dtp_last_on, today) ? 'sante-dtp' : 'sante';
    return c.redirect(`${filePath(child)}?ok=${flash}`, 303);
  });

  return router;
}
