// `npm run db:demo`: loads the demo catalogue and its published accounts (development only;
// `npm start` does it by itself on a database without accounts, and plays the demo families'
// stories too).
import { ConfigError, exitOnConfigError } from '../config.ts';
import { loadDemoCatalogue } from '../db/demo/load.ts';
import { withScriptDatabase } from './lib/script-database.ts';

if (process.env.NODE_ENV === 'production') {
  exitOnConfigError(new ConfigError('The demo publishes its passwords: it is never loaded with NODE_ENV=production.'));
}
withScriptDatabase(async (db) => {
  await loadDemoCatalogue(db);
  console.log('Demo loaded: a product of every category in every commune, the demo accounts.');
}).catch((error: unknown) => exitOnConfigError(error));
