// The Paybox System protocol (Verifone e-commerce), as the provider documents it: the payment
// form posted by the browser, signed with HMAC-SHA512 under the merchant's key, and the
// server-to-server notification, trusted only once its RSA-SHA1 signature verifies with the
// provider's public key. Pure functions of their inputs; the sandbox plays the other side.
import type { PaymentOutcome } from '../../domain/card-outcome.ts';
import { createHmac, createVerify } from 'node:crypto';

export interface PayboxMerchant {
  site: string;
  rang: string;
  identifiant: string;
  /** The merchant's HMAC key as issued in hexadecimal by the provider's back office. */
  hmacKeyHex: string;
  /** Base URL of the payment host (production, backup or pre-production). */
  endpoint: string;
}

/** A régie's own Paybox account: the payment host stays the configuration's. */
export type PayboxAccount = Omit<PayboxMerchant, 'endpoint'>;

export const CARD_TYPES = {
  CB: { typePaiement: 'CARTE', typeCarte: 'CB', label: 'Payer par Carte CB' },
  VISA: { typePaiement: 'CARTE', typeCarte: 'VISA', label: 'Payer par Carte Visa' },
  MASTERCARD: { typePaiement: 'CARTE', typeCarte: 'EUROCARD_MASTERCARD', label: 'Payer par Carte Mastercard' },
  E_CARD: { typePaiement: 'CARTE', typeCarte: 'E_CARD', label: 'Payer par e-Carte Bleue' },
} as const;
export type CardType = keyof typeof CARD_TYPES;

/**
 * The variables the provider returns, signature last as it requires. `trans` (T) is the call
 * number (NUMAPPEL) and `numtrans` (S) the transaction number (NUMTRANS): the refund call names
 * both. Notifications of forms posted before `numtrans` was asked still parse, without it.
 */
export const PBX_RETOUR = 'montant:M;ref:R;auto:A;trans:T;erreur:E;numtrans:S;sign:K';

export interface PaymentRequest {
  totalCents: number;
  reference: string;
  email: string;
  cardType: CardType;
  /** Browser returns (never trusted) and the server-to-server notification URL. */
  urls: { done: string; refused: string; cancelled: string; waiting: string; notify: string };
  time: Date;
}

export interface PaymentForm {
  action: string;
  fields: [string, string][];
}

export function signFields(fields: [string, string][], hmacKeyHex: string): string {
  const message = fields.map(([name, value]) => `${name}=${value}`).join('&');
  return createHmac('sha512', Buffer.from(hmacKeyHex, 'hex')).update(message, 'utf8').digest('hex').toUpperCase();
}

export function buildPaymentForm(merchant: PayboxMerchant, request: PaymentRequest): PaymentForm {
  if (!Number.isSafeInteger(request.totalCents) || request.totalCents <= 0) throw new RangeError(`Montant invalide : ${request.totalCents}`);
  const card = CARD_TYPES[request.cardType];
  const fields: [string, string][] = [
    ['PBX_SITE', merchant.site],
    ['PBX_RANG', merchant.rang],
    ['PBX_IDENTIFIANT', merchant.identifiant],
    ['PBX_TOTAL', String(request.totalCents)],
    ['PBX_DEVISE', '978'],
    ['PBX_CMD', request.reference],
    ['PBX_PORTEUR', request.email],
    ['PBX_RETOUR', PBX_RETOUR],
    ['PBX_EFFECTUE', request.urls.done],
    ['PBX_REFUSE', request.urls.refused],
    ['PBX_ANNULE', request.urls.cancelled],
    ['PBX_ATTENTE', request.urls.waiting],
    ['PBX_REPONDRE_A', request.urls.notify],
    ['PBX_TYPEPAIEMENT', card.typePaiement],
    ['PBX_TYPECARTE', card.typeCarte],
    ['PBX_HASH', 'SHA512'],
    ['PBX_TIME', request.time.toISOString()],
  ];
  return { action: `${merchant.endpoint.replace(/\/$/, '')}/cgi/MYchoix_pagepaiement.cgi`, fields: [...fields, ['PBX_HMAC', signFields(fields, merchant.hmacKeyHex)]] };
}

export type { PaymentOutcome };

/** What a Paybox error code means for us. */
export function interpretErrorCode(code: string): PaymentOutcome {
  if (code === '00000') return 'paid';
  if (code === '00001' || code === '00003') return 'retry-backup';
  if (code === '00015') return 'already-paid';
  if (code === '00030') return 'cancelled';
  if (code === '99999') return 'pending';
  if (/^001\d\d$/.test(code)) return 'refused';
  return 'error';
}

export interface Notification {
  amountCents: number;
  reference: string;
  authorization: string;
  /** The call number (NUMAPPEL). */
  transaction: string;
  /** The transaction number (NUMTRANS); empty in notifications of forms posted before it was asked. */
  numTrans: string;
  errorCode: string;
  outcome: PaymentOutcome;
}

/**
 * Reads a notification's raw query string. The signature covers the variables before it, exactly
 * as received (still URL-encoded), and must verify with the provider's public key; otherwise null.
 */
export function verifyNotification(rawQuery: string, publicKeyPem: string): Notification | null {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  const at = query.lastIndexOf('&sign=');
  if (at < 0) return null;
  const signed = query.slice(0, at);
  let signature: Buffer;
  try {
    signature = Buffer.from(decodeURIComponent(query.slice(at + '&sign='.length)), 'base64');
  } catch {
    return null;
  }
  const verifier = createVerify('RSA-SHA1');
  verifier.update(signed, 'utf8');
  let valid = false;
  try {
    valid = verifier.verify(publicKeyPem, signature);
  } catch {
    valid = false;
  }
  if (!valid) return null;
  const values = new URLSearchParams(signed);
  const amount = values.get('montant') ?? '';
  const errorCode = values.get('erreur') ?? '';
  if (!/^\d{1,12}$/.test(amount) || !values.get('ref')) return null;
  return {
    amountCents: Number(amount),
    reference: values.get('ref')!,
    authorization: values.get('auto') ?? '',
    transaction: values.get('trans') ?? '',
    numTrans: values.get('numtrans') ?? '',
    errorCode,
    outcome: interpretErrorCode(errorCode),
  };
}
