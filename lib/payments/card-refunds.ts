// Who refunds a card payment, and on which account: the Paybox Direct account of the régie that
// took the payment when it has its own (site, rang and key), the configuration's otherwise; the
// sandbox always on its own account, whatever the régie says.
import { askRefund, httpTransport, type PppsAccount, type PppsTransport, type RefundAnswer, type RefundRequest } from './ppps.ts';
import { SANDBOX_PPPS_CLE, SANDBOX_PPPS_PATH } from './sandbox-ppps.ts';

/** A régie's own Paybox settings, as its row holds them. */
export interface RegiePaybox {
  paybox_site: string | null;
  paybox_rang: string | null;
  paybox_cle: string | null;
}

export interface CardRefunds {
  /** The account a payment taken by this régie is refunded on; null when none is configured. */
  accountFor(regie: RegiePaybox | null): PppsAccount | null;
  ask(account: PppsAccount, request: RefundRequest): Promise<RefundAnswer>;
}

export function payboxRefunds(options: { endpoint: string | null; account: Omit<PppsAccount, 'endpoint'> | null; transport?: PppsTransport }): CardRefunds {
  const { endpoint, account, transport = httpTransport } = options;
  return {
    accountFor(regie) {
      if (!endpoint) return null;
      if (regie?.paybox_site && regie.paybox_rang && regie.paybox_cle) return { site: regie.paybox_site, rang: regie.paybox_rang, cle: regie.paybox_cle, endpoint };
      return account ? { ...account, endpoint } : null;
    },
    ask: (target, request) => askRefund(transport, target, request),
  };
}

/** The sandbox is a page of our own site: its form posts say so, as the site's CSRF check wants. */
const sandboxTransport = (publicUrl: string): PppsTransport => async (url, body) => {
  const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(publicUrl).origin }, body, signal: AbortSignal.timeout(30_000) });
  if (!answer.ok) throw new Error(`sandbox PPPS answered HTTP ${answer.status}`);
  return answer.text();
};

/** The sandbox on this server (`publicUrl`), or through `transport` (tests: the app in process). */
export function sandboxRefunds(publicUrl: string, transport: PppsTransport = sandboxTransport(publicUrl)): CardRefunds {
  const account: PppsAccount = { site: '1999888', rang: '32', cle: SANDBOX_PPPS_CLE, endpoint: `${publicUrl}${SANDBOX_PPPS_PATH}` };
  return { accountFor: () => account, ask: (target, request) => askRefund(transport, target, request) };
}
