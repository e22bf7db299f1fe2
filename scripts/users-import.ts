// `npm run users:import -- comptes.csv`: imports the old platform's accounts (see
// db/queries/user-import.ts). Prints what was imported and each bad row with its line number.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError, exitOnConfigError } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { importUsers } from '../db/queries/user-import.ts';
import { parseScriptEnv } from './lib/script-env.ts';

async function main(): Promise<void> {
  const { DATABASE_URL } = parseScriptEnv(z.object({ DATABASE_URL: z.string().min(1) }));
  const file = process.argv[2];
  if (!file) throw new ConfigError('Usage: npm run users:import -- comptes.csv (columns: email, prenom, nom, telephone, statut, commune)');
  const db = createDb(DATABASE_URL, { poolSize: 2 });
  try {
    const report = await importUsers(db, await readFile(file, 'utf8'));
    console.log(`${report.imported} compte(s) importé(s), ${report.alreadyPresent} déjà présent(s), ${report.errors.length} ligne(s) en erreur.`);
    for (const error of report.errors) console.log(`  ligne ${error.line} : ${error.message}`);
    process.exitCode = report.errors.length > 0 ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => exitOnConfigError(error));
