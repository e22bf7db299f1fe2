// A régie's own Paybox merchant account, when its settings are complete: the payments it takes are
// signed with its key and refunded on its account; otherwise the configuration's account serves.
import type { Db } from '../../connection.ts';
import type { PayboxAccount } from '../../../lib/payments/paybox.ts';

export async function regiePayboxAccount(db: Db, regieId: number | null): Promise<PayboxAccount | null> {
  if (regieId === null) return null;
  const regie = await db.selectFrom('regies').select(['paybox_site', 'paybox_rang', 'paybox_identifiant', 'paybox_hmac_key']).where('id', '=', regieId).executeTakeFirst();
  if (!regie?.paybox_site || !regie.paybox_rang || !regie.paybox_identifiant || !regie.paybox_hmac_key) return null;
  return { site: regie.paybox_site, rang: regie.paybox_rang, identifiant: regie.paybox_identifiant, hmacKeyHex: regie.paybox_hmac_key };
}
