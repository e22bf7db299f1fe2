// Opening day: thousands of parents press « Ajouter au panier » in the same second. Each web
// server process lets a few of those requests run at once and the others wait their turn, first
// come first served. The few running finish sooner than thousands sharing the CPU would, and the
// orders under way (« Commander », « Payer », whose requests are not held here) keep the CPU their
// process's worker needs to finish them.
import type { MiddlewareHandler } from 'hono';
import pLimit from 'p-limit';
import type { AppEnv } from '../env.ts';

export function admission(atOnce: number): MiddlewareHandler<AppEnv> {
  const limit = pLimit(atOnce);
  return (_c, next) => limit(next);
}
