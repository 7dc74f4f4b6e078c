/**
 * The bytes of a text file (a CSV) to text, with the encoding it was read in. Files from real
 * offices come in several encodings:
 *
 * - UTF-8 with or without a BOM (Excel's "CSV UTF-8", most web exports);
 * - UTF-16 LE/BE with a BOM (Excel's "Unicode text", tab-separated), or without one (a NUL in
 *   every other byte);
 * - Windows-1251 (Russian Excel's plain "CSV", 1C exports): invalid as UTF-8, its letters are
 *   the bytes 0xC0–0xFF (А–я) and 0xA8/0xB8 (Ё/ё), in runs (words);
 * - Windows-1252 (Western Excel's plain "CSV"): invalid as UTF-8, high bytes mostly alone
 *   between ASCII letters (`Café`, `Müller`).
 *
 * Pure: uses only `TextDecoder` (browsers and Node both have `windows-1251` / `windows-1252`
 * / `utf-16le` / `utf-16be`), so the command line and the workbench's "Open" share it.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file began with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/** How many leading bytes the statistics look at (enough for thousands of rows). */
const SAMPLE = 1 << 16;

export function decodeText(bytes: Uint8Array): DecodedText {
  const e = detectEncoding(bytes);
  if (e.otherwise) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
    } catch {
      // not UTF-8: a one-byte code page
    }
    return { text: decode(e.otherwise, bytes), encoding: e.otherwise, bom: false };
  }
  return { text: decode(e.encoding, bytes.subarray(e.skip)), encoding: e.encoding, bom: e.bom };
}

/**
 * How a text file is decoded, from its first bytes (at least `SAMPLE_BYTES` of them, or the whole
 * file): a byte-order mark (`skip` its bytes), UTF-16 without one, else UTF-8 — which only the
 * whole file can confirm: when some byte is not UTF-8, the file is in the one-byte code page
 * `otherwise` (Cyrillic 1251 or Western 1252, decided on these first bytes). `decodeText` is this
 * over the whole file; a streamed read decodes UTF-8 with `fatal` and starts again in `otherwise`
 * when it fails.
 */
export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
  skip: number;
  otherwise?: 'windows-1251' | 'windows-1252';
}

/** How many leading bytes `detectEncoding` needs to decide as it would on the whole file. */
export const SAMPLE_BYTES = SAMPLE;

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const n = bytes.length;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true, skip: 3 };
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true, skip: 2 };
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true, skip: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false, skip: 0 };
  return { encoding: 'utf-8', bom: false, skip: 0, otherwise: looksCyrillic1251(bytes) ? 'windows-1251' : 'windows-1252' };
}

/** A decoder for `encoding` as `decodeText` uses it (a BOM not skipped stays visible); `fatal`: throw on bytes that are not this encoding. */
export function textDecoder(encoding: TextEncoding, fatal = false): TextDecoder {
  return new TextDecoder(encoding, { ignoreBOM: true, fatal });
}

function decode(encoding: TextEncoding, bytes: Uint8Array): string {
  // ignoreBOM: a BOM we did not strip stays visible rather than being silently eaten twice
  return textDecoder(encoding).decode(bytes);
}

/** UTF-16 without a BOM: in the first bytes, NUL sits in every other byte (ASCII text). */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const m = Math.min(bytes.length, 512) & ~1;
  if (m < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < m; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = m / 2;
  if (oddNul >= pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/**
 * Cyrillic Windows-1251 rather than Western Windows-1252: most high bytes are Cyrillic letters
 * (0xC0–0xFF, 0xA8, 0xB8) and they come in runs (Russian words), where Western text has single
 * accented letters between ASCII ones.
 */
function looksCyrillic1251(bytes: Uint8Array): boolean {
  const m = Math.min(bytes.length, SAMPLE);
  let high = 0;
  let letters = 0;
  let inRuns = 0;
  for (let i = 0; i < m; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) letters++;
    if ((i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < m && bytes[i + 1] >= 0x80)) inRuns++;
  }
  return high > 0 && letters >= high * 0.8 && inRuns >= high * 0.6;
}
