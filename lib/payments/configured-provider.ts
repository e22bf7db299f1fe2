// Chooses the card provider from the configuration: Paybox with the merchant's settings, or the
// sandbox (with the development tools only, never in production, as the configuration schema
// enforces).
import { defaultProvider, type Config } from '../../config.ts';
import { createSandboxKeys, payboxProvider, readPayboxPublicKey, sandboxProvider, type CardProvider, type SandboxKeys } from './provider.ts';
import { payboxRefunds, sandboxRefunds, type CardRefunds } from './card-refunds.ts';

type PaymentConfig = Pick<Config, 'NODE_ENV' | 'DEV_TOOLS' | 'PUBLIC_URL' | 'PAYMENT_PROVIDER' | 'PAYBOX_ENDPOINT' | 'PAYBOX_SITE' | 'PAYBOX_RANG' | 'PAYBOX_IDENTIFIANT' | 'PAYBOX_HMAC_KEY'>;

/** Who refunds card payments: Paybox Direct with the configuration's account (or a régie's own), or the sandbox on this server. */
export function cardRefunds(config: PaymentConfig & Pick<Config, 'PAYBOX_PPPS_ENDPOINT' | 'PAYBOX_CLE'>): CardRefunds {
  if (defaultProvider(config) === 'sandbox') return sandboxRefunds(config.PUBLIC_URL);
  const account = config.PAYBOX_SITE && config.PAYBOX_RANG && config.PAYBOX_CLE ? { site: config.PAYBOX_SITE, rang: config.PAYBOX_RANG, cle: config.PAYBOX_CLE } : null;
  return payboxRefunds({ endpoint: config.PAYBOX_PPPS_ENDPOINT ?? null, account });
}

/** `sandboxKeys`: the sandbox's keys made once for several processes (else made here). */
export function paymentProvider(config: PaymentConfig, sandboxKeys?: SandboxKeys): { payments: CardProvider; sandbox: SandboxKeys | null } {
  if (defaultProvider(config) === 'sandbox') {
    const sandbox = sandboxKeys ?? createSandboxKeys(config.PUBLIC_URL);
    return { payments: sandboxProvider(sandbox), sandbox };
  }
  const merchant = {
    site: config.PAYBOX_SITE!,
    rang: config.PAYBOX_RANG!,
    identifiant: config.PAYBOX_IDENTIFIANT!,
    hmacKeyHex: config.PAYBOX_HMAC_KEY!,
    endpoint: config.PAYBOX_ENDPOINT!,
  };
  return { payments: payboxProvider(merchant, readPayboxPublicKey()), sandbox: null };
}
