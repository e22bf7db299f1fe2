// `npm run staff:create -- --email agent@mairie.fr --commune rosieres [--commune bains] [--admin]`
// Creates (or completes) a staff account for the communes given and prints a one-time link,
// valid 72 hours, where the agent chooses a password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, exitOnConfigError } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { createStaffAccount, UnknownCommuneError } from '../db/queries/staff.ts';
import { parseScriptEnv } from './lib/script-env.ts';

async function main(): Promise<void> {
  const env = parseScriptEnv(z.object({ DATABASE_URL: z.string().min(1), PUBLIC_URL: z.string().url().default('http://localhost:3000') }));
  const { values } = parseArgs({
    options: { email: { type: 'string' }, commune: { type: 'string', multiple: true }, admin: { type: 'boolean', default: false } },
  });
  if (!values.email) throw new ConfigError('Usage: npm run staff:create -- --email agent@mairie.fr --commune <slug or name> [--commune …] [--admin]');
  const db = createDb(env.DATABASE_URL, { poolSize: 2 });
  try {
    const result = await createStaffAccount(db, { email: values.email, communes: values.commune ?? [], admin: values.admin ?? false, now: new Date() });
    console.log(`Compte agent ${result.email} (${result.communes.join(', ') || 'toutes les communes'}).`);
    console.log(`Lien à usage unique pour choisir le mot de passe (valable 72 h) :\n${env.PUBLIC_URL.replace(/\/$/, '')}/recuperation-mot-de-passe/nouveau?token=${result.token}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UnknownCommuneError) {
    console.error(error.message);
    process.exit(2);
  }
  exitOnConfigError(error);
});
