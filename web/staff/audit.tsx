// Staff: the journal of staff actions concerning their communes (an administrator sees all).
import { Hono } from 'hono';
import { auditEntries } from '../../db/queries/staff/audit.ts';
import { communeOptions, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { ACTION_KINDS, AuditPage } from './views/audit.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const auditAccess = {
  'GET /agent/journal': { who: 'staff' },
} satisfies AccessTable;

export function auditRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/journal', async (c) => {
    const user = currentUser(c);
    const communeIds = await staffCommuneIds(db, user);
    const communes = (await communeOptions(db)).filter((commune) => communeIds.includes(commune.id));
    const asked = Number(c.req.query('commune'));
    // A commune outside the staff's own is ignored: the list stays theirs.
    const communeId = communeIds.includes(asked) ? asked : null;
    const action = ACTION_KINDS.find(([kind]) => kind === c.req.query('action'))?.[0] ?? null;
    const rows = await auditEntries(db, { communeIds, communeId, action, everything: user.role === 'admin' });
    return c.render(<AuditPage rows={rows} communes={communes} communeId={communeId} action={action} />, { title: 'Journal des actions' });
  });
  return router;
}
