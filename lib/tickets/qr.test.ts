// The QR code holds the ticket's code: drawn from its modules and read back by a decoder.
import decoder from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrModules, qrSvg } from './qr.ts';

// A CommonJS package whose types declare an ES default: Node hands over the function itself.
const jsQR = decoder as unknown as typeof decoder.default;

function pixels(modules: boolean[][], scale = 4, quiet = 4) {
  const size = (modules.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y += 1) {
        for (let x = 0; x < scale; x += 1) {
          const at = (((r + quiet) * scale + y) * size + (c + quiet) * scale + x) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }),
  );
  return { data, size };
}

describe('the e-ticket QR code', () => {
  it.each(['ABCDEFGHJK', 'Z2X3C4V5B6'])('reads back as %s', (code) => {
    const { data, size } = pixels(qrModules(code));
    expect(jsQR(data, size, size)?.data).toBe(code);
  });

  it('is an SVG image for the page', async () => {
    expect(await qrSvg('ABCDEFGHJK')).toMatch(/^<svg[^>]*viewBox/);
  });
});
