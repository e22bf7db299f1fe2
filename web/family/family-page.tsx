// A family's file as staff see it, and whether a family is one of the staff member's communes:
// the family's page and the decisions on its documents (web/documents/staff.tsx) both draw it.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { familyDocuments, isFamilyInScope } from '../../db/queries/family/families.ts';
import { listAddresses, listDependants } from '../../db/queries/family/family.ts';
import { guardiansOf } from '../../db/queries/guardians/index.ts';
import { familySubscriptions } from '../../db/queries/services/index.ts';
import { communeName, findUser, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { balance } from '../../db/queries/wallet/index.ts';
import { familyAttendance } from '../../db/queries/tickets/index.ts';
import { collectorsOf } from '../../db/queries/child-file/index.ts';
import { parisDate } from '../../domain/dates.ts';
import { describeAccountStatus } from '../accounts/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { FamilyPage } from './views/staff.tsx';
import type { ReviewForm } from '../documents/index.ts';

export function familyPages({ db, workflows, now, config }: Pick<AppDeps, 'db' | 'workflows' | 'now' | 'config'>) {
  async function familyPage(
    c: Context<AppEnv>,
    id: number,
    extra: { qfError?: string; qfValue?: string; message?: string | null; adjustment?: { values: Record<string, string>; errors: Record<string, string> }; review?: ReviewForm } = {},
  ) {
    const user = (await findUser(db, id))!;
    const commune = user.commune_id ? await communeName(db, user.commune_id) : null;
    const workflow = user.status === 'pending' ? await workflows.accountValidationState(id).catch(() => null) : null;
    // A PAI is health data: staff see it with the child's health, on the days the child is booked.
    const documents = (await familyDocuments(db, [id])).filter((document) => document.kind !== 'pai');
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
    const dependants = await listDependants(db, id);
    // Who may collect each child, never the fiche sanitaire: that is shown on the service day only.
    const collectors = await collectorsOf(db, dependants.map((d) => d.id));
    return c.render(
      <FamilyPage
        family={{ id, name, email: user.email, phone: user.phone, commune, quotientFamilial: user.quotient_familial }}
        {...extra}
        status={describeAccountStatus(user, workflow, 'staff')}
        dependants={dependants}
        collectors={collectors}
        guardians={await guardiansOf(db, dependants.map((d) => d.id))}
        documents={documents}
        subscriptions={await familySubscriptions(db, id)}
        addresses={await listAddresses(db, id)}
        walletCents={await balance(db, id)}
        adjustmentToken={randomUUID()}
        processesUrl={`${config.TEMPORAL_UI_ORIGIN}/namespaces/default/workflows?query=${encodeURIComponent(`AccountId = ${id}`)}`}
        attendance={await familyAttendance(db, id)}
        today={parisDate(now())}
      />,
      { title: `Famille ${name}` },
    );
  }

  /** 403 unless the family belongs to one of the staff member's communes. */
  const inScope = async (c: Context<AppEnv>, id: number) => {
    if (!(await isFamilyInScope(db, await staffCommuneIds(db, currentUser(c)), id))) throw new HTTPException(403);
  };

  return { familyPage, inScope };
}
