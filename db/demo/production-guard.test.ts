import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { createParent } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { refuseDemoAccountsInProduction } from './production-guard.ts';

const database = useTestDatabase();

describe('a production database with a demo account', () => {
  it('stops the server and the worker, naming the accounts; other databases and other environments pass', async () => {
    await createParent(database.db, 'vraie.famille@example.fr');
    await expect(refuseDemoAccountsInProduction(database.db, 'production')).resolves.toBeUndefined();
    await createParent(database.db, 'admin@citoyens.localhost');
    await expect(refuseDemoAccountsInProduction(database.db, 'production')).rejects.toThrow(ConfigError);
    await expect(refuseDemoAccountsInProduction(database.db, 'production')).rejects.toThrow('demo accounts whose passwords are public (admin@citoyens.localhost)');
    await expect(refuseDemoAccountsInProduction(database.db, 'development')).resolves.toBeUndefined();
  });
});
