// Staff: a child's fiche sanitaire, reached from the day's attendance list. Health data is special
// under the RGPD: shown only for a confirmed reservation of the staff's communes whose service day
// is today in Paris (another commune's: 403; another day's, or cancelled: 404), and each view is
// written to the journal; the PAI document under the same rule, never cached, each opening journalled.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { openHealthRecord, openPaiDocument } from '../../db/queries/child-file/staff-health.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { sendDocument } from '../documents/index.ts';
import { StaffHealthPage } from './views/staff-health.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const childFileStaffAccess = {
  'GET /agent/enfants/reservations/:id/sante': { who: 'staff', object: 'child-health-reservation' },
  'GET /agent/enfants/reservations/:id/pai': { who: 'staff', object: 'child-health-reservation' },
} satisfies AccessTable;

export function childFileStaffRoutes({ db, now, documents }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get(`/enfants/reservations/:id${ID}/sante`, async (c) => {
    const user = currentUser(c);
    const today = parisDate(now());
    const view = await openHealthRecord(db, { reservationId: idParam(c), communeIds: await staffCommuneIds(db, user), today, staffId: user.id });
    if (view === 'other-commune') throw new HTTPException(403);
    if (view === 'not-today') throw new HTTPException(404);
    c.header('Cache-Control', 'private, no-store');
    return c.render(<StaffHealthPage view={view} today={today} />, { title: `Fiche sanitaire – ${view.reservation.firstName} ${view.reservation.lastName}` });
  });

  router.get(`/enfants/reservations/:id${ID}/pai`, async (c) => {
    const user = currentUser(c);
    const opened = await openPaiDocument(db, { reservationId: idParam(c), communeIds: await staffCommuneIds(db, user), today: parisDate(now()), staffId: user.id });
    if (opened === 'other-commune') throw new HTTPException(403);
    if (opened === 'not-today' || opened === 'no-pai') throw new HTTPException(404);
    // sendDocument sends it with Cache-Control: private, no-store.
    return sendDocument(c, opened, await documents.get(opened.storage_key));
  });

  return router;
}
