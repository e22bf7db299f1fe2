// The PES file's health with the names families and staff type: accents, « & », « < », quotes and
// characters outside ISO-8859-1 give a well-formed file in that encoding, which says the names back.
import { describe, expect, it } from 'vitest';
import { testToday } from '../../test/helpers/clock.ts';
import { parseXml, type XmlElement } from '../../test/helpers/xml.ts';
import { pesFile } from './pes-file.ts';

const find = (element: XmlElement, name: string): XmlElement[] => [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => find(child, name))];

describe('the PES file', () => {
  it('stays well-formed ISO-8859-1 with accents, « & », « < » and quotes in every name', () => {
    const today = testToday();
    const file = pesFile({
      regieId: 7, regieName: 'Régie <Cantine> & "Garderie" d’Allègre', month: today.slice(0, 7), issuedOn: today, fileName: 'pes.xml',
      settings: { idPost: '043000', idColl: '21430166700017', codCol: '123', codBud: '01' },
      payers: [{
        firstName: 'Zoé & <Léa>', lastName: 'O\'Brien-Müller "Ø" 😀', email: 'zoe@example.fr',
        address: { line1: '3 rue <des> Écoles & de l’Église', postalCode: '43270', city: 'Allègre' },
        lines: [{ productId: 12, product: 'Repas <bio> & goûter', cents: 1250 }],
      }],
    });
    const text = file.bytes.toString('latin1');
    expect(Buffer.from(text, 'latin1').equals(file.bytes)).toBe(true);
    expect(text.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>\n')).toBe(true);
    // Every « & » opens an entity, no « < » sits inside a value, and each tag closes what it opened.
    expect(text.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
    for (const value of text.matchAll(/="([^"]*)"/g)) expect(value[1]).not.toMatch(/[<>]/);
    const root = parseXml(text);
    expect(find(root, 'Nom')[0]!.attributes.V).toBe('O\'BRIEN-MULLER " "');
    expect(find(root, 'Prenom')[0]!.attributes.V).toBe('ZOE & <LEA>');
    expect(find(root, 'ObjLignePce')[0]!.attributes.V).toBe('REPAS <BIO> & GOUTER');
    expect(find(root, 'Adr2')[0]!.attributes.V).toBe('3 RUE <DES> ECOLES & DE L EGLISE');
    expect(find(root, 'MtBordHt')[0]!.attributes.V).toBe('12.50');
  });
});
