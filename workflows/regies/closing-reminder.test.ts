// The evening reminder of the régies' days left open: scheduled once each evening in Paris, it
// mails each régie's régisseur and deputies through the outbox, once per régie, day and person.
import { describe, expect, it } from 'vitest';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { addDays, parisInstant, parisDate } from '../../domain/dates.ts';
import { createParent, createStaff } from '../../test/helpers/accounts.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTestSchedules } from '../../test/helpers/schedules.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { regieMails } from '../../activities/regies/mails.ts';
import { CLOSING_REMINDER_SCHEDULE_ID } from './closing-reminder.messages.ts';
import { closingReminder } from './closing-reminder.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: testNow } });
const schedules = useTestSchedules(temporal);

describe('the closing reminder', () => {
  it('is scheduled each evening at 19:00 in Paris, once however often the worker starts', async () => {
    const schedule = await schedules.ensuredTwice(CLOSING_REMINDER_SCHEDULE_ID);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'closingReminder' });
    expect(schedule.spec.timezone).toBe('Europe/Paris');
    expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 19, end: 19, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
  });

  it('mails the régisseur and the deputy of a régie with a day left open, once a day; nobody for a day closed', async () => {
    const db = database.db;
    const today = parisDate(testNow());
    const regisseur = await createStaff(db, 'regisseur-rappel@example.fr', ['rosieres']);
    const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
    const regie = await db.insertInto('regies').values({ name: 'Régie du rappel', methods: ['cash', 'wallet'] }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('regie_communes').values({ regie_id: regie.id, commune_id: rosieres.id }).execute();
    const deputy = await createStaff(db, 'suppleant-rappel@example.fr', ['rosieres']);
    const colleague = await createStaff(db, 'collegue-rappel@example.fr', ['rosieres']);
    await db.insertInto('regie_members').values([{ regie_id: regie.id, user_id: regisseur.id, role: 'regisseur' }, { regie_id: regie.id, user_id: deputy.id, role: 'suppleant' }]).execute();
    const parent = await createParent(db, 'famille-rappel@example.fr', { status: 'validated', commune: 'rosieres' });
    const open = addDays(today, -2);
    await moveMoney(db, { userId: parent.id, amountCents: 1500, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: 'rappel-1', at: parisInstant(open, 10), journal: { to: 'family', kind: 'top-up', method: 'cash', regieId: regie.id } });

    const run = (n: number) => temporal.client.workflow.execute(closingReminder, { taskQueue: temporal.taskQueue, workflowId: `closing-reminder-test-${n}-${temporal.taskQueue}` });
    expect(await run(1)).toMatchObject({ mails: 2 });
    await run(2);
    const mails = await db.selectFrom('outbox_mails').select(['recipient', 'subject', 'idempotency_key']).where('subject', '=', 'Journées à clôturer : Régie du rappel').orderBy('recipient').execute();
    expect(mails.map((mail) => mail.recipient)).toEqual([regisseur.email, deputy.email].sort());
    expect(mails.some((mail) => mail.recipient === colleague.email)).toBe(false);
    expect(mails.map((mail) => mail.idempotency_key).sort()).toEqual([`regie-${regie.id}/closing-reminder-${today}/${regisseur.id}`, `regie-${regie.id}/closing-reminder-${today}/${deputy.id}`].sort());
    const composed = regieMails.daysLeftOpen(null, 'Régie du rappel', [open], `http://localhost:3000/agent/regies/${regie.id}/cloture`);
    expect(composed.text).toContain(`/agent/regies/${regie.id}/cloture`);

    await db.insertInto('regie_closings').values({ regie_id: regie.id, day: open, totals: JSON.stringify({ cash: { journalCents: 1500, checkedCents: 1500 } }), closed_by: regisseur.id }).execute();
    const after = await run(3);
    expect(after.regies).toBe(0);
  });
});
