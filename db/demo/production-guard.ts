// The demo's accounts have passwords printed in the README: a production database holding one
// is an open door. The server and the worker refuse to start on such a database.
import type { Db } from '../connection.ts';
import { ConfigError } from '../../config.ts';
import { demoAccounts } from './data.ts';

export async function refuseDemoAccountsInProduction(db: Db, nodeEnv: string): Promise<void> {
  if (nodeEnv !== 'production') return;
  const found = await db.selectFrom('users').select('email').where('email', 'in', demoAccounts.map((account) => account.email)).execute();
  if (found.length > 0) {
    throw new ConfigError(
      `Refusing to start in production: the database holds demo accounts whose passwords are public (${found.map((row) => row.email).join(', ')}). Delete them, or use a database that never received the demo.`,
    );
  }
}
