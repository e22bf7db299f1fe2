// A régie's month as a PES v2 recette file for Hélios: the `PES_Aller` envelope, its `EnTetePES`
// (the Trésor's post, the collectivity, its code and budget), and one `Bordereau` of titles, a
// `Piece` per payer with a `LigneDePiece` per product and the payer as `Tiers`. Element names,
// their order, the `V="…"` attributes, the fixed codes and the keys (Cle1 modulo 11, Cle2 modulo
// 23) follow Noethysweb's export (noethysweb/facturation/utils/utils_export_pes.py), which
// validates that structure against the DGFiP's published schema. ISO-8859-1, as Hélios reads it.

export interface PesSettings {
  idPost: string | null;
  idColl: string | null;
  codCol: string | null;
  codBud: string | null;
}

export interface PesPayer {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  address: { line1: string; postalCode: string; city: string } | null;
  lines: { productId: number; product: string; cents: number }[];
}

export interface PesInput {
  regieId: number;
  regieName: string;
  settings: PesSettings;
  /** '2026-12' */
  month: string;
  /** The day the file is made. */
  issuedOn: string;
  fileName: string;
  payers: PesPayer[];
}

const SETTING_NAMES: [keyof PesSettings, string][] = [
  ['idPost', 'le code du poste comptable (IdPost)'],
  ['idColl', 'le SIRET de la collectivité (IdColl)'],
  ['codCol', 'le code de la collectivité (CodCol)'],
  ['codBud', 'le code du budget (CodBud)'],
];

/** What the régie's settings lack for the header, in French (empty: the file can be made). */
export function missingPesSettings(settings: PesSettings): string[] {
  return SETTING_NAMES.filter(([key]) => !settings[key]?.trim()).map(([, name]) => name);
}

/** Cle1: the digits read from the right, weighted 2 to 7 in turn; 11 less the sum modulo 11, 1 past 9. */
export function cleModulo11(parts: string[]): number {
  const digits = [...parts.join('')].reverse();
  let total = 0;
  digits.forEach((digit, index) => {
    total += (/[0-9]/.test(digit) ? Number(digit) : 0) * (2 + (index % 6));
  });
  const key = 11 - (total % 11);
  return key > 9 ? 1 : key;
}

/** Cle2: the number modulo 23, as a letter of the alphabet without I, O and Z. */
export function cleModulo23(parts: string[]): string {
  const number = BigInt(parts.join(''));
  return 'ABCDEFGHJKLMNPQRSTUVWXY'[Number(number % 23n)]!;
}

/** Text as Hélios takes it: capitals without accents, on one line, within ISO-8859-1 and `max` characters. */
export function pesText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Cents as the file writes amounts: euros with a point (1250 → 12.50). */
export const pesAmount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

type Node = { name: string; value?: string; children?: Node[]; attributes?: [string, string][] };
const v = (name: string, value: string): Node => ({ name, value });
const el = (name: string, children: Node[]): Node => ({ name, children });

function write(node: Node, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = (node.attributes ?? []).map(([key, value]) => ` ${key}="${escape(value)}"`).join('');
  if (node.value !== undefined) return `${indent}<${node.name}${attributes} V="${escape(node.value)}"/>\n`;
  return `${indent}<${node.name}${attributes}>\n${(node.children ?? []).map((child) => write(child, depth + 1)).join('')}${indent}</${node.name}>\n`;
}

export interface PesFile {
  xml: string;
  bytes: Buffer;
  pieces: number;
  totalCents: number;
}

export function pesFile(input: PesInput): PesFile {
  const { settings, month } = input;
  const [year, monthNumber] = month.split('-') as [string, string];
  // The month unpadded, as Noethysweb writes it in the keys; « Per » takes its first character as there.
  const period = String(Number(monthNumber));
  const idBord = `${monthNumber}${String(input.regieId % 1000).padStart(3, '0')}`;
  const codCol = settings.codCol ?? '';
  const object = (text: string) => pesText(text, 160);
  const payers = input.payers.filter((payer) => payer.lines.some((line) => line.cents > 0));
  const pieceTotal = (payer: PesPayer) => payer.lines.reduce((sum, line) => sum + line.cents, 0);
  const totalCents = payers.reduce((sum, payer) => sum + pieceTotal(payer), 0);
  const monthWords = `${input.regieName} ${month}`;

  const tiers = (payer: PesPayer): Node =>
    el('Tiers', [
      el('InfoTiers', [
        v('CatTiers', '01'),
        v('NatJur', '01'),
        v('TypTiers', '01'),
        v('Nom', pesText(payer.lastName || payer.email || 'Usager non identifie', 38)),
        ...(payer.firstName ? [v('Prenom', pesText(payer.firstName, 38))] : []),
      ]),
      el('Adresse', [
        v('TypAdr', '1'),
        v('Adr2', pesText(payer.address?.line1 ?? '', 38)),
        v('CP', (payer.address?.postalCode ?? '').slice(0, 5)),
        v('Ville', pesText(payer.address?.city ?? '', 38)),
        v('CodRes', '0'),
      ]),
    ]);

  const pieces = payers.map((payer, index): Node => {
    // A title's number: the month, the régie and the piece, unique over the years.
    const numDette = `${year}${monthNumber}${String(input.regieId % 100).padStart(2, '0')}${String(index + 1).padStart(4, '0')}`;
    const padded = numDette.padStart(13, '0');
    return el('Piece', [
      el('BlocPiece', [
        v('IdPce', String(index + 1)),
        v('TypPce', '15'),
        v('NatPce', '01'),
        v('ObjPce', object(`Recettes ${monthWords}`)),
        v('NumDette', numDette),
        v('Per', period.slice(0, 1)),
        v('Cle1', String(cleModulo11([codCol, idBord, year.slice(-2), period, padded]))),
        v('Cle2', cleModulo23([year.slice(-2), period, '00', padded])),
        v('NumeroFacture', numDette),
      ]),
      // A line per product, each naming its payer, as the schema has a Tiers in every LigneDePiece.
      ...payer.lines.filter((line) => line.cents > 0).map((line, lineIndex) =>
        el('LigneDePiece', [
          el('BlocLignePiece', [
            el('InfoLignePiece', [
              v('IdLigne', String(lineIndex + 1)),
              v('ObjLignePce', object(line.product)),
              v('CodProdLoc', String(line.productId % 10_000)),
              // The nature Noethysweb writes; the public accountant may ask for the commune's own.
              v('Nature', '588'),
              v('Majo', '0'),
              v('TvaIntraCom', '0'),
              v('MtHT', pesAmount(line.cents)),
            ]),
          ]),
          tiers(payer),
        ]),
      ),
    ]);
  });

  const root: Node = {
    name: 'n:PES_Aller',
    attributes: [
      ['xsi:schemaLocation', 'http://www.minefi.gouv.fr/cp/helios/pes_v2/recette/r0/aller'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xmlns:xenc', 'http://www.w3.org/2001/04/xmlenc#'],
      ['xmlns:xad', 'http://uri.etsi.org/01903/v1.1.1#'],
      ['xmlns:reca', 'http://www.minefi.gouv.fr/cp/helios/pes_v2/recette/r0/aller'],
      ['xmlns:n', 'http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller'],
      ['xmlns:cm', 'http://www.minefi.gouv.fr/cp/helios/pes_v2/commun'],
      ['xmlns:acta', 'http://www.minefi.gouv.fr/cp/helios/pes_v2/etatactif/r0/aller'],
    ],
    children: [
      el('Enveloppe', [
        el('Parametres', [v('Version', '2'), v('TypFic', 'PESORMC'), v('NomFic', input.fileName.slice(0, 100))]),
        el('Emetteur', [v('Sigle', 'Plateforme Citoyens'), v('Adresse', pesText(input.regieName, 160))]),
      ]),
      el('EnTetePES', [
        v('DteStr', input.issuedOn),
        v('IdPost', (settings.idPost ?? '').slice(0, 7)),
        v('IdColl', (settings.idColl ?? '').slice(0, 14)),
        v('CodCol', codCol.slice(0, 3)),
        v('CodBud', (settings.codBud ?? '').slice(0, 10)),
      ]),
      el('PES_RecetteAller', [
        el('EnTeteRecette', [v('IdVer', '2'), v('InfoDematerialisee', '0')]),
        el('Bordereau', [
          el('BlocBordereau', [
            v('Exer', year),
            v('IdBord', idBord),
            v('DteBordEm', input.issuedOn),
            v('TypBord', '06'),
            v('NbrPce', String(pieces.length)),
            v('MtBordHt', pesAmount(totalCents)),
            v('DteAsp', input.issuedOn),
            v('Objet', object(`Recettes ${monthWords}`)),
          ]),
          ...pieces,
        ]),
      ]),
    ],
  };
  const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>\n${write(root, 0)}`;
  return { xml, bytes: Buffer.from(xml, 'latin1'), pieces: pieces.length, totalCents };
}
