// `npm run db:seed`: loads the reference data (communes and their service offers) into the
// database (idempotent). It creates no account: staff come from `npm run staff:create`.
import { exitOnConfigError } from '../config.ts';
import { seedReferenceData } from '../db/seed.ts';
import { withScriptDatabase } from './lib/script-database.ts';

withScriptDatabase(async (db) => {
  const communes = await seedReferenceData(db);
  console.log(`Reference data loaded: ${communes.size} communes and their service offers.`);
}).catch((error: unknown) => exitOnConfigError(error));
