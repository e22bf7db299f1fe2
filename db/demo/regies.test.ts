// The demo's régies: the agents are their commune's régisseurs, two families paid at the
// counter, once however often the demo is loaded, and the books hold.
import { describe, expect, it } from 'vitest';
import { bookableSeasonDay } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { booksProblems } from '../queries/regies/index.ts';
import { loadDemoCatalogue, loadDemoHouseholds } from './load.ts';

const database = useTestDatabase();

describe("the demo's régies", () => {
  it('makes each agent the régisseur of their commune and records two counter payments, once', async () => {
    await loadDemoCatalogue(database.db, bookableSeasonDay());
    await loadDemoHouseholds(database.db);
    await loadDemoHouseholds(database.db);
    const members = await database.db.selectFrom('regie_members').innerJoin('users', 'users.id', 'regie_members.user_id').select(['users.email', 'regie_members.role']).orderBy('users.email').execute();
    expect(members).toContainEqual({ email: 'agent.rosieres@citoyens.localhost', role: 'regisseur' });
    expect(members).toHaveLength(5);
    const counter = await database.db.selectFrom('journal_entries').select(['method', 'amount_cents', 'document_number', 'kind']).where('recorded_by', 'is not', null).orderBy('id').execute();
    expect(counter).toEqual([
      { method: 'cheque', amount_cents: 3000, document_number: '0004512', kind: 'top-up' },
      { method: 'cash', amount_cents: 1500, document_number: null, kind: 'top-up' },
    ]);
    expect(await booksProblems(database.db)).toEqual([]);
  });
});
