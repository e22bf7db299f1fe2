// Every place a password is verified (login, and the current password asked before changing the
// password or the e-mail address) goes through here: the attempt is counted per account and per
// client before argon2 runs, refused while either is locked, and taken back when it succeeds. An
// account locks after a few failures; a client address, often shared, only after many.
import type { Context } from 'hono';
import type { Db } from '../../db/connection.ts';
import { attemptSucceeded, beginAttempt, CLIENT_LOCKOUT, describeWait, LOGIN_LOCKOUT } from '../../db/queries/accounts/rate-limits.ts';
import { verifyPassword } from '../../lib/password-hash.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/env.ts';

// A hash to verify against when the address has no account, so both answers take as long.
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$p2D9Zs+viLCaMltKXI1aDA$ZLHfRFiEME0lG0rC5HE8YdFqoDEgvzlvrkFA4CF8clc';

/** `lockedForSeconds` > 0: refused unverified, with a Retry-After header set. */
export interface AttemptOutcome {
  ok: boolean;
  lockedForSeconds: number;
}

export interface AttemptDeps {
  db: Db;
  now: () => Date;
  trustedProxies: number;
}

/** `account` names what is guessed at (an address typed at login, or a signed-in user). */
export async function verifyPasswordAttempt(
  c: Context<AppEnv>,
  deps: AttemptDeps,
  attempt: { account: string; hash: string | null | undefined; password: string },
): Promise<AttemptOutcome> {
  const keys = { account: `password:${attempt.account}`, client: `password:client:${clientAddress(c, deps.trustedProxies)}` };
  const verdict = await beginAttempt(deps.db, [keys.account, keys.client], (key) => (key === keys.client ? CLIENT_LOCKOUT : LOGIN_LOCKOUT), deps.now());
  if (!verdict.allowed) {
    c.header('Retry-After', String(verdict.retryAfterSeconds));
    return { ok: false, lockedForSeconds: verdict.retryAfterSeconds };
  }
  const valid = attempt.password.length <= 1024 && (await verifyPassword(attempt.hash ?? DECOY_HASH, attempt.password));
  if (!valid || !attempt.hash) return { ok: false, lockedForSeconds: 0 };
  await attemptSucceeded(deps.db, keys, CLIENT_LOCKOUT);
  return { ok: true, lockedForSeconds: 0 };
}

/** The message beside the password field when the attempt was refused or wrong. */
export function attemptMessage(outcome: AttemptOutcome, wrong: string): string {
  return outcome.lockedForSeconds > 0 ? `Trop de tentatives. Réessayez dans ${describeWait(outcome.lockedForSeconds)}.` : wrong;
}
