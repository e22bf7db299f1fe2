// After `npm install`: the Temporal binaries that `npm start` and `npm test` run, installed into
// .tools/ when none is found, so that the two commands need no step of their own. Production
// images run external services and skip it; a failure is told, not fatal: start and test try
// again and stop with the same advice.
import { ensureTemporalBinaries } from './lib/temporal-binaries.ts';

if (process.env.NODE_ENV !== 'production') {
  await ensureTemporalBinaries().catch((error: unknown) => {
    console.warn(error instanceof Error ? error.message : String(error));
  });
}
