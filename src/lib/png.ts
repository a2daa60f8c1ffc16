/**
 * PNG bytes of an opaque RGBA image, written as 8-bit RGB without row filters and deflated by Node's zlib at level 3.
 * A share card is a flat background with text, so unfiltered rows compress well: on the synthetic archive's cards this
 * takes 5.2 ms and 47 KB a card, against 9 to 13 ms and 55 KB for resvg's `asPng()`, 8.6 ms for pngjs (filters off,
 * RGBA) and 55 ms for fast-png (docs/performance.md, 2 December). Level 4 and up cost twice the time for 15% fewer bytes.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGB = 2;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** One buffer for the rows of every image of the same size: a card's are 2.3 MB, which V8 would otherwise collect per card. */
let rowsOfLastSize: Buffer | undefined;
const rowBuffer = (length: number): Buffer => (rowsOfLastSize?.length === length ? rowsOfLastSize : (rowsOfLastSize = Buffer.allocUnsafe(length)));

/** Throws on a pixel that is not fully opaque: dropping its alpha would change how it shows. */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`png: ${rgba.length} bytes for ${width}x${height} RGBA`);
  const stride = width * 3 + 1;
  const rows = rowBuffer(stride * height);
  let from = 0;
  for (let y = 0; y < height; y++) {
    let to = y * stride;
    rows[to++] = 0; // the row's filter: none
    for (let x = 0; x < width; x++, from += 4) {
      if (rgba[from + 3] !== 255) throw new Error(`png: pixel ${x},${y} is not opaque`);
      rows[to++] = rgba[from];
      rows[to++] = rgba[from + 1];
      rows[to++] = rgba[from + 2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = COLOR_TYPE_RGB;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}
