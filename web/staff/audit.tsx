// Staff: the journal of staff actions concerning their communes (an administrator sees all),
// filtered by commune, kind of action, days and the names of who did it or whom it concerned.
import { Hono } from 'hono';
import { auditEntries } from '../../db/queries/staff/audit.ts';
import { communeOptions, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { typedDay } from '../../domain/search-text.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
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
    const values: FormValues = {};
    for (const name of ['commune', 'action', 'du', 'au', 'personne']) values[name] = (c.req.query(name) ?? '').slice(0, 100);
    const asked = Number(values.commune);
    // A commune outside the staff's own is ignored: the list stays theirs.
    const communeId = communeIds.includes(asked) ? asked : null;
    const action = ACTION_KINDS.find(([kind]) => kind === values.action)?.[0] ?? null;
    // A day that is not one is said next to its field and leaves the period open on that side.
    const errors: FieldErrors = {};
    const day = (name: 'du' | 'au') => {
      if (!values[name]) return null;
      const read = typedDay(values[name]);
      if (!read) errors[name] = 'Une date, comme 16/12/2026.';
      return read;
    };
    const from = day('du');
    let to = day('au');
    if (from && to && to < from) {
      errors.au = 'Le dernier jour vient après le premier.';
      to = null;
    }
    const rows = await auditEntries(db, { communeIds, communeId, action, from, to, person: values.personne ?? '', everything: user.role === 'admin' });
    if (Object.keys(errors).length > 0) c.status(400);
    return c.render(<AuditPage rows={rows} communes={communes} values={values} errors={errors} />, { title: 'Journal des actions' });
  });
  return router;
}
