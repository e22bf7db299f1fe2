// Paybox Direct's refund call: the request as public clients build it (field names, TYPE 00014,
// VERSION 00103, ten-digit NUMQUESTION and MONTANT, DATEQ in Paris), the answers read, the
// account chosen (a régie's own, the configuration's, the sandbox's), and the sandbox playing it.
import { describe, expect, it } from 'vitest';
import { buildRefundRequest, parseRefundAnswer, refundQuestion, askRefund, type PppsAccount } from './ppps.ts';
import { payboxRefunds, sandboxRefunds } from './card-refunds.ts';
import { SANDBOX_PPPS_CLE, SANDBOX_REFUSED_REFUND_CENTS, sandboxPpps } from './sandbox-ppps.ts';
import { createSandboxKeys } from './provider.ts';
import { testNow } from '../../test/helpers/clock.ts';

const account: PppsAccount = { site: '1999888', rang: '32', cle: '1999888I', endpoint: 'https://preprod-ppps.example.test/PPPS.php' };

describe('refund request', () => {
  it('names every field Paybox Direct asks, in order, amounts and question on ten digits, DATEQ in Paris', () => {
    const fields = buildRefundRequest(account, { question: refundQuestion(42, 1), amountCents: 640, reference: 'order-2026-000123-card-1-ab12', numAppel: '0012345678', numTrans: '0087654321', time: new Date('2026-11-27T10:05:09Z') });
    expect(fields).toEqual([
      ['VERSION', '00103'], ['TYPE', '00014'], ['SITE', '1999888'], ['RANG', '32'], ['CLE', '1999888I'], ['NUMQUESTION', '0000004201'], ['MONTANT', '0000000640'], ['DEVISE', '978'],
      ['REFERENCE', 'order-2026-000123-card-1-ab12'], ['NUMAPPEL', '0012345678'], ['NUMTRANS', '0087654321'], ['DATEQ', '27112026110509'],
    ]);
    // Summer time: two hours ahead of UTC.
    const summer = buildRefundRequest(account, { question: 1, amountCents: 1, reference: 'r', numAppel: '1', numTrans: '2', time: new Date('2027-07-02T21:30:00Z') });
    expect(Object.fromEntries(summer).DATEQ).toBe('02072027233000');
  });

  it('refuses an amount that is not a positive number of cents, and a payment without its numbers', () => {
    const base = { question: 1, reference: 'r', numAppel: '1', numTrans: '2', time: testNow() };
    expect(() => buildRefundRequest(account, { ...base, amountCents: 0 })).toThrow(RangeError);
    expect(() => buildRefundRequest(account, { ...base, amountCents: 1.5 })).toThrow(RangeError);
    expect(() => buildRefundRequest(account, { ...base, amountCents: 100, numTrans: '' })).toThrow(RangeError);
  });

  it('asks one question per try of a refund, the same for a retry of it, within what Paybox takes', () => {
    expect(refundQuestion(7, 1)).toBe(701);
    expect(refundQuestion(7, 2)).toBe(702);
    expect(refundQuestion(7, 1)).toBe(refundQuestion(7, 1));
    expect(refundQuestion(30_000_000, 5)).toBeLessThanOrEqual(2147483647);
    expect(() => refundQuestion(7, 100)).toThrow(RangeError);
    expect(() => refundQuestion(0, 1)).toThrow(RangeError);
  });
});

describe('refund answer', () => {
  it('reads a refund done with its transaction number', () => {
    expect(parseRefundAnswer('NUMTRANS=0001234567&NUMAPPEL=0007654321&NUMQUESTION=0000004201&SITE=1999888&RANG=32&AUTORISATION=XXXXXX&CODEREPONSE=00000&COMMENTAIRE=Demande%20trait%E9e%20avec%20succ%E8s'))
      .toMatchObject({ outcome: 'refunded', code: '00000', numTrans: '0001234567', numAppel: '0007654321' });
  });

  it('reads a refusal with its reason, an unavailable provider, and an answer it cannot read', () => {
    expect(parseRefundAnswer('CODEREPONSE=00021&COMMENTAIRE=Carte+non+autoris%C3%A9e')).toEqual({ outcome: 'refused', code: '00021', comment: 'Carte non autorisée' });
    expect(parseRefundAnswer('CODEREPONSE=00001&COMMENTAIRE=Connexion+impossible')).toMatchObject({ outcome: 'unavailable', code: '00001' });
    expect(parseRefundAnswer('CODEREPONSE=00097')).toMatchObject({ outcome: 'unavailable' });
    expect(parseRefundAnswer('<html>erreur</html>')).toMatchObject({ outcome: 'unavailable' });
  });
});

describe('account', () => {
  const regie = { paybox_site: '1234567', paybox_rang: '01', paybox_cle: 'CLE-REGIE' };

  it('refunds on the régie’s own account when it has one, the configuration’s otherwise, none without PPPS', () => {
    const refunds = payboxRefunds({ endpoint: account.endpoint, account: { site: '1999888', rang: '32', cle: 'CLE-CONF' } });
    expect(refunds.accountFor(regie)).toEqual({ site: '1234567', rang: '01', cle: 'CLE-REGIE', endpoint: account.endpoint });
    expect(refunds.accountFor({ ...regie, paybox_cle: null })).toEqual({ site: '1999888', rang: '32', cle: 'CLE-CONF', endpoint: account.endpoint });
    expect(refunds.accountFor(null)?.cle).toBe('CLE-CONF');
    expect(payboxRefunds({ endpoint: null, account: { site: '1999888', rang: '32', cle: 'CLE-CONF' } }).accountFor(regie)).toBeNull();
    expect(payboxRefunds({ endpoint: account.endpoint, account: null }).accountFor(null)).toBeNull();
  });

  it('keeps the sandbox on its own account whatever the régie says', () => {
    expect(sandboxRefunds('http://localhost:3000').accountFor(regie)).toEqual({ site: '1999888', rang: '32', cle: SANDBOX_PPPS_CLE, endpoint: 'http://localhost:3000/sandbox/paybox/PPPS.php' });
  });
});

describe('sandbox', () => {
  const keys = createSandboxKeys('http://localhost:3000');
  const ppps = sandboxPpps(keys);
  const sandbox = sandboxRefunds('http://localhost:3000', async (_url, body) => ppps.answer(body));
  const target = sandbox.accountFor(null)!;
  const refund = (question: number, amountCents: number) => sandbox.ask(target, { question, amountCents, reference: 'topup-1-aa', numAppel: '11', numTrans: '22', time: testNow() });

  it('refunds, answers a question asked again as the first time without refunding twice, and keeps what it refunded', async () => {
    const first = await refund(101, 640);
    expect(first).toMatchObject({ outcome: 'refunded', code: '00000' });
    expect(await refund(101, 640)).toEqual(first);
    expect(ppps.refunds).toEqual([{ question: '0000000101', reference: 'topup-1-aa', numAppel: '11', numTrans: '22', amountCents: 640, refundNumTrans: first.outcome === 'refunded' ? first.numTrans : '' }]);
  });

  it('refuses the test amount, and the next questions when a test asks it to', async () => {
    expect(await refund(102, SANDBOX_REFUSED_REFUND_CENTS)).toMatchObject({ outcome: 'refused', code: '00021' });
    ppps.refuseNext(1, '00004');
    expect(await refund(103, 500)).toMatchObject({ outcome: 'refused', code: '00004' });
    expect(await refund(104, 500)).toMatchObject({ outcome: 'refunded' });
    expect(ppps.refunds.map((r) => r.amountCents)).toEqual([640, 500]);
  });

  it('refuses another account’s key', async () => {
    expect(await askRefund(async (_url, body) => ppps.answer(body), { ...target, cle: 'autre' }, { question: 105, amountCents: 100, reference: 'r', numAppel: '1', numTrans: '2', time: testNow() }))
      .toMatchObject({ outcome: 'refused', code: '00006' });
  });
});
