// Bad input on every form of the route table: empty values, values a hundred times too long,
// wrong types, HTML and script, SQL-looking strings, invalid UTF-8 and unexpected extra fields.
// A form answers 4xx (never 500) with a French message, echoes nothing as live HTML, and leaves
// the database unchanged; buttons and provider calls never answer 500.
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../helpers/app.ts';
import { formsOf } from './forms.ts';
import { declaredRoutes, type DeclaredRoute } from './route-table.ts';
import { changedTables, snapshot } from './snapshot.ts';
import { allowedVisitor, useWorld, type Visitor } from './world.ts';

const { app, database, pathOf, headersOf } = useWorld();

const SCRIPT = '<script>alert("pirate")</script><img src=x onerror=alert(1)>';
const encode = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const EXTRA: [string, string][] = [['role', 'admin'], ['user_id', '1'], ['status', 'validated'], ['__proto__', 'x'], ['constructor', 'x']];

/** The bodies to post, each named; raw urlencoded text so that invalid UTF-8 can be sent. */
function badBodies(fields: string[]): [string, string][] {
  const every = (value: string) => fields.map((f) => [f, value] as [string, string]);
  return [
    ['empty values', encode(every(''))],
    ['values 100 times too long', encode(every('x'.repeat(20_000)))],
    ['wrong types', encode(fields.flatMap((f) => [[f, 'abc'], [f, '-1.5e308']] as [string, string][]))],
    ['HTML and script', encode(every(SCRIPT))],
    ['SQL-looking strings', encode(every("' OR 1=1; DROP TABLE users; --"))],
    ['invalid UTF-8', fields.map((f) => `${encodeURIComponent(f)}=%FF%FE%C3%28`).join('&')],
    ['unexpected extra fields', encode([...every(''), ...EXTRA])],
  ];
}

function post(path: string, visitor: Visitor, body: string) {
  return app().request(path, { method: 'POST', body, headers: { ...headersOf(visitor), Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** The fields of the route's form, read from the page that shows it. */
async function fieldsOf(route: DeclaredRoute, visitor: Visitor): Promise<string[]> {
  const input = route.access.input;
  if (!input || typeof input === 'string') return [];
  if ('fields' in input) return input.fields;
  const page = routes.find((r) => r.key === input.form);
  if (!page) throw new Error(`${route.key}: no page ${input.form}`);
  const html = await (await app().request(pathOf(page), { headers: headersOf(visitor) })).text();
  // Several forms may post to one route (approve, ask for documents, reject): all their fields.
  const forms = formsOf(html).filter((f) => f.action.split(/[?#]/)[0] === pathOf(route));
  if (forms.length === 0) throw new Error(`${route.key}: no form posting to ${pathOf(route)} on ${input.form}`);
  return [...new Set(forms.flatMap((f) => f.fields))];
}

/** The message's marks: next to a field, in the form's summary, in a step's warning, or a page
 * that says the (mailed) link is no longer valid. */
const messageMarks = /class="field__error"|class="error-summary"|class="notice notice--warning"|class="error-page"|<h1>Ce lien n&#39;est plus valable<\/h1>/;
const isFrenchMessage = (type: string, text: string) =>
  type.includes('text/html') ? /<html lang="fr"/.test(text) && messageMarks.test(text) : /^[A-ZÀ-Ÿ][^<>]* [a-zà-ÿ]+/.test(text);

let routes: DeclaredRoute[] = [];

describe('bad input', () => {
  it('every form answers 4xx with a French message, echoes no live HTML and changes nothing', async () => {
    routes = declaredRoutes(app());
    const forms = routes.filter((r) => r.method === 'POST' && r.access.input && typeof r.access.input !== 'string');
    expect(forms.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of forms) {
      const visitor = allowedVisitor(route.access);
      const fields = await fieldsOf(route, visitor);
      // A form whose every field may be left empty (clearing a value) accepts the empty post.
      const optional = typeof route.access.input === 'object' && 'optional' in route.access.input;
      for (const [kind, body] of badBodies(fields).filter(([k]) => !optional || (k !== 'empty values' && k !== 'unexpected extra fields'))) {
        const before = await snapshot(database.db);
        const response = await post(pathOf(route), visitor, body);
        const text = await response.text();
        const type = response.headers.get('content-type') ?? '';
        const changed = changedTables(before, await snapshot(database.db));
        if (response.status < 400 || response.status >= 500) wrong.push(`${route.key}, ${kind}: ${response.status}`);
        else if (!isFrenchMessage(type, text)) wrong.push(`${route.key}, ${kind}: no French message (${response.status} ${type})`);
        if (text.includes('<script>alert("pirate")')) wrong.push(`${route.key}, ${kind}: echoes the script`);
        if (changed.length > 0) wrong.push(`${route.key}, ${kind}: changed ${changed.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('buttons, live checks and provider calls never answer 500 to garbage', async () => {
    routes = declaredRoutes(app());
    // Buttons act on A's objects: they go last, signing out last of all.
    const others = routes
      .filter((r) => r.method === 'POST' && typeof r.access.input === 'string')
      .sort((a, b) => Number(a.access.input === 'button') - Number(b.access.input === 'button') || Number(a.key.includes('deconnexion')) - Number(b.key.includes('deconnexion')));
    const wrong: string[] = [];
    for (const route of others) {
      const visitor = allowedVisitor(route.access);
      for (const [kind, body] of badBodies(['x']).filter(([k]) => k === 'invalid UTF-8' || k === 'unexpected extra fields' || k === 'HTML and script')) {
        const before = await snapshot(database.db);
        const response = await post(pathOf(route), visitor, body);
        const text = await response.text();
        if (response.status >= 500) wrong.push(`${route.key}, ${kind}: ${response.status}`);
        if (text.includes('<script>alert("pirate")')) wrong.push(`${route.key}, ${kind}: echoes the script`);
        if (route.access.input !== 'button' && changedTables(before, await snapshot(database.db)).length > 0) wrong.push(`${route.key}, ${kind}: changed the database`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
