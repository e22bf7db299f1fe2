// `npm run db:migrate`: brings the database to the latest schema (`-- --down` undoes everything).
// Without DATABASE_URL, works on the local database of `npm start`.
import { exitOnConfigError } from '../config.ts';
import { migrateToEmpty, migrateToLatest } from '../db/migrate.ts';
import { withScriptDatabase } from './lib/script-database.ts';

withScriptDatabase(async (db) => {
  const down = process.argv.includes('--down');
  const names = down ? await migrateToEmpty(db) : await migrateToLatest(db);
  console.log(names.length === 0 ? 'Schema already up to date.' : `${down ? 'Undone' : 'Applied'}: ${names.join(', ')}`);
}, 1).catch((error: unknown) => exitOnConfigError(error));
