// The Paybox protocol against vectors computed independently with the openssl command line.
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPaymentForm, interpretErrorCode, PBX_RETOUR, signFields, verifyNotification, type PayboxMerchant } from './paybox.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { createSandboxKeys, payboxProvider, sandboxProvider } from './provider.ts';

const merchant: PayboxMerchant = {
  site: '1999888',
  rang: '32',
  identifiant: '110647233',
  hmacKeyHex: '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
  endpoint: 'https://preprod-tpeweb.example.test/',
};

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { input, encoding: 'utf8' });

describe('payment form', () => {
  const form = buildPaymentForm(merchant, {
    totalCents: 1160,
    reference: 'order-2026-000123-card-1',
    email: 'claire.pardon@example.fr',
    cardType: 'VISA',
    urls: { done: 'https://c.fr/ok', refused: 'https://c.fr/refus', cancelled: 'https://c.fr/annule', waiting: 'https://c.fr/attente', notify: 'https://c.fr/paybox/notification' },
    time: new Date('2026-11-27T10:00:00Z'),
  });

  it('posts the required fields in order, the signature variable last in PBX_RETOUR', () => {
    expect(form.action).toBe('https://preprod-tpeweb.example.test/cgi/MYchoix_pagepaiement.cgi');
    expect(form.fields.map(([name]) => name)).toEqual([
      'PBX_SITE', 'PBX_RANG', 'PBX_IDENTIFIANT', 'PBX_TOTAL', 'PBX_DEVISE', 'PBX_CMD', 'PBX_PORTEUR', 'PBX_RETOUR', 'PBX_EFFECTUE', 'PBX_REFUSE',
      'PBX_ANNULE', 'PBX_ATTENTE', 'PBX_REPONDRE_A', 'PBX_TYPEPAIEMENT', 'PBX_TYPECARTE', 'PBX_HASH', 'PBX_TIME', 'PBX_HMAC',
    ]);
    const fields = Object.fromEntries(form.fields);
    expect(fields).toMatchObject({ PBX_TOTAL: '1160', PBX_DEVISE: '978', PBX_TYPECARTE: 'VISA', PBX_HASH: 'SHA512', PBX_TIME: '2026-11-27T10:00:00.000Z' });
    expect(fields.PBX_RETOUR).toMatch(/;sign:K$/);
  });

  it('signs with HMAC-SHA512 under the binary key, in upper-case hex, as openssl computes it', () => {
    const signed = form.fields.slice(0, -1).map(([name, value]) => `${name}=${value}`).join('&');
    const expected = /= ([0-9a-f]+)/.exec(openssl(['dgst', '-sha512', '-mac', 'HMAC', '-macopt', `hexkey:${merchant.hmacKeyHex}`], signed))![1]!.toUpperCase();
    expect(form.fields.at(-1)).toEqual(['PBX_HMAC', expected]);
    expect(signFields([['PBX_SITE', '1999888']], '00')).toMatch(/^[0-9A-F]{128}$/);
  });

  it("is signed for the régie's own account when it has one, on the configuration's host; the sandbox keeps its own keys", () => {
    const request = { totalCents: 500, reference: 'topup-1-ab', email: 'x@y.z', cardType: 'CB' as const, urls: { done: 'a', refused: 'b', cancelled: 'c', waiting: 'd', notify: 'e' }, time: testNow() };
    const regie = { site: '1234567', rang: '01', identifiant: '987654321', hmacKeyHex: 'AB'.repeat(64) };
    const own = payboxProvider(merchant, 'unused').paymentForm(request, regie);
    expect(own.action).toBe('https://preprod-tpeweb.example.test/cgi/MYchoix_pagepaiement.cgi');
    expect(Object.fromEntries(own.fields)).toMatchObject({ PBX_SITE: '1234567', PBX_RANG: '01', PBX_IDENTIFIANT: '987654321' });
    expect(own.fields.at(-1)).toEqual(['PBX_HMAC', signFields(own.fields.slice(0, -1), regie.hmacKeyHex)]);
    expect(Object.fromEntries(payboxProvider(merchant, 'unused').paymentForm(request, null).fields).PBX_SITE).toBe('1999888');
    const keys = createSandboxKeys('http://localhost:3000');
    const sandbox = sandboxProvider(keys).paymentForm(request, regie);
    expect(sandbox.fields.at(-1)).toEqual(['PBX_HMAC', signFields(sandbox.fields.slice(0, -1), keys.merchant.hmacKeyHex)]);
  });

  it('refuses an amount that is not a positive number of cents', () => {
    expect(() => buildPaymentForm(merchant, { ...{ totalCents: 0 }, reference: 'x', email: 'x@y.z', cardType: 'CB', urls: { done: '', refused: '', cancelled: '', waiting: '', notify: '' }, time: testNow() })).toThrow(RangeError);
  });
});

describe('notification', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paybox-'));
  const privateKey = path.join(dir, 'key.pem');
  openssl(['genrsa', '-out', privateKey, '1024']);
  const publicKey = openssl(['rsa', '-in', privateKey, '-pubout']);

  function signedQuery(variables: string): string {
    writeFileSync(path.join(dir, 'data'), variables);
    const signature = execFileSync('openssl', ['dgst', '-sha1', '-sign', privateKey, path.join(dir, 'data')]).toString('base64');
    return `${variables}&sign=${encodeURIComponent(signature)}`;
  }

  it('is trusted when the RSA-SHA1 signature verifies, and says what happened', () => {
    const query = signedQuery('montant=1160&ref=order-2026-000123-card-1&auto=XXXXXX&trans=12345678&erreur=00000');
    expect(verifyNotification(query, publicKey)).toEqual({
      amountCents: 1160,
      reference: 'order-2026-000123-card-1',
      authorization: 'XXXXXX',
      transaction: '12345678',
      numTrans: '',
      errorCode: '00000',
      outcome: 'paid',
    });
  });

  it('brings the call and transaction numbers a refund needs, when the form asked for them', () => {
    expect(PBX_RETOUR).toBe('montant:M;ref:R;auto:A;trans:T;erreur:E;numtrans:S;sign:K');
    const query = signedQuery('montant=1160&ref=order-2026-000123-card-1&auto=XXXXXX&trans=12345678&erreur=00000&numtrans=87654321');
    expect(verifyNotification(query, publicKey)).toMatchObject({ transaction: '12345678', numTrans: '87654321', outcome: 'paid' });
  });

  it('is rejected when tampered with, unsigned, or signed by another key', () => {
    const query = signedQuery('montant=1160&ref=order-1&auto=XXXXXX&trans=1&erreur=00000');
    expect(verifyNotification(query.replace('montant=1160', 'montant=1'), publicKey)).toBeNull();
    expect(verifyNotification('montant=1160&ref=order-1&erreur=00000', publicKey)).toBeNull();
    const providerKey = readFileSync(new URL('./paybox-public-key.pem', import.meta.url), 'utf8');
    expect(createPublicKey(providerKey).asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(verifyNotification(query, providerKey)).toBeNull();
  });

  it.each([
    ['00000', 'paid'],
    ['00001', 'retry-backup'],
    ['00003', 'retry-backup'],
    ['00105', 'refused'],
    ['00015', 'already-paid'],
    ['00030', 'cancelled'],
    ['99999', 'pending'],
    ['00004', 'error'],
  ])('reads error code %s as %s', (code, outcome) => {
    expect(interpretErrorCode(code)).toBe(outcome);
  });
});
