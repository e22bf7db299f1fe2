// Shared custody: the invitations that give a child its second guardian, and the billing rules both
// guardians agreed per child and product (`dependants.co_guardian_id` is in database.ts). Part of
// the `Database` interface of database.ts (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Timestamp } from './column-types.ts';

export type GuardianInvitationState = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';

export interface GuardianInvitationsTable {
  id: Generated<number>;
  dependant_id: number;
  invited_by: number;
  /** Lower case, as typed by the guardian who invites. */
  email: string;
  /** SHA-256 of the link's token (lib/tokens.ts); the token is in the mail only. */
  token_hash: string;
  state: ColumnType<GuardianInvitationState, GuardianInvitationState | undefined, GuardianInvitationState>;
  accepted_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

/** `each`: each pays what they book (the default, without a row); `split`: by percentage; `alternate`: weeks. */
export type CustodyRuleKind = 'each' | 'split' | 'alternate';
export type CustodyRuleState = 'pending' | 'agreed' | 'refused' | 'withdrawn' | 'replaced';

export interface CustodyRulesTable {
  id: Generated<number>;
  dependant_id: number;
  product_id: number;
  rule: CustodyRuleKind;
  /** Split: the first guardian's (`dependants.guardian_id`) share in whole percent. */
  first_share_percent: number | null;
  /** Alternate weeks: a Monday, and the guardian whose week starts then. */
  reference_monday: IsoDate | null;
  reference_guardian_id: number | null;
  state: ColumnType<CustodyRuleState, CustodyRuleState | undefined, CustodyRuleState>;
  proposed_by: number | null;
  proposed_at: Timestamp;
  agreed_by: number | null;
  agreed_at: Timestamp | null;
  ended_at: Timestamp | null;
}
