// The tables of the online requests (démarches en ligne): the communes' forms, the families'
// requests and the messages written on each. Part of the `Database` interface of database.ts
// (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.ts';

export interface RequestFormsTable {
  id: Generated<number>;
  commune_id: number;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  /** The fields in order (domain/request-forms.ts), checked when read. */
  fields: ColumnType<unknown, string, string>;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number;
  created_at: CreatedAt;
}

export type OnlineRequestStatus = 'waiting-staff' | 'documents-requested' | 'approved' | 'refused';

export interface OnlineRequestsTable {
  id: Generated<number>;
  form_id: number;
  user_id: number;
  status: ColumnType<OnlineRequestStatus, OnlineRequestStatus | undefined, OnlineRequestStatus>;
  /** Field key → the typed answer, or the id of the document a file field received. */
  answers: ColumnType<Record<string, string>, string, string>;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export interface RequestMessagesTable {
  id: Generated<number>;
  request_id: number;
  author_id: number;
  from_staff: boolean;
  body: string;
  document_id: number | null;
  created_at: CreatedAt;
}
