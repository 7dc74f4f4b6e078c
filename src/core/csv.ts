/**
 * CSV text to rows of strings (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF, a leading BOM, Excel's `sep=;` first line). The delimiter is detected
 * among `,` `;` tab and `|` (Russian Excel saves CSV with `;`). Cells stay text: numbers and
 * dates are read later by parseMoney / parseDate with the column's locale, so `1 234,50` survives.
 *
 * @example parseCsv('a;b\n"x;1";2') // [['a','b'],['x;1','2']]
 */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** How many lines the delimiter is decided on. */
const DELIMITER_LINES = 50;

/**
 * The delimiter whose field counts agree over the first lines, not the most frequent character
 * on one line: a `;` file with "Выручка, руб." in its header and decimal commas (`1 234,50`)
 * splits into the same number of fields on every line only by `;`. For each candidate, the most
 * common field count above 1 is found and the lines that have it are counted; the candidate
 * with most such lines, weighted by the fields they split into, wins; on a tie, more fields,
 * then tab, `;`, `|`, `,` (a comma is the character most often found inside text and
 * numbers). Title lines (one field) do not vote.
 */
export function detectDelimiter(text: string): string {
  const hint = sepLine(text);
  if (hint) return hint.delimiter;
  const k = CSV_DELIMITERS.length;
  const lines: number[][] = []; // per line, the count of each candidate
  let counts = new Array<number>(k).fill(0);
  let blank = true;
  let q = false;
  for (let i = 0; i < text.length && lines.length < DELIMITER_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      q = !q;
      blank = false;
    } else if (!q && (ch === '\n' || ch === '\r')) {
      if (!blank) lines.push(counts);
      counts = new Array<number>(k).fill(0);
      blank = true;
    } else {
      if (!q) {
        const d = CSV_DELIMITERS.indexOf(ch as (typeof CSV_DELIMITERS)[number]);
        if (d >= 0) counts[d]++;
      }
      if (ch !== ' ') blank = false;
    }
  }
  if (!blank && lines.length < DELIMITER_LINES) lines.push(counts);
  let best = ',';
  let bestScore = 0;
  let bestFields = 0;
  let bestRank = -1;
  const rank: Record<string, number> = { '\t': 3, ';': 2, '|': 1, ',': 0 };
  for (let d = 0; d < k; d++) {
    const freq = new Map<number, number>();
    for (const c of lines) if (c[d] > 0) freq.set(c[d] + 1, (freq.get(c[d] + 1) ?? 0) + 1);
    let fields = 0;
    let agree = 0;
    for (const [f, n] of freq) if (n > agree || (n === agree && f > fields)) [fields, agree] = [f, n];
    const delim = CSV_DELIMITERS[d];
    // lines that agree, weighted by the fields they split into: a title line with a comma and
    // decimal commas (2 fields a line) lose to the `;` that splits every table line into 3
    const score = agree * (fields - 1);
    if (score > bestScore || (score === bestScore && score > 0 && (fields > bestFields || (fields === bestFields && rank[delim] > bestRank)))) {
      best = delim;
      bestScore = score;
      bestFields = fields;
      bestRank = rank[delim];
    }
  }
  return best;
}

/** Excel's `sep=;` first line: the delimiter it names and where the table starts. */
function sepLine(text: string): { delimiter: string; skip: number } | undefined {
  const m = /^\ufeff?sep=(.)\r?\n/i.exec(text.slice(0, 12));
  return m ? { delimiter: m[1], skip: m[0].length } : undefined;
}

export function parseCsv(text: string, delimiter?: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hint = sepLine(text);
  if (hint) text = text.slice(hint.skip);
  const d = delimiter ?? hint?.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  CsvScanner.of(d).push(text, true, (row) => {
    rows.push(row.fields());
  });
  return rows;
}

/**
 * The start of a CSV text as `parseCsv` reads it: without a leading BOM and Excel's `sep=;`
 * line; `delimiter` is the one that line names, if any. For a streamed read, on its first piece
 * (at least 12 characters, or all there is).
 */
export function csvPrelude(text: string): { skip: number; delimiter?: string } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const hint = sepLine(bom ? text.slice(1) : text);
  return { skip: bom + (hint?.skip ?? 0), delimiter: hint?.delimiter };
}

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(v: string | number | null | undefined, delimiter = ','): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV grammar, incrementally: text goes in by pieces (`push`), complete rows come out as
 * they end. `parseCsv` is this scanner over one string, so the command line's streamed read and
 * the whole-text parse are one grammar: quoted fields (`"a;b"`, doubled quotes, line breaks
 * inside quotes; anything after the closing quote up to the delimiter is kept: `"a"b` → `ab`),
 * CRLF, LF or CR line ends, a delimiter at the very end adds an empty field, and a quote never
 * closed runs to the end of the text.
 *
 * A row is handed to `onRow` as a view over the text (`CsvRow`): a field is sliced only when
 * asked for, so a reader that needs 3 of 12 columns makes 3 strings a row. A piece that ends
 * inside a row keeps that row for the next piece; a row longer than `maxRowChars` (a quote never
 * closed in a large file) stops the scan with a `CsvRowTooLongError` instead of growing one
 * string without bound.
 */
export class CsvRowTooLongError extends Error {
  constructor(
    public readonly row: number,
    public readonly chars: number,
  ) {
    super(`CSV row ${row + 1} is longer than ${chars} characters (a quote that never closes?)`);
    this.name = 'CsvRowTooLongError';
  }
}

/** One row of the scanner: fields by index, sliced on demand. Valid only inside `onRow`. */
export interface CsvRow {
  /** Zero-based row number (the first row after a `sep=` line is 0). */
  readonly index: number;
  readonly length: number;
  field(i: number): string;
  /** Every field, as strings. */
  fields(): string[];
}

export class CsvScanner implements CsvRow {
  private buf = '';
  private pos = 0;
  /** Field bounds of the current row: start, end (exclusive) and, for a quoted field, its closing quote (-1: not quoted). */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private quotes = new Int32Array(64);
  private n = 0;
  private rows = 0;
  /** Don't rescan an unfinished row before the buffer holds this many characters after it (geometric: linear in all). */
  private waitFor = 0;
  index = 0;
  length = 0;

  constructor(
    private readonly d: number,
    private readonly maxRowChars = Infinity,
  ) {}

  static of(delimiter: string, maxRowChars?: number): CsvScanner {
    return new CsvScanner(delimiter.charCodeAt(0), maxRowChars);
  }

  /** Rows scanned so far. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Scan `text` after what came before; `last`: the end of the input. `onRow` returns `false`
   * to stop (the rest stays unscanned).
   */
  push(text: string, last: boolean, onRow: (row: CsvRow) => boolean | void): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    if (!last && this.buf.length < this.waitFor) return;
    this.waitFor = 0;
    const buf = this.buf;
    const n = buf.length;
    const d = this.d;
    for (;;) {
      let i = this.pos;
      if (i >= n) break;
      const rowStart = i;
      let f = 0;
      let complete = false;
      for (;;) {
        if (f === this.starts.length) this.grow();
        let qend = -1;
        let j: number;
        if (buf.charCodeAt(i) === 34) {
          // quoted: the closing quote is a quote not followed by another
          let k = i + 1;
          for (;;) {
            k = buf.indexOf('"', k);
            if (k < 0 || (k + 1 >= n && !last)) break;
            if (buf.charCodeAt(k + 1) === 34) k += 2;
            else break;
          }
          if (k < 0) {
            if (!last) break;
            // never closed: the rest of the text
            this.starts[f] = i;
            this.quotes[f] = n;
            this.ends[f++] = n;
            i = n;
            complete = true;
            break;
          }
          if (k + 1 >= n && !last) break;
          qend = k;
          j = k + 1;
        } else j = i;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === d || c === 10 || c === 13) break;
          j++;
        }
        if (j >= n && !last) break;
        this.starts[f] = i;
        this.quotes[f] = qend;
        this.ends[f++] = j;
        i = j;
        if (i >= n) {
          complete = true;
          break;
        }
        const c = buf.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n) {
            if (!last) break;
            if (f === this.starts.length) this.grow();
            this.starts[f] = i;
            this.quotes[f] = -1;
            this.ends[f++] = i;
            complete = true;
            break;
          }
          continue;
        }
        if (c === 13) {
          if (i + 1 >= n && !last) break;
          i++;
          if (buf.charCodeAt(i) === 10) i++;
        } else i++;
        complete = true;
        break;
      }
      if (!complete) {
        if (n - rowStart > this.maxRowChars) throw new CsvRowTooLongError(this.rows, this.maxRowChars);
        // wait until the unfinished row has at least doubled before scanning it again
        this.waitFor = 2 * (n - rowStart);
        this.pos = rowStart;
        return;
      }
      this.pos = i;
      this.n = f;
      this.length = f;
      this.index = this.rows++;
      if (onRow(this) === false) return;
    }
    this.pos = n;
  }

  field(i: number): string {
    if (i >= this.n) return undefined as unknown as string;
    const s = this.starts[i];
    const e = this.ends[i];
    const q = this.quotes[i];
    if (q < 0) return this.buf.slice(s, e);
    // inside quotes every quote is doubled (a single one would have closed the field)
    const inner = this.buf.slice(s + 1, q);
    return (inner.includes('"') ? inner.replace(/""/g, '"') : inner) + (q + 1 < e ? this.buf.slice(q + 1, e) : '');
  }

  fields(): string[] {
    const out = new Array<string>(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.field(i);
    return out;
  }

  private grow(): void {
    const m = this.starts.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(m);
      b.set(a);
      return b;
    };
    this.starts = g(this.starts);
    this.ends = g(this.ends);
    this.quotes = g(this.quotes);
  }
}
