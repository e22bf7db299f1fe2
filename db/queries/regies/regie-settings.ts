// The régies as administrators set them: name, communes, régisseur and deputies, the methods the
// founding act allows, the providers' settings and the PES codes; and which products each holds.
// The Paybox HMAC key is written here and read only by the payment code: no page gets it back.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { RegieMethod } from '../../../domain/regies.ts';
import { recordAudit } from '../staff/index.ts';
import { inTransaction } from './journal.ts';

export interface RegieSummary {
  id: number;
  name: string;
  methods: RegieMethod[];
  communes: string[];
  members: { name: string; role: 'regisseur' | 'suppleant' }[];
}

export interface RegieSettings {
  name: string;
  methods: RegieMethod[];
  communeIds: number[];
  regisseurId: number | null;
  deputyIds: number[];
  payboxSite: string | null;
  payboxRang: string | null;
  payboxIdentifiant: string | null;
  payfipNumcli: string | null;
  payfipSaisie: 'T' | 'X' | 'W';
  pesIdPost: string | null;
  pesIdColl: string | null;
  pesCodCol: string | null;
  pesCodBud: string | null;
}

export interface RegieDetail extends RegieSettings {
  id: number;
  /** Whether a key is stored: the key itself never leaves the database for a page. */
  hasHmacKey: boolean;
  /** Paybox Direct's key (CLE), with which card refunds are asked: write-only too. */
  hasDirectKey: boolean;
}

const personName = sql<string>`coalesce(nullif(concat_ws(' ', users.first_name, users.last_name), ''), users.email)`;

/** The régies covering one of the communes (all of them for `null`: an administrator). */
export async function regieSummaries(db: Db, communeIds: number[] | null): Promise<RegieSummary[]> {
  if (communeIds !== null && communeIds.length === 0) return [];
  const regies = await db
    .selectFrom('regies')
    .select(['id', 'name', 'methods'])
    .$if(communeIds !== null, (q) => q.where((eb) => eb.exists(eb.selectFrom('regie_communes').select('regie_id').whereRef('regie_communes.regie_id', '=', 'regies.id').where('regie_communes.commune_id', 'in', communeIds!))))
    .orderBy('name')
    .execute();
  if (regies.length === 0) return [];
  const ids = regies.map((r) => r.id);
  const communes = await db.selectFrom('regie_communes').innerJoin('communes', 'communes.id', 'regie_communes.commune_id').select(['regie_id', 'communes.name']).where('regie_id', 'in', ids).orderBy('communes.name').execute();
  const members = await db
    .selectFrom('regie_members')
    .innerJoin('users', 'users.id', 'regie_members.user_id')
    .select(['regie_id', 'regie_members.role', personName.as('name')])
    .where('regie_id', 'in', ids)
    .orderBy('role')
    .orderBy('users.last_name')
    .execute();
  return regies.map((regie) => ({
    ...regie,
    communes: communes.filter((c) => c.regie_id === regie.id).map((c) => c.name),
    members: members.filter((m) => m.regie_id === regie.id).map((m) => ({ name: m.name, role: m.role })),
  }));
}

/** Whether the user may see the régie: an administrator, or staff of one of its communes. */
export async function regieVisibleTo(db: Db, regieId: number, user: { id: number; role: string }): Promise<'visible' | 'forbidden' | 'missing'> {
  const regie = await db.selectFrom('regies').select('id').where('id', '=', regieId).executeTakeFirst();
  if (!regie) return 'missing';
  if (user.role === 'admin') return 'visible';
  const shared = await db
    .selectFrom('regie_communes')
    .innerJoin('staff_communes', 'staff_communes.commune_id', 'regie_communes.commune_id')
    .select('regie_communes.regie_id')
    .where('regie_communes.regie_id', '=', regieId)
    .where('staff_communes.user_id', '=', user.id)
    .executeTakeFirst();
  return shared ? 'visible' : 'forbidden';
}

export async function regieDetail(db: Db, regieId: number): Promise<RegieDetail | null> {
  const row = await db.selectFrom('regies').selectAll().where('id', '=', regieId).executeTakeFirst();
  if (!row) return null;
  const communes = await db.selectFrom('regie_communes').select('commune_id').where('regie_id', '=', regieId).orderBy('commune_id').execute();
  const members = await db.selectFrom('regie_members').select(['user_id', 'role']).where('regie_id', '=', regieId).orderBy('user_id').execute();
  return {
    id: row.id,
    name: row.name,
    methods: row.methods,
    communeIds: communes.map((c) => c.commune_id),
    regisseurId: members.find((m) => m.role === 'regisseur')?.user_id ?? null,
    deputyIds: members.filter((m) => m.role === 'suppleant').map((m) => m.user_id),
    payboxSite: row.paybox_site,
    payboxRang: row.paybox_rang,
    payboxIdentifiant: row.paybox_identifiant,
    hasHmacKey: row.paybox_hmac_key !== null,
    hasDirectKey: row.paybox_cle !== null,
    payfipNumcli: row.payfip_numcli,
    payfipSaisie: row.payfip_saisie,
    pesIdPost: row.pes_id_post,
    pesIdColl: row.pes_id_coll,
    pesCodCol: row.pes_cod_col,
    pesCodBud: row.pes_cod_bud,
  };
}

/** Staff who may sit in a régie: staff accounts not disabled, with the communes they serve. */
export async function regieStaffCandidates(db: Db): Promise<{ id: number; name: string; communeIds: number[] }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('staff_communes', 'staff_communes.user_id', 'users.id')
    .select(['users.id', personName.as('name'), 'staff_communes.commune_id'])
    .where('users.role', '=', 'staff')
    // A disabled account answers for no till.
    .where('users.status', '!=', 'suspended')
    .orderBy('users.last_name')
    .orderBy('users.email')
    .execute();
  const byId = new Map<number, { id: number; name: string; communeIds: number[] }>();
  for (const row of rows) {
    const known = byId.get(row.id) ?? { id: row.id, name: row.name, communeIds: [] };
    known.communeIds.push(row.commune_id);
    byId.set(row.id, known);
  }
  return [...byId.values()];
}

/** The communes a régie may cover, by name. */
export function allCommunes(db: Db) {
  return db.selectFrom('communes').select(['id', 'name']).orderBy('name').execute();
}

export type SaveRegieRefusal = 'name-taken' | { communeWithProducts: string };

/**
 * Creates (`regieId` null) or changes a régie, audited. `hmacKey` (and `directKey`) null keeps the stored key. A
 * commune is taken off only when the régie holds none of its products: every product's régie
 * covers its commune.
 */
export async function saveRegie(db: Db, input: { regieId: number | null; settings: RegieSettings; hmacKey: string | null; directKey?: string | null; adminId: number }): Promise<{ id: number } | SaveRegieRefusal> {
  const s = input.settings;
  const columns = {
    name: s.name, methods: s.methods, paybox_site: s.payboxSite, paybox_rang: s.payboxRang, paybox_identifiant: s.payboxIdentifiant,
    payfip_numcli: s.payfipNumcli, payfip_saisie: s.payfipSaisie, pes_id_post: s.pesIdPost, pes_id_coll: s.pesIdColl, pes_cod_col: s.pesCodCol, pes_cod_bud: s.pesCodBud,
    ...(input.hmacKey !== null ? { paybox_hmac_key: input.hmacKey } : {}),
    ...(input.directKey ? { paybox_cle: input.directKey } : {}),
  };
  try {
    return await inTransaction(db, async (trx) => {
      let id: number;
      if (input.regieId === null) {
        id = (await trx.insertInto('regies').values(columns).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        id = input.regieId;
        await trx.updateTable('regies').set(columns).where('id', '=', id).executeTakeFirstOrThrow();
        const stranded = await trx
          .selectFrom('products')
          .innerJoin('communes', 'communes.id', 'products.commune_id')
          .select('communes.name')
          .where('products.regie_id', '=', id)
          .where('products.commune_id', 'not in', s.communeIds)
          .executeTakeFirst();
        if (stranded) throw new Refused({ communeWithProducts: stranded.name });
        await trx.deleteFrom('regie_communes').where('regie_id', '=', id).execute();
        await trx.deleteFrom('regie_members').where('regie_id', '=', id).execute();
      }
      await trx.insertInto('regie_communes').values(s.communeIds.map((communeId) => ({ regie_id: id, commune_id: communeId }))).execute();
      const members = [
        ...(s.regisseurId !== null ? [{ regie_id: id, user_id: s.regisseurId, role: 'regisseur' as const }] : []),
        ...s.deputyIds.filter((userId) => userId !== s.regisseurId).map((userId) => ({ regie_id: id, user_id: userId, role: 'suppleant' as const })),
      ];
      if (members.length > 0) await trx.insertInto('regie_members').values(members).execute();
      // The key itself is never written to the audit log: only that it was replaced.
      await recordAudit(trx, { actorId: input.adminId, action: input.regieId === null ? 'regie.created' : 'regie.updated', subject: { type: 'regie', id }, details: { ...s, hmacKeyReplaced: input.hmacKey !== null, directKeyReplaced: Boolean(input.directKey) } });
      return { id };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if ((error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'regies_name_key') return 'name-taken';
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly refusal: SaveRegieRefusal) {
    super('refused');
  }
}

/** The régie's products, with their commune. */
export function regieProducts(db: Db, regieId: number) {
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'communes.name as commune'])
    .where('products.regie_id', '=', regieId)
    .orderBy('communes.name')
    .orderBy('products.name')
    .execute();
}

/** Products of the staff's communes the régie covers that belong to another régie: those it may take. */
export function productsToAttach(db: Db, regieId: number, staffCommuneIds: number[]) {
  if (staffCommuneIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('regies', 'regies.id', 'products.regie_id')
    .innerJoin('regie_communes', (join) => join.onRef('regie_communes.commune_id', '=', 'products.commune_id').on('regie_communes.regie_id', '=', regieId))
    .select(['products.id', 'products.name', 'communes.name as commune', 'regies.name as regie'])
    .where('products.regie_id', '!=', regieId)
    .where('products.commune_id', 'in', staffCommuneIds)
    .orderBy('products.name')
    .execute();
}

/** Moves a product's future money to the régie, audited; false when it may not (not among `productsToAttach`). */
export async function attachProduct(db: Db, input: { regieId: number; productId: number; staffId: number; staffCommuneIds: number[] }): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const allowed = (await productsToAttach(trx, input.regieId, input.staffCommuneIds)).find((p) => p.id === input.productId);
    if (!allowed) return false;
    const before = await trx.selectFrom('products').select('regie_id').where('id', '=', input.productId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('products').set({ regie_id: input.regieId }).where('id', '=', input.productId).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'product.regie', subject: { type: 'product', id: input.productId }, details: { before: before.regie_id, after: input.regieId, regie: (await trx.selectFrom('regies').select('name').where('id', '=', input.regieId).executeTakeFirstOrThrow()).name } });
    return true;
  });
}
