// `npm run staff:create -- --email agent@mairie.fr --commune rosieres [--commune bains] [--admin]`
// Creates (or completes) a staff account for the communes given and prints a one-time link,
// valid 72 hours, where the agent chooses a password. Without DATABASE_URL, works on the local
// database of `npm start`, and the link points at its web server.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, exitOnConfigError } from '../config.ts';
import { createStaffAccount, UnknownCommuneError } from '../db/queries/staff/index.ts';
import { staffInvitationLink } from '../activities/staff/index.ts';
import { withScriptDatabase } from './lib/script-database.ts';
import { parseScriptEnv } from './lib/script-env.ts';
import { systemClock } from '../lib/clock.ts';

async function main(): Promise<void> {
  const env = parseScriptEnv(z.object({ PORT: z.coerce.number().int().min(1).max(65535).default(3000), PUBLIC_URL: z.string().url().optional() }));
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const { values } = parseArgs({
    options: { email: { type: 'string' }, commune: { type: 'string', multiple: true }, admin: { type: 'boolean', default: false } },
  });
  if (!values.email) throw new ConfigError('Usage: npm run staff:create -- --email agent@mairie.fr --commune <slug or name> [--commune …] [--admin]');
  const email = values.email;
  const result = await withScriptDatabase((db) => createStaffAccount(db, { email, communes: values.commune ?? [], admin: values.admin ?? false, now: systemClock()(), invitedBy: null }));
  console.log(`Compte agent ${result.email} (${result.communes.join(', ') || 'toutes les communes'}).`);
  console.log(`Lien à usage unique pour choisir le mot de passe (valable 72 h) :\n${staffInvitationLink(publicUrl, result.token)}`);
}

main().catch((error: unknown) => {
  if (error instanceof UnknownCommuneError) {
    console.error(error.message);
    process.exit(2);
  }
  exitOnConfigError(error);
});
