// The public home page.
import { Hono } from 'hono';
import { HomePage } from '../views/home.tsx';
import type { AccessTable } from '../access.ts';

/** Who may call each route below (see web/access.ts). */
export const homeAccess = {
  'GET /': { who: 'anyone' },
} satisfies AccessTable;

export function homeRoutes(): Hono {
  const router = new Hono();
  router.get('/', (c) => c.render(<HomePage />, { title: 'Accueil' }));
  return router;
}
