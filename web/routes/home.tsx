// The public home page.
import { Hono } from 'hono';
import { HomePage } from '../views/home.tsx';

export function homeRoutes(): Hono {
  const router = new Hono();
  router.get('/', (c) => c.render(<HomePage />, { title: 'Accueil' }));
  return router;
}
