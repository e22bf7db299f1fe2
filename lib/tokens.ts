// Random secrets and their hashes, for sessions and single-use links. 160 bits of entropy,
// base32 (no padding, lower case) so they travel safely in cookies and URLs.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export function randomToken(bytes = 20): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Compares a secret with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const expected = new TextEncoder().encode(storedHash);
  const actual = new TextEncoder().encode(hashToken(token));
  return expected.length === actual.length && constantTimeEqual(expected, actual);
}

/** An e-ticket code: 10 characters, no look-alikes (0/O, 1/I), easy to read out at the door. */
export function ticketCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  // 256 is a multiple of 32: every character is equally likely.
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}
