// The public home page.
import { Hono } from 'hono';
import { HomePage } from './views/home.tsx';
import type { AccessTable } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';

/** Who may call each route below (see web/http/access.ts). */
export const homeAccess = {
  'GET /': { who: 'anyone' },
} satisfies AccessTable;

export function homeRoutes(): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/', (c) => {
    const user = c.get('user');
    const visitor = !user ? null : user.role === 'parent' ? { role: 'parent' as const, status: user.status } : { role: 'staff' as const };
    return c.render(<HomePage visitor={visitor} />, { title: 'Accueil' });
  });
  return router;
}
