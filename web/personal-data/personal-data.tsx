// « RGPD - Données personnelles »: the page saying what is kept and why, the family's archive, and
// the erasure on request (its workflow closes the account and carries the erasure out).
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { erasureOwesMoney, requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { familyData, familyFiles } from '../../db/queries/personal-data/family-export.ts';
import { communeName } from '../../db/queries/accounts/index.ts';
import { parisDate } from '../../domain/dates.ts';
import { dataArchive } from '../../lib/export-archive.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import { clearSessionCookie } from '../accounts/index.ts';
import { attemptMessage, verifyPasswordAttempt } from '../accounts/index.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { displayName } from '../documents/index.ts';
import { ErasureRequestedPage, PersonalDataPage, type ErasureForm } from './views/personal-data.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const personalDataAccess = {
  'GET /mon-compte/donnees': { who: 'parent' },
  'GET /mon-compte/donnees/archive.zip': { who: 'parent' },
  'POST /mon-compte/donnees/effacement': { who: 'parent', input: { form: 'GET /mon-compte/donnees' } },
  'GET /effacement-demande': { who: 'anyone' },
} satisfies AccessTable;

const README = `Vos données sur la Plateforme Citoyens
donnees.json : chaque table et vos lignes, telles qu'elles sont enregistrées (montants en centimes, dates en UTC).
pieces/ : vos pièces justificatives et les fichiers joints à vos démarches.
`;

const erasureSchema = z.object({
  iban: z
    .string()
    .optional()
    .transform((value) => electronicFormatIBAN(value ?? '') ?? '')
    .refine((value) => value === '' || isValidIBAN(value), 'Cet IBAN n’est pas valide : vérifiez-le sur votre RIB (par exemple FR76 3000 6000 0112 3456 7890 189).'),
  mot_de_passe: z.string({ error: 'Saisissez votre mot de passe.' }).min(1, 'Saisissez votre mot de passe.'),
  confirmation: z.literal('oui', { error: 'Cochez la case pour confirmer votre demande.' }),
});

export function personalDataRoutes({ db, documents, now, config, workflows }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  const secure = config.PUBLIC_URL.startsWith('https:');
  const attempts = { db, now, trustedProxies: config.TRUSTED_PROXIES };

  const page = async (c: Context<AppEnv>, erasure?: ErasureForm) =>
    c.render(<PersonalDataPage owesMoney={await erasureOwesMoney(db, currentUser(c).id, parisDate(now()))} {...(erasure ? { erasure } : {})} />, { title: 'RGPD - Données personnelles' });

  router.get('/mon-compte/donnees', (c) => page(c));

  router.get('/mon-compte/donnees/archive.zip', async (c) => {
    const user = currentUser(c);
    const [data, files] = await Promise.all([familyData(db, user), familyFiles(db, user.id)]);
    const archive = dataArchive(
      { exportedAt: now().toISOString(), tables: data },
      files.map((file) => ({ name: `${file.id}-${displayName(file.file_name)}`, read: () => documents.get(file.storage_key) })),
      README,
    );
    c.header('Content-Type', 'application/zip');
    c.header('Content-Disposition', `attachment; filename="mes-donnees-${now().toISOString().slice(0, 10)}.zip"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(archive);
  });

  router.post('/mon-compte/donnees/effacement', async (c) => {
    const user = currentUser(c);
    return handleForm(c, {
      schema: erasureSchema,
      again: (erasure) => page(c, erasure),
      save: async ({ iban, mot_de_passe: password }): Promise<FieldErrors | void> => {
        if (iban === '' && (await erasureOwesMoney(db, user.id, parisDate(now())))) return { iban: 'Indiquez l’IBAN du compte où la mairie vous rembourse.' };
        const attempt = await verifyPasswordAttempt(c, attempts, { account: `user:${user.id}`, hash: user.password_hash, password });
        if (!attempt.ok) return { mot_de_passe: attemptMessage(attempt, 'Ce mot de passe est incorrect.') };
        const requestId = await requestErasure(db, { userId: user.id, iban: iban || null, now: now() });
        await workflows.startErasure(user.id, requestId, user.commune_id ? await communeName(db, user.commune_id) : null);
        clearSessionCookie(c, secure);
      },
      then: '/effacement-demande',
    });
  });

  router.get('/effacement-demande', (c) => c.render(<ErasureRequestedPage />, { title: 'Demande d’effacement enregistrée' }));

  return router;
}
