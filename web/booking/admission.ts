// Opening day: thousands of parents press « Ajouter au panier » in the same second. Each web
// server process lets a few carts be taken at once and the others wait their turn, first come
// first served. The few running finish sooner than thousands sharing the CPU would, and the orders
// under way (« Commander », « Payer », which do not wait here) keep the CPU their process's worker
// needs to finish them. A day already full is refused before the line: most parents arrive after
// the last place went, and need not wait behind those still buying.
import pLimit from 'p-limit';

/** Runs each piece of work given when its turn comes, `atOnce` at a time. */
export function admissionLine(atOnce: number): <T>(work: () => Promise<T>) => Promise<T> {
  const limit = pLimit(atOnce);
  return (work) => limit(work);
}
