// `npm run users:import -- comptes.csv`: imports the old platform's accounts (see
// db/queries/accounts/user-import.ts). Prints what was imported and each bad row with its line number.
// Without DATABASE_URL, works on the local database of `npm start`.
import { readFile } from 'node:fs/promises';
import { ConfigError, exitOnConfigError } from '../config.ts';
import { importUsers } from '../db/queries/accounts/index.ts';
import { withScriptDatabase } from './lib/script-database.ts';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new ConfigError('Usage: npm run users:import -- comptes.csv (columns: email, prenom, nom, telephone, statut, commune)');
  const text = await readFile(file, 'utf8');
  const report = await withScriptDatabase((db) => importUsers(db, text));
  console.log(`${report.imported} compte(s) importé(s), ${report.alreadyPresent} déjà présent(s), ${report.errors.length} ligne(s) en erreur.`);
  for (const error of report.errors) console.log(`  ligne ${error.line} : ${error.message}`);
  process.exitCode = report.errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => exitOnConfigError(error));
