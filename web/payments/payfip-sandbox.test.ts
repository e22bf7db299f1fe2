// The PayFiP sandbox through the app, called by the real web service client: it creates the
// operation, answers « in progress » until the payer chooses, then the result; it purges what it
// does not know, refuses what PayFiP refuses, and its page notifies and sends the payer back.
// The notification and the return name only an idOp, and a wrong one changes nothing.
import { describe, expect, it } from 'vitest';
import { payfipClient, PayfipError, type PayfipPaymentRequest } from '../../lib/payments/payfip.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });

const request: PayfipPaymentRequest = {
  numcli: '123456', saisie: 'T', exer: 2026, refdet: 'TOPUP1ABCDEF0123', montantCents: 2500, mel: 'famille@example.fr',
  urlnotif: `${TEST_ORIGIN}/paiement/payfip/notification`, urlredirect: `${TEST_ORIGIN}/paiement/payfip/retour`, objet: 'Recharge du porte monnaie',
};

describe('the PayFiP sandbox', () => {
  it('plays the web service: the operation, in progress until the payer chooses, then its result; unknown ones purged', async () => {
    const site = app();
    const client = payfipClient({ serviceUrl: `${TEST_ORIGIN}/sandbox/payfip/tpa/services/securite`, fetch: async (url, init) => site.request(String(url), init) });
    const idOp = await client.creerPaiementSecurise(request);
    expect(idOp).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.recupererDetailPaiementSecurise(idOp)).toEqual({ kind: 'in-progress' });
    expect(await client.recupererDetailPaiementSecurise('inconnu')).toEqual({ kind: 'purged' });

    const page = await site.request(`/sandbox/payfip/tpa/paiementws.web?idop=${idOp}`);
    const html = await page.text();
    expect(html).toContain('25,00');
    for (const label of ['Carte bancaire acceptée', 'Prélèvement SEPA accepté', 'Carte refusée par la banque', 'Abandonner le paiement']) expect(html).toContain(label);

    // No server listens for the notification in this test: the sandbox sends the payer back all the same.
    const chosen = await postForm(site, '/sandbox/payfip/tpa/payer', { idop: idOp, choice: 'V' });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe(`${TEST_ORIGIN}/paiement/payfip/retour?idop=${idOp}`);
    const status = await client.recupererDetailPaiementSecurise(idOp);
    expect(status).toMatchObject({ kind: 'result', detail: { resultrans: 'V', montantCents: 2500, refdet: 'TOPUP1ABCDEF0123', numcli: '123456', saisie: 'T', idOp } });
  });

  it('refuses what PayFiP refuses, with its functional error, and garbage with a 400', async () => {
    const site = app();
    const client = payfipClient({ serviceUrl: `${TEST_ORIGIN}/sandbox/payfip/tpa/services/securite`, fetch: async (url, init) => {
      // Past the client's own checks, as another client would send it.
      const body = String(init!.body).replace('<refdet>TOPUP1ABCDEF0123</refdet>', '<refdet>commande-1</refdet>');
      return site.request(String(url), { ...init, body });
    } });
    await expect(client.creerPaiementSecurise(request)).rejects.toThrow(PayfipError);
    const garbage = await site.request('/sandbox/payfip/tpa/services/securite', { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: 'x=1' });
    expect(garbage.status).toBe(400);
  });

  it('answers a notification or a return naming no known operation without touching anything', async () => {
    const site = app();
    const notification = await site.request('/paiement/payfip/notification?idOp=0f0e0d0c-0000-4000-8000-000000000000');
    expect(notification.status).toBe(400);
    expect((await site.request('/paiement/payfip/notification?idOp=%3Cscript%3E')).status).toBe(400);
    const back = await site.request('/paiement/payfip/retour?idop=0f0e0d0c-0000-4000-8000-000000000000');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/');
  });
});
