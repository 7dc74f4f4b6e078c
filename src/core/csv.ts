/**
 * CSV text to rows of strings (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF, a leading BOM). The delimiter is detected from the first lines among
 * `,` `;` and tab (Russian Excel saves CSV with `;`). Cells stay text: numbers and dates are
 * read later by parseMoney / parseDate with the column's locale, so `1 234,50` survives.
 *
 * @example parseCsv('a;b\n"x;1";2') // [['a','b'],['x;1','2']]
 */
export function detectDelimiter(text: string): string {
  // the first 20 lines, so a title line above the table does not decide
  let end = 0;
  for (let k = 0; k < 20 && end >= 0; k++) end = text.indexOf('\n', end + 1);
  const head = end >= 0 ? text.slice(0, end) : text;
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let q = false;
    for (const ch of head) {
      if (ch === '"') q = !q;
      else if (!q && ch === d) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function parseCsv(text: string, delimiter?: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const d = delimiter ?? detectDelimiter(text);
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
