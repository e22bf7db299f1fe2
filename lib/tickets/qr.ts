// An e-ticket's QR code: it holds the ticket's code alone, which a USB scanner types into the
// staff's check-in field. Drawn as SVG for the page and as a matrix of modules for the PDF.
import QRCode from 'qrcode';

const options = { errorCorrectionLevel: 'M' } as const;

/** The QR code as an SVG document, black on white, with its quiet zone. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}

/** The QR code's modules, row by row (true: dark). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, options);
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
}
