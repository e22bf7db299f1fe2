// The régies de recettes, their journal and its daily closings. Part of the `Database` interface
// of database.ts (the schema test reads both).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, IsoDate } from './column-types.ts';
import type { JournalKind, JournalSeries, RegieMethod, RegieRole } from '../domain/regies.ts';

export interface RegiesTable {
  id: Generated<number>;
  name: string;
  methods: ColumnType<RegieMethod[], RegieMethod[], RegieMethod[]>;
  paybox_site: string | null;
  paybox_rang: string | null;
  paybox_identifiant: string | null;
  paybox_hmac_key: string | null;
  /** The régie's Paybox Direct key (CLE), for refunds at the provider. */
  paybox_cle: string | null;
  payfip_numcli: string | null;
  payfip_saisie: ColumnType<'T' | 'X' | 'W', 'T' | 'X' | 'W' | undefined, 'T' | 'X' | 'W'>;
  pes_id_post: string | null;
  pes_id_coll: string | null;
  pes_cod_col: string | null;
  pes_cod_bud: string | null;
  created_at: CreatedAt;
}

export interface RegieCommunesTable {
  regie_id: number;
  commune_id: number;
}

export interface RegieMembersTable {
  regie_id: number;
  user_id: number;
  role: RegieRole;
}

export interface RegieCountersTable {
  regie_id: number;
  year: number;
  series: JournalSeries;
  last_number: number;
}

export interface JournalEntriesTable {
  id: Generated<number>;
  regie_id: number;
  year: number;
  series: JournalSeries;
  number: number;
  day: IsoDate;
  kind: JournalKind;
  method: RegieMethod;
  amount_cents: number;
  wallet_cents: ColumnType<number, number | undefined, never>;
  user_id: number | null;
  product_id: number | null;
  order_id: number | null;
  payment_id: number | null;
  wallet_entry_id: number | null;
  card_refund_id: number | null;
  provider_reference: string | null;
  document_number: string | null;
  label: string;
  idempotency_key: string;
  recorded_by: number | null;
  created_at: CreatedAt;
}

/** Per method: the journal's total, what the providers confirmed or the régisseur counted. */
export type ClosingTotals = Partial<Record<RegieMethod, { journalCents: number; checkedCents: number }>>;

export interface RegieClosingsTable {
  id: Generated<number>;
  regie_id: number;
  day: IsoDate;
  totals: ColumnType<ClosingTotals, string, never>;
  note: string | null;
  closed_by: number;
  closed_at: CreatedAt;
}
