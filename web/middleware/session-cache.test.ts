// Page reads trust a validated session for a few seconds; anything that changes something reads
// the database, and what it changed is read anew.
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';

const database = useTestDatabase();
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 200 }) });
let cached: ReturnType<typeof createTestApp> | undefined;
// One app for the file: its cache lives as long as it does.
const app = () => (cached ??= createTestApp({ db: database.db, temporal, sessionCacheSeconds: 60 }));
const page = (cookie: string) => app().request('/mon-compte', { headers: { Cookie: cookie } });

describe('the session cache', () => {
  it('lets page reads use the session for its time, but never a form', async () => {
    const parent = await createParent(database.db, 'cache@example.fr', { status: 'validated' });
    const cookie = await login(app(), parent.email);
    expect((await page(cookie)).status).toBe(200);
    // Ended by another process: this one's page reads still trust it (for 60 s here, 5 by default)…
    await database.db.deleteFrom('sessions').where('user_id', '=', parent.id).execute();
    expect((await page(cookie)).status).toBe(200);
    // …but a form reads the database, refuses it, and the session is forgotten for reads too.
    expect((await postForm(app(), '/deconnexion', {}, { Cookie: cookie })).headers.get('Set-Cookie')).toMatch(/^session=;/);
    expect((await page(cookie)).status).toBe(303);
  });

  it("forgets the family's sessions once it changed something, and every session once staff did", async () => {
    const parent = await createParent(database.db, 'change@example.fr', { status: 'validated' });
    const cookie = await login(app(), parent.email);
    expect((await page(cookie)).status).toBe(200);
    await database.db.deleteFrom('sessions').where('user_id', '=', parent.id).execute();
    const staff = await createStaff(database.db, 'agent-cache@example.fr', ['rosieres']);
    const staffCookie = await login(app(), staff.email);
    expect((await page(cookie)).status).toBe(200);
    await postForm(app(), '/deconnexion', {}, { Cookie: staffCookie });
    expect((await page(cookie)).status).toBe(303);
  });
});
