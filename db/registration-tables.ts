// The yearly registration (« dossier unique »): campaigns, their products, the families they
// concern and each child's confirmation. Part of the `Database` interface of database.ts (the
// schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Timestamp } from './column-types.ts';

/** What a family not complete meets when it books the campaign's products for its school year. */
export type WhenIncomplete = 'block' | 'top-tier';

export interface RegistrationCampaignsTable {
  id: Generated<number>;
  commune_id: number;
  /** « 2027-2028 ». */
  school_year: string;
  opens_on: IsoDate;
  closes_on: IsoDate;
  /** Document kinds (database.ts's `DocumentKind`, not imported: the schema imports this file). */
  required_documents: ColumnType<string[], string[] | undefined, string[]>;
  when_incomplete: WhenIncomplete;
  created_by: number | null;
  created_at: Timestamp;
  /** Set by « Ouvrir la campagne »: its rules apply from then on. */
  opened_at: Timestamp | null;
  opened_by: number | null;
}

export interface RegistrationCampaignProductsTable {
  campaign_id: number;
  product_id: number;
}

export interface RegistrationFamiliesTable {
  campaign_id: number;
  user_id: number;
  joined_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface RegistrationConfirmationsTable {
  campaign_id: number;
  dependant_id: number;
  confirmed_by: number | null;
  confirmed_at: Timestamp;
}
