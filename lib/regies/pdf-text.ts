// Text as the régies' PDFs can draw it. Their standard Helvetica font knows only the WinAnsi
// characters, and pdfkit writes any other one as two wrong bytes: the narrow no-break space that
// groups thousands in amounts (1 234,00 €) came out as « 1 /234,00 € » on the statement the
// régisseur signs. A character outside WinAnsi becomes its nearest one, or « ? ».
import type PDFDocument from 'pdfkit';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const drawable = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(char);
};

const NEAREST: Record<string, string> = { '\u202f': '\u00a0', '\u2009': '\u00a0', '\u2007': '\u00a0', '\u2002': ' ', '\u2003': ' ', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2032': '’', '\t': ' ', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd' };

export function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (drawable(char)) out += char;
    else if (char in NEAREST) out += NEAREST[char];
    else {
      // « Ștefan » keeps its S: the letter without its accent when it has one.
      const bare = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += bare !== '' && [...bare].every(drawable) ? bare : '?';
    }
  }
  return out;
}

/** Makes every `text()` call of the document draw its string through winAnsi. */
export function drawWinAnsi(doc: InstanceType<typeof PDFDocument>): void {
  const text = doc.text.bind(doc) as (value: unknown, ...rest: unknown[]) => typeof doc;
  doc.text = ((value: unknown, ...rest: unknown[]) => text(typeof value === 'string' ? winAnsi(value) : value, ...rest)) as typeof doc.text;
}
