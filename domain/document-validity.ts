// How long a supporting document is valid, by type, as staff are offered it when they accept
// one (they may set another day): an attestation CAF for the calendar year it is dated in, a
// proof of address and an insurance certificate for a year, a livret de famille for good.
import type { IsoDate } from './dates.ts';

export function suggestedExpiry(kind: string, acceptedOn: IsoDate): IsoDate | null {
  const [year, month, day] = acceptedOn.split('-').map(Number) as [number, number, number];
  switch (kind) {
    case 'attestation-caf':
      return `${year}-12-31`;
    case 'justificatif-domicile':
    case 'attestation-assurance':
      // The day before the same day a year later (29 February: 28 February).
      return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
    default:
      return null;
  }
}

/** The parent is told this many days before a document expires. */
export const EXPIRY_NOTICE_DAYS = 30;
