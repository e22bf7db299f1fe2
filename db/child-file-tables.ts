// The child's file: fiche sanitaire (versioned), contacts (to call, may collect), authorisations per
// school year, departures recorded at the door, and the log of who changed what. Part of the
// `Database` interface of database.ts (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Timestamp } from './column-types.ts';

export interface ChildHealthRecordsTable {
  id: Generated<number>;
  dependant_id: number;
  /** Every save is a new row: the highest version is the file, the others its history. */
  version: number;
  allergies: string | null;
  diets: ColumnType<string[], string[] | undefined, string[]>;
  has_pai: ColumnType<boolean, boolean | undefined, boolean>;
  pai_document_id: number | null;
  treatments: string | null;
  dtp_last_on: IsoDate | null;
  vaccinations: string | null;
  doctor_name: string | null;
  doctor_phone: string | null;
  insurance_name: string | null;
  insurance_number: string | null;
  notes: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface ChildContactsTable {
  id: Generated<number>;
  dependant_id: number;
  first_name: string;
  last_name: string;
  phone: string;
  relationship: string;
  is_emergency: ColumnType<boolean, boolean | undefined, boolean>;
  may_collect: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
}

export type AuthorisationKind = 'photo-video' | 'home-alone' | 'transport' | 'emergency-care';

export interface ChildAuthorisationsTable {
  id: Generated<number>;
  dependant_id: number;
  /** « 2026-2027 ». */
  school_year: string;
  kind: AuthorisationKind;
  granted: boolean;
  /** Going home alone: the ISO weekdays it holds for. */
  weekdays: number[] | null;
  given_by: number | null;
  given_at: Timestamp;
}

export interface ChildDeparturesTable {
  id: Generated<number>;
  reservation_id: number;
  left_at: Timestamp;
  collected_by: 'contact' | 'guardian' | 'alone';
  contact_id: number | null;
  guardian_id: number | null;
  recorded_by: number;
  recorded_at: Timestamp;
}

export type ChildFileSection = 'identity' | 'health' | 'contacts' | 'authorisations' | 'guardians';

export interface ChildFileChangesTable {
  id: Generated<number>;
  dependant_id: number;
  section: ChildFileSection;
  summary: string;
  changed_by: number | null;
  changed_at: Timestamp;
}
