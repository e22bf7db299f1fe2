// Each régie's own Paybox merchant account: a top-up's payment form is signed for the account of
// the régie that takes it (the family's) when that régie has one, for the configuration's
// otherwise.
import { describe, expect, it } from 'vitest';
import { createParent, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { payboxProvider } from '../../lib/payments/provider.ts';
import { signFields } from '../../lib/payments/paybox.ts';
import { familyRegie } from '../../db/queries/regies/index.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const configured = { site: '1999888', rang: '32', identifiant: '110647233', hmacKeyHex: '0A'.repeat(64), endpoint: 'https://preprod-tpeweb.example.test' };
const app = () => createTestApp({ db: database.db, temporal: temporal.client, payments: payboxProvider(configured, 'unused') });

async function topUpForm(email: string): Promise<{ fields: Map<string, string>; regieId: number; paymentRegie: number | null }> {
  const parent = await createParent(database.db, email, { status: 'validated' });
  const cookie = await login(app(), email);
  const page = await postForm(app(), '/mon-compte/porte-monnaie/recharger', { montant: '2500', carte: 'VISA' }, { Cookie: cookie });
  expect(page.status).toBe(200);
  const html = await page.text();
  const fields = new Map([...html.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!.replaceAll('&amp;', '&')]));
  const payment = await database.db.selectFrom('payments').select('regie_id').where('user_id', '=', parent.id).executeTakeFirstOrThrow();
  return { fields, regieId: await familyRegie(database.db, parent.id, 'card'), paymentRegie: payment.regie_id };
}

const signedWith = (fields: Map<string, string>, keyHex: string) => signFields([...fields].filter(([name]) => name !== 'PBX_HMAC'), keyHex) === fields.get('PBX_HMAC');

describe("a régie's own Paybox account", () => {
  it("signs the form for the configuration's account while the régie has none", async () => {
    const { fields, regieId, paymentRegie } = await topUpForm('sans-compte@example.fr');
    expect(paymentRegie).toBe(regieId);
    expect(fields.get('PBX_SITE')).toBe('1999888');
    expect(signedWith(fields, configured.hmacKeyHex)).toBe(true);
  });

  it("signs it for the régie's own account once it has one, and the payment names the régie", async () => {
    const parent = await createParent(database.db, 'avec-compte@example.fr', { status: 'validated' });
    const regieId = await familyRegie(database.db, parent.id, 'card');
    const own = { paybox_site: '7654321', paybox_rang: '01', paybox_identifiant: '123456789', paybox_hmac_key: 'B1'.repeat(64) };
    await database.db.updateTable('regies').set(own).where('id', '=', regieId).execute();
    const cookie = await login(app(), 'avec-compte@example.fr');
    const html = await (await postForm(app(), '/mon-compte/porte-monnaie/recharger', { montant: '2500', carte: 'VISA' }, { Cookie: cookie })).text();
    const fields = new Map([...html.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!.replaceAll('&amp;', '&')]));
    expect(fields.get('PBX_SITE')).toBe('7654321');
    expect(fields.get('PBX_RANG')).toBe('01');
    expect(fields.get('PBX_IDENTIFIANT')).toBe('123456789');
    expect(signedWith(fields, own.paybox_hmac_key)).toBe(true);
    expect(html).toContain('action="https://preprod-tpeweb.example.test/cgi/MYchoix_pagepaiement.cgi"');
    const payment = await database.db.selectFrom('payments').select('regie_id').where('user_id', '=', parent.id).executeTakeFirstOrThrow();
    expect(payment.regie_id).toBe(regieId);
    await database.db.updateTable('regies').set({ paybox_site: null, paybox_rang: null, paybox_identifiant: null, paybox_hmac_key: null }).where('id', '=', regieId).execute();
  });
});
