// The authorisation matrix: every route of the app's route table, asked by six visitors
// (anonymous, two parents, staff of another commune, staff of the commune, admin), answers what
// the route's declared access says; a parent never reaches another family's object by its ID,
// staff of another commune are refused its families; and a refused request changes nothing in the database.
import { describe, expect, it } from 'vitest';
import { publicObjects, type Access } from '../../web/http/access.ts';
import { TEST_ORIGIN } from '../helpers/app.ts';
import { declaredRoutes, type DeclaredRoute } from './route-table.ts';
import { changedTables, snapshot } from './snapshot.ts';
import { useWorld, visitors, type Visitor } from './world.ts';

const world = useWorld();
const { app, database, pathOf, headersOf } = world;

type Answer = 'allowed' | 'login' | 'forbidden' | 'not-found';

/** What the declaration promises to this visitor. */
function expected(access: Access, visitor: Visitor): Answer {
  if (access.who === 'anyone') return 'allowed';
  if (visitor === 'anonymous') return 'login';
  if (access.who === 'signed-in') return 'allowed';
  const isParent = visitor === 'parentA' || visitor === 'parentB';
  if (access.who === 'parent') {
    if (!isParent) return 'forbidden';
    return visitor === 'parentB' && access.object && !(publicObjects as readonly string[]).includes(access.object) ? 'not-found' : 'allowed';
  }
  if (isParent) return 'forbidden';
  if (access.who === 'admin') return visitor === 'admin' ? 'allowed' : 'forbidden';
  return visitor === 'otherStaff' && access.object ? 'forbidden' : 'allowed';
}

function answerOf(response: Response): Answer | `other ${number}` {
  const location = response.headers.get('location') ?? '';
  if (response.status === 303 && location.startsWith('/connexion')) return 'login';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not-found';
  if (response.status < 500 && response.status !== 401) return 'allowed';
  return `other ${response.status}`;
}

function request(route: DeclaredRoute, visitor: Visitor): Promise<Response> {
  const path = pathOf(route);
  const headers = headersOf(visitor);
  if (route.method === 'GET') return Promise.resolve(app().request(path, { headers }));
  return Promise.resolve(app().request(path, { method: 'POST', headers: { ...headers, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' }));
}

describe('authorisation matrix', () => {
  it('declares the access of every route of the route table, and of none that is gone', () => {
    expect(declaredRoutes(app()).length).toBeGreaterThan(60);
  });

  it('refuses every visitor the declaration excludes, and changes nothing when it refuses', async () => {
    const before = await snapshot(database.db);
    const wrong: string[] = [];
    for (const route of declaredRoutes(app())) {
      for (const visitor of visitors) {
        const want = expected(route.access, visitor);
        if (want === 'allowed') continue;
        const got = answerOf(await request(route, visitor));
        if (got !== want) wrong.push(`${route.key} as ${visitor}: ${got}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await snapshot(database.db))).toEqual([]);
  });

  it('lets every visitor the declaration names open its pages', async () => {
    const wrong: string[] = [];
    for (const route of declaredRoutes(app()).filter((r) => r.method === 'GET')) {
      for (const visitor of visitors) {
        if (expected(route.access, visitor) !== 'allowed') continue;
        const got = answerOf(await request(route, visitor));
        if (got !== 'allowed') wrong.push(`${route.key} as ${visitor}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps a commune's object closed when another commune's object names it (an answer, a query string)", async () => {
    const db = database.db;
    const yssingeaux = await db.selectFrom('communes').select('id').where('slug', '=', 'yssingeaux').executeTakeFirstOrThrow();
    const agent = await db.selectFrom('users').select('id').where('email', '=', 'agent-yssingeaux@example.fr').executeTakeFirstOrThrow();
    const familyB = await db.selectFrom('users').select('id').where('email', '=', 'famille-b@example.fr').executeTakeFirstOrThrow();
    const form = await db
      .insertInto('request_forms')
      .values({ commune_id: yssingeaux.id, title: 'Piège', fields: JSON.stringify([{ key: 'champ_1', label: 'Précisions', kind: 'text', required: true }]), published: true, created_by: agent.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Family A's document (Rosières), its number typed as a text answer to a Yssingeaux form.
    const document = world.world.objects.document as number;
    const request = await db.insertInto('online_requests').values({ form_id: form.id, user_id: familyB.id, answers: JSON.stringify({ champ_1: String(document) }) }).returning('id').executeTakeFirstOrThrow();
    const asOther = headersOf('otherStaff');
    for (const path of [`/agent/demarches/pieces/${document}`, `/agent/documents/${document}`, `/agent/demarches/pieces/${document}?demande=${request.id}`, `/agent/familles/${world.world.parentA.id}?demande=${request.id}`]) {
      expect((await app().request(path, { headers: asOther })).status, path).toBe(403);
    }
    const page = await app().request(`/agent/demarches/${request.id}`, { headers: asOther });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(`/agent/demarches/pieces/${document}`);
  });
});
