import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { issueToken, peekToken } from '../accounts/one-time-tokens.ts';
import { createSession, validateSessionToken } from '../accounts/sessions.ts';
import { createParent } from '../../../test/helpers/accounts.ts';
import { createStaffAccount, UnknownCommuneError } from './staff.ts';
import { testNow } from '../../../test/helpers/clock.ts';

const database = useTestDatabase();

describe('createStaffAccount', () => {
  it('creates an agent of the named communes with a 72-hour invitation link', async () => {
    await loadDemoCatalogue(database.db, '2026-11-27');
    const now = new Date('2026-11-27T09:00:00Z');
    const result = await createStaffAccount(database.db, { email: 'agent@bains.fr', communes: ['bains', 'Allègre'], admin: false, now });
    expect(result.communes).toEqual(['Bains', 'Allègre']);
    const grant = await peekToken(database.db, ['invitation'], result.token, new Date(now.getTime() + 71 * 3600_000));
    expect(grant?.email).toBe('agent@bains.fr');
    expect(await peekToken(database.db, ['invitation'], result.token, new Date(now.getTime() + 73 * 3600_000))).toBeNull();
    const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'agent@bains.fr').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'staff', status: 'validated', password_hash: null });
  });

  it('turns an existing account into staff only through a new invitation: its password, sessions and links end', async () => {
    await loadDemoCatalogue(database.db, '2026-11-27');
    const now = new Date('2026-11-27T09:00:00Z');
    const parent = await createParent(database.db, 'futur.agent@example.fr');
    const { token: cookie } = await createSession(database.db, parent.id, now);
    const { token: oldLink } = await issueToken(database.db, { purpose: 'password-reset', email: parent.email, userId: parent.id, now });
    const result = await createStaffAccount(database.db, { email: 'Futur.Agent@example.fr', communes: ['bains'], admin: false, now });
    const user = await database.db.selectFrom('users').selectAll().where('id', '=', parent.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'staff', password_hash: null });
    expect(await validateSessionToken(database.db, cookie, now)).toBeNull();
    expect(await peekToken(database.db, ['password-reset'], oldLink, now)).toBeNull();
    expect((await peekToken(database.db, ['invitation'], result.token, now))?.userId).toBe(parent.id);
  });

  it('refuses an unknown commune and creates nothing', async () => {
    await expect(createStaffAccount(database.db, { email: 'x@y.fr', communes: ['atlantis'], admin: false, now: testNow() })).rejects.toThrow(UnknownCommuneError);
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'x@y.fr').executeTakeFirst()).toBeUndefined();
  });
});
