import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, ";" between fields and CRLF lines', () => {
    const csv = toCsv(['Nom', 'Âge'], [['Léa Dupré', 7]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFNom;Âge\r\nLéa Dupré;7\r\n');
  });

  it('quotes fields holding the separator, quotes or line breaks', () => {
    expect(toCsv(['note'], [['allergie; arachide'], ['dit "Lulu"'], ['ligne 1\nligne 2']])).toBe('\uFEFFnote\r\n"allergie; arachide"\r\n"dit ""Lulu"""\r\n"ligne 1\nligne 2"\r\n');
  });

  it('keeps a cell from running as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+33 6'], ['-2'], ['@SUM(A1)'], [null]])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+33 6\r\n\'-2\r\n\'@SUM(A1)\r\n\r\n');
  });
});
