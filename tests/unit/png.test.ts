/**
 * The share cards' PNG encoder (src/lib/png.ts): what it writes decodes, in resvg's PNG reader (the png crate), to
 * the pixels it was given, and every chunk's CRC is right (the reader checks them); a pixel that is not opaque is
 * refused rather than flattened.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { opaquePng } from '../../src/lib/png.ts';

const { Resvg } = createRequire(join(process.cwd(), 'package.json'))('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

/** The RGBA pixels resvg decodes from a PNG, drawn 1:1 as an SVG image. */
function decoded(png: Buffer, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return Buffer.from(new Resvg(svg).render().pixels);
}

/** Every chunk of a PNG as [type, data], each CRC checked. */
function chunks(png: Buffer): Array<[string, Buffer]> {
  const result: Array<[string, Buffer]> = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    result.push([typeAndData.toString('latin1', 0, 4), typeAndData.subarray(4)]);
    at += 12 + length;
  }
  return result;
}

describe('opaquePng', () => {
  const [width, height] = [37, 11];
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i * 4);

  it('writes an 8-bit RGB PNG that decodes to the same pixels', () => {
    const png = opaquePng(pixels, width, height);
    const parts = chunks(png);
    expect(parts.map(([type]) => type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = parts[0][1];
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([width, height, 8, 2]);
    expect(decoded(png, width, height).equals(pixels)).toBe(true);
  });

  it('refuses a pixel that is not opaque and a buffer of the wrong size', () => {
    const translucent = Buffer.from(pixels);
    translucent[(5 * width + 3) * 4 + 3] = 128;
    expect(() => opaquePng(translucent, width, height)).toThrow('png: pixel 3,5 is not opaque');
    expect(() => opaquePng(pixels, width + 1, height)).toThrow(/bytes for 38x11 RGBA/);
  });
});
