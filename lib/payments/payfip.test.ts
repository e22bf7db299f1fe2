import { describe, expect, it } from 'vitest';
import {
  creerPaiementSecuriseEnvelope, normalizeObjet, parseDetail, parseIdOp, payfipClient, PayfipError, PAYFIP_SERVICE_NS, readElement, recupererDetailPaiementSecuriseEnvelope, refdetOf, type PayfipPaymentRequest,
} from './payfip.ts';

const request: PayfipPaymentRequest = {
  numcli: '123456', saisie: 'T', exer: 2026, refdet: 'ORDER2026000123ABCDEF0123', montantCents: 3160,
  mel: 'parent&fils@example.fr', urlnotif: 'https://citoyens.example/paiement/payfip/notification', urlredirect: 'https://citoyens.example/paiement/payfip/retour?a=1&b=2', objet: 'Commande 2026 000123',
};

// Answers shaped as the service's JAX-WS stack writes them: prefixed elements, namespaces declared where used.
const created = `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:creerPaiementSecuriseResponse xmlns:ns2="${PAYFIP_SERVICE_NS}" xmlns:ns3="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><return><idOp>cc0cb210-1cd4-11ea-8cca-0213ad91a103</idOp></return></ns2:creerPaiementSecuriseResponse></S:Body></S:Envelope>`;

const detail = (resultrans: string) => `<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
  <S:Body>
    <ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="${PAYFIP_SERVICE_NS}">
      <return>
        <dattrans>12122026</dattrans><exer>2026</exer><heurtrans>1311</heurtrans>
        <idOp>cc0cb210-1cd4-11ea-8cca-0213ad91a103</idOp><mel>parent@example.fr</mel><montant>3160</montant>
        <numauto>${resultrans === 'P' ? '112233' : ''}</numauto><numcli>123456</numcli><objet>Commande 2026 000123</objet>
        <refdet>ORDER2026000123ABCDEF0123</refdet><resultrans>${resultrans}</resultrans><saisie>T</saisie>
      </return>
    </ns2:recupererDetailPaiementSecuriseResponse>
  </S:Body>
</S:Envelope>`;

const fault = (code: string, libelle: string) => `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault xmlns:ns4="http://www.w3.org/2003/05/soap-envelope"><faultcode>S:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>${code}</code><descriptif></descriptif><libelle>${libelle}</libelle><severite>2</severite></ns2:FonctionnelleErreur></detail></S:Fault></S:Body></S:Envelope>`;

describe('the PayFiP web service envelopes', () => {
  it('writes creerPaiementSecurise as SOAP 1.1 in the service namespace, its fields escaped and unqualified under arg0', () => {
    const xml = creerPaiementSecuriseEnvelope(request);
    expect(xml).toContain('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"');
    expect(xml).toContain(`xmlns:pai="${PAYFIP_SERVICE_NS}"`);
    expect(xml).toMatch(/<soapenv:Body><pai:creerPaiementSecurise><arg0><exer>2026<\/exer><mel>parent&amp;fils@example.fr<\/mel><montant>3160<\/montant><numcli>123456<\/numcli><objet>Commande 2026 000123<\/objet><refdet>ORDER2026000123ABCDEF0123<\/refdet><saisie>T<\/saisie><urlnotif>https:\/\/citoyens.example\/paiement\/payfip\/notification<\/urlnotif><urlredirect>https:\/\/citoyens.example\/paiement\/payfip\/retour\?a=1&amp;b=2<\/urlredirect><\/arg0><\/pai:creerPaiementSecurise><\/soapenv:Body>/);
    // Read back as the sandbox reads it.
    expect(readElement(xml, 'mel')).toBe('parent&fils@example.fr');
    expect(readElement(xml, 'urlredirect')).toBe(request.urlredirect);
  });

  it('writes recupererDetailPaiementSecurise with the idOp', () => {
    expect(recupererDetailPaiementSecuriseEnvelope('a<b')).toContain('<pai:recupererDetailPaiementSecurise><arg0><idOp>a&lt;b</idOp></arg0></pai:recupererDetailPaiementSecurise>');
  });

  it('refuses what the service would refuse, before calling it', () => {
    expect(() => creerPaiementSecuriseEnvelope({ ...request, numcli: '12345' })).toThrow(PayfipError);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, refdet: 'order-2026' })).toThrow(/refdet/);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, refdet: 'A'.repeat(31) })).toThrow(/refdet/);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, montantCents: 99 })).toThrow(/amount/);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, montantCents: 10_000_001 })).toThrow(/amount/);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, mel: 'a@b' })).toThrow(/e-mail/);
    expect(() => creerPaiementSecuriseEnvelope({ ...request, objet: 'Cantine — été' })).toThrow(/objet/);
  });

  it('makes a refdet of our references and an objet of PayFiP’s alphabet', () => {
    expect(refdetOf('order-2026-000123-abcdef0123')).toBe('ORDER2026000123ABCDEF0123');
    expect(refdetOf(`topup-${'9'.repeat(30)}-abcdef0123`)).toHaveLength(30);
    expect(refdetOf(`topup-${'9'.repeat(30)}-abcdef0123`)).toMatch(/ABCDEF0123$/);
    expect(normalizeObjet("Commande n° 2026-000123 : accueil périscolaire d'Allègre")).toBe('Commande n 2026 000123 accueil periscolaire d Allegre');
    expect(normalizeObjet('x'.repeat(150))).toHaveLength(100);
  });
});

describe('the PayFiP web service answers', () => {
  it('reads the idOp of creerPaiementSecurise', () => {
    expect(parseIdOp(created)).toBe('cc0cb210-1cd4-11ea-8cca-0213ad91a103');
  });

  it.each([
    ['P', 'paid by card'],
    ['V', 'paid by SEPA debit'],
    ['R', 'card refused'],
    ['Z', 'debit refused'],
    ['A', 'abandoned'],
  ])('reads resultrans %s (%s) with the payment’s details', (resultrans) => {
    const status = parseDetail(detail(resultrans));
    expect(status).toEqual({
      kind: 'result',
      detail: expect.objectContaining({ resultrans, idOp: 'cc0cb210-1cd4-11ea-8cca-0213ad91a103', refdet: 'ORDER2026000123ABCDEF0123', montantCents: 3160, numcli: '123456', saisie: 'T' }),
    });
    if (status.kind === 'result') expect(status.detail.numauto).toBe(resultrans === 'P' ? '112233' : '');
  });

  it('reads the fault P5 as in progress and P1 as purged', () => {
    expect(parseDetail(fault('P5', 'Transaction en cours'))).toEqual({ kind: 'in-progress' });
    expect(parseDetail(fault('P1', 'IdOp incorrect'))).toEqual({ kind: 'purged' });
  });

  it('throws any other functional error with its code, and an answer it cannot read', () => {
    expect(() => parseIdOp(fault('R3', 'Format du parametre REFDET non conforme'))).toThrow(expect.objectContaining({ code: 'R3' }));
    expect(() => parseDetail(fault('A1', 'Donnees absentes'))).toThrow(/A1/);
    expect(() => parseDetail(detail('Q'))).toThrow(/resultrans/);
    expect(() => parseIdOp('<html>Service indisponible</html>')).toThrow(PayfipError);
  });

  it('posts the envelope to the web service and reads a fault sent with HTTP 500', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const client = payfipClient({
      serviceUrl: 'https://payfip.example/tpa/services/securite',
      fetch: async (url, init) => {
        sent.push({ url: String(url), init: init! });
        return String(init!.body).includes('creerPaiementSecurise') ? new Response(created) : new Response(fault('P5', 'en cours'), { status: 500 });
      },
    });
    expect(await client.creerPaiementSecurise(request)).toBe('cc0cb210-1cd4-11ea-8cca-0213ad91a103');
    expect(await client.recupererDetailPaiementSecurise('cc0cb210-1cd4-11ea-8cca-0213ad91a103')).toEqual({ kind: 'in-progress' });
    expect(sent[0]!.url).toBe('https://payfip.example/tpa/services/securite');
    expect(sent[0]!.init.headers).toMatchObject({ 'Content-Type': 'text/xml; charset=utf-8' });
    const broken = payfipClient({ serviceUrl: 'https://payfip.example/x', fetch: async () => new Response('Bad gateway', { status: 502 }) });
    await expect(broken.recupererDetailPaiementSecurise('x')).rejects.toThrow(/HTTP 502/);
  });
});
