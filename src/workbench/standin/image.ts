/**
 * What `Worksheet.shapes.addImage(base64)` accepts: a Base64 string (no "data:" prefix) of a PNG
 * or JPEG. The size in pixels is read from the PNG header or the JPEG frame marker. Anything
 * else is refused, as Excel refuses it (InvalidArgument).
 */
import type { ShapeImage } from './model';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Decodes Base64 (up to `maxBytes` bytes); undefined when the text is not Base64. */
export function decodeBase64(text: string, maxBytes = Infinity): Uint8Array | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const total = (text.length / 4) * 3 - pad;
  const n = Math.min(total, maxBytes);
  const out = new Uint8Array(n);
  let o = 0;
  for (let i = 0; i < text.length && o < n; i += 4) {
    const a = LOOKUP[text.charCodeAt(i)];
    const b = LOOKUP[text.charCodeAt(i + 1)];
    const c = text[i + 2] === '=' ? 0 : LOOKUP[text.charCodeAt(i + 2)];
    const d = text[i + 3] === '=' ? 0 : LOOKUP[text.charCodeAt(i + 3)];
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < n) out[o++] = (v >> 16) & 255;
    if (o < n) out[o++] = (v >> 8) & 255;
    if (o < n) out[o++] = v & 255;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image in a Base64 string, or undefined when it is not a readable PNG or JPEG. */
export function readImage(base64: unknown): ShapeImage | undefined {
  if (typeof base64 !== 'string') return undefined;
  const head = decodeBase64(base64, 32);
  if (!head) return undefined;
  if (head.length >= 24 && PNG_SIGNATURE.every((b, i) => head[i] === b) && String.fromCharCode(head[12], head[13], head[14], head[15]) === 'IHDR') {
    const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const widthPx = dv.getUint32(16);
    const heightPx = dv.getUint32(20);
    if (widthPx === 0 || heightPx === 0) return undefined;
    return { format: 'png', base64, widthPx, heightPx };
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    const bytes = decodeBase64(base64);
    if (!bytes) return undefined;
    // walk the segments to a start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC)
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      const length = (bytes[i + 2] << 8) | bytes[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const heightPx = (bytes[i + 5] << 8) | bytes[i + 6];
        const widthPx = (bytes[i + 7] << 8) | bytes[i + 8];
        return widthPx > 0 && heightPx > 0 ? { format: 'jpeg', base64, widthPx, heightPx } : undefined;
      }
      i += 2 + length;
    }
  }
  return undefined;
}
