// The child's file page: what the family keeps of the child, and the last changes with who made
// each, so that a second guardian sees what the other changed.
import { Hono } from 'hono';
import { authorisationsFor } from '../../db/queries/child-file/authorisations.ts';
import { recentChanges } from '../../db/queries/child-file/changes.ts';
import { listContacts } from '../../db/queries/child-file/contacts.ts';
import { currentHealthRecord } from '../../db/queries/child-file/health.ts';
import { parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, ID } from '../forms/form-route.ts';
import { childName, childOf, yearsToAuthorise } from './child.ts';
import { healthFlashes } from './health.tsx';
import { ChildFilePage } from './views/file-page.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const filePageAccess = {
  'GET /mon-compte/enfants/:id': { who: 'parent', object: 'dependant' },
} satisfies AccessTable;

const flashes = {
  ...healthFlashes,
  autorisations: 'Les autorisations sont enregistrées.',
  'autorisations-inchangees': "Les autorisations n'ont pas changé : rien n'a été enregistré.",
};

export function filePageRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  router.get(`/mon-compte/enfants/:id${ID}`, async (c) => {
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const today = parisDate(now());
    const [health, contacts, changes, years] = await Promise.all([
      currentHealthRecord(db, child.id),
      listContacts(db, child.id),
      recentChanges(db, child.id),
      yearsToAuthorise(deps, c, today).then((list) => Promise.all(list.map(async (year) => ({ year, given: await authorisationsFor(db, child.id, year) })))),
    ]);
    return c.render(<ChildFilePage child={child} health={health} contacts={contacts} years={years} changes={changes} today={today} message={flash(c, flashes)} />, {
      title: `Fiche de ${childName(child)}`,
    });
  });

  return router;
}
