import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../scripts/lib/paths.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { importUsers } from './user-import.ts';

const database = useTestDatabase();

const csv = [
  'email;prenom;nom;telephone;statut;commune',
  'jeremy.pardon@example.fr;Jérémy;Pardon;06 11 22 33 44;Validé;Rosières',
  'pas-une-adresse;Noé;Girard;;validé;',
  'kylian.girard@example.fr;Kylian;Girard;;en attente;bains',
  'JEREMY.PARDON@example.fr;Doublon;Pardon;;;',
  'florian@example.fr;Florian;Girard;;inconnu;',
  'sans.commune@example.fr;Anne;Roux;;;Atlantis',
  '',
  'noellie.pardon@example.fr;Noëllie;Pardon;;;',
].join('\n');

describe('importUsers', () => {
  it('imports good rows, reports bad ones by line, and flags every account to change its password', async () => {
    await loadDemoCatalogue(database.db, '2026-11-27');
    const report = await importUsers(database.db, csv);
    expect(report).toEqual({
      imported: 3,
      alreadyPresent: 0,
      errors: [
        { line: 3, message: 'adresse e-mail invalide' },
        { line: 5, message: 'adresse déjà présente à la ligne 2' },
        { line: 6, message: 'statut inconnu (validé, en attente, refusé ou suspendu)' },
        { line: 7, message: 'commune inconnue : Atlantis' },
      ],
    });
    const jeremy = await database.db.selectFrom('users').selectAll().where('email', '=', 'jeremy.pardon@example.fr').executeTakeFirstOrThrow();
    expect(jeremy).toMatchObject({ first_name: 'Jérémy', status: 'validated', must_change_password: true, password_hash: null, role: 'parent' });
    const kylian = await database.db.selectFrom('users').select(['status']).where('email', '=', 'kylian.girard@example.fr').executeTakeFirstOrThrow();
    expect(kylian.status).toBe('pending');
  });

  it('changes nothing when run again', async () => {
    const before = await database.db.selectFrom('users').selectAll().orderBy('id').execute();
    const report = await importUsers(database.db, csv);
    expect(report.imported).toBe(0);
    expect(report.alreadyPresent).toBe(3);
    expect(await database.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('reads comma-separated files with English headers and a byte-order mark', async () => {
    const report = await importUsers(database.db, '\uFEFFemail,first_name,last_name,phone,status\nanglais@example.fr,Ann,Lee,,pending\n');
    expect(report).toEqual({ imported: 1, alreadyPresent: 0, errors: [] });
  });

  it('runs as `npm run users:import -- file.csv`, printing the report', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'import-'));
    const file = path.join(folder, 'comptes.csv');
    await writeFile(file, 'email;prenom;nom\ncli@example.fr;Cli;Test\nfaux;X;Y\n');
    const run = promisify(execFile)(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/users-import.ts', file], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    const failure = await run.then(() => null, (error: { code: number; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('1 compte(s) importé(s), 0 déjà présent(s), 1 ligne(s) en erreur.');
    expect(failure?.stdout).toContain('ligne 3 : adresse e-mail invalide');
  });
});
