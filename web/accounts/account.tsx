// "Mon compte": the parent's home in their account, with their account's state and documents.
import { Hono } from 'hono';
import { describeAccountStatus } from './account-state.ts';
import { familyDocuments } from '../../db/queries/family/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { AccountHomePage } from './views/home.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const accountAccess = {
  'GET /mon-compte': { who: 'signed-in' },
} satisfies AccessTable;

export function accountRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows } = deps;
  const router = new Hono<AppEnv>();

  router.get('/mon-compte', async (c) => {
    const user = currentUser(c);
    const workflow = user.status === 'pending' ? await workflows.accountValidationState(user.id).catch(() => null) : null;
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
    return c.render(<AccountHomePage name={name} status={describeAccountStatus(user, workflow)} documents={await familyDocuments(db, [user.id])} />, {
      title: 'Mon compte',
    });
  });

  return router;
}
