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
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) {
          s += text.slice(j);
          j = n;
          break;
        }
        s += text.slice(j, k);
        if (text[k + 1] === '"') {
          s += '"';
          j = k + 2;
        } else {
          j = k + 1;
          break;
        }
      }
      field = s;
      i = j;
      // skip anything up to the delimiter or line end (malformed "a"b → a b kept)
      while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      let j = i;
      while (j < n && text[j] !== d && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    if (text[i] === d) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(v: string | number | null | undefined, delimiter = ','): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}
