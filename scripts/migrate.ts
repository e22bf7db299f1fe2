// `npm run db:migrate`: brings DATABASE_URL to the latest schema (`-- --down` undoes everything).
import { z } from 'zod';
import { exitOnConfigError } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { migrateToEmpty, migrateToLatest } from '../db/migrate.ts';
import { parseScriptEnv } from './lib/script-env.ts';

async function main(): Promise<void> {
  const { DATABASE_URL } = parseScriptEnv(z.object({ DATABASE_URL: z.string().min(1) }));
  const db = createDb(DATABASE_URL, { poolSize: 1 });
  try {
    const down = process.argv.includes('--down');
    const names = down ? await migrateToEmpty(db) : await migrateToLatest(db);
    console.log(names.length === 0 ? 'Schema already up to date.' : `${down ? 'Undone' : 'Applied'}: ${names.join(', ')}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => exitOnConfigError(error));
