// The card payment provider behind an interface (Paybox today, room for PayFiP): it builds the
// form the browser posts and verifies the notifications it sends back. In development and tests a
// sandbox plays Paybox on our own server, with a merchant key and an RSA key pair made at start-up.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildPaymentForm, verifyNotification, type Notification, type PaymentForm, type PaymentRequest, type PayboxAccount, type PayboxMerchant } from './paybox.ts';

export interface CardProvider {
  name: 'paybox' | 'sandbox';
  /** The form, signed for the account of the régie taking the payment when it has one (never in the sandbox, which keeps its own keys). */
  paymentForm(request: PaymentRequest, account?: PayboxAccount | null): PaymentForm;
  verify(rawQuery: string): Notification | null;
  /** Origins the payment form posts to, for the Content-Security-Policy's form-action. */
  formOrigins: string[];
}

export function payboxProvider(merchant: PayboxMerchant, publicKeyPem: string): CardProvider {
  return {
    name: 'paybox',
    paymentForm: (request, account) => buildPaymentForm(account ? { ...account, endpoint: merchant.endpoint } : merchant, request),
    verify: (rawQuery) => verifyNotification(rawQuery, publicKeyPem),
    formOrigins: [new URL(merchant.endpoint).origin],
  };
}

export const PAYBOX_PUBLIC_KEY_FILE = new URL('./paybox-public-key.pem', import.meta.url);

export function readPayboxPublicKey(file: string | URL = PAYBOX_PUBLIC_KEY_FILE): string {
  return readFileSync(file, 'utf8');
}

/** The sandbox's own secrets, made fresh at each start: nothing real can be paid with them. */
export interface SandboxKeys {
  merchant: PayboxMerchant;
  privateKeyPem: string;
  publicKeyPem: string;
}

export function createSandboxKeys(publicUrl: string): SandboxKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    merchant: { site: '1999888', rang: '32', identifiant: '110647233', hmacKeyHex: randomBytes(64).toString('hex').toUpperCase(), endpoint: `${publicUrl}/sandbox/paybox` },
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function sandboxProvider(keys: SandboxKeys): CardProvider {
  const paybox = payboxProvider(keys.merchant, keys.publicKeyPem);
  return { ...paybox, paymentForm: (request) => paybox.paymentForm(request), name: 'sandbox', formOrigins: [] };
}
