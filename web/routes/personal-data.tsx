// « RGPD - Données personnelles »: the page saying what is kept and why, and the family's archive.
import { Hono } from 'hono';
import { familyData, familyFiles } from '../../db/queries/family-export.ts';
import { dataArchive } from '../../lib/export-archive.ts';
import type { AccessTable } from '../access.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { currentUser } from '../middleware/guards.ts';
import { displayName } from '../uploads.ts';
import { PersonalDataPage } from '../views/account/personal-data.tsx';

/** Who may call each route below (see web/access.ts). */
export const personalDataAccess = {
  'GET /mon-compte/donnees': { who: 'parent' },
  'GET /mon-compte/donnees/archive.zip': { who: 'parent' },
} satisfies AccessTable;

const README = `Vos données sur la Plateforme Citoyens
donnees.json : chaque table et vos lignes, telles qu'elles sont enregistrées (montants en centimes, dates en UTC).
pieces/ : vos pièces justificatives et les fichiers joints à vos démarches.
`;

export function personalDataRoutes({ db, documents, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/mon-compte/donnees', (c) => c.render(<PersonalDataPage />, { title: 'RGPD - Données personnelles' }));

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

  return router;
}
