// `npm run db:seed`: loads the demo data into DATABASE_URL (idempotent).
import { z } from 'zod';
import { exitOnConfigError } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { seedDemoData } from '../db/seed.ts';
import { parseScriptEnv } from './lib/script-env.ts';

async function main(): Promise<void> {
  const { DATABASE_URL } = parseScriptEnv(z.object({ DATABASE_URL: z.string().min(1) }));
  const db = createDb(DATABASE_URL, { poolSize: 2 });
  try {
    await seedDemoData(db);
    console.log('Demo data loaded.');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => exitOnConfigError(error));
