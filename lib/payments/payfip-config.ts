// Where PayFiP is reached: the configured addresses, else the sandbox on this server where the
// sandbox plays the card provider (development and tests), else the DGFiP's own.
import { defaultProvider, type Config } from '../../config.ts';
import { PAYFIP_PAYMENT_URL, PAYFIP_SERVICE_URL } from './payfip.ts';

export interface PayfipEndpoints {
  /** The SOAP web service. */
  serviceUrl: string;
  /** The payment page, to which `?idop=` is added. */
  paymentUrl: string;
}

/** The sandbox's addresses on a server (web/payments/payfip-sandbox.tsx). */
export const sandboxPayfipEndpoints = (publicUrl: string): PayfipEndpoints => ({
  serviceUrl: `${publicUrl}/sandbox/payfip/tpa/services/securite`,
  paymentUrl: `${publicUrl}/sandbox/payfip/tpa/paiementws.web`,
});

export function payfipEndpoints(config: Pick<Config, 'DEV_TOOLS' | 'PUBLIC_URL' | 'PAYMENT_PROVIDER' | 'PAYFIP_SERVICE_URL' | 'PAYFIP_PAYMENT_URL'>): PayfipEndpoints {
  const fallback = defaultProvider(config) === 'sandbox' ? sandboxPayfipEndpoints(config.PUBLIC_URL) : { serviceUrl: PAYFIP_SERVICE_URL, paymentUrl: PAYFIP_PAYMENT_URL };
  return { serviceUrl: config.PAYFIP_SERVICE_URL ?? fallback.serviceUrl, paymentUrl: config.PAYFIP_PAYMENT_URL ?? fallback.paymentUrl };
}
