import { parseArgs } from 'util';
import { promises as fs } from 'fs';
import * as path from 'path';
// narrow core modules, not the core index (start-up, issue 17): zod, ExcelJS, fflate and the
// writers load only for the commands that use them
import { analysisSummary, analyzeGrid, Analysis, AnalyzeOptions } from '../core/analyze';
import { CLIENT_SHEET_NAMES, previousFromClientSheet } from '../core/resultColumns';
import { defaultRules, defaultRulesLang, RuleSet, RuleSetError, ruleSetFromJson } from '../core/rules';
import { detectTable, resolveColumn, Role, ROLES } from '../core/table';
import { formatAmount, formatPercent, Lang } from '../core/format';
import { isoToDay } from '../core/parseDate';
import { renderMessage } from '../core/messages';
import { STATUS_LABELS, TierStatus } from '../core/tiering';
import { fileKind, InputError, InputFile, pickSheet, readInput, SheetGrid } from './readInput';
import { sameFile } from './safeWrite';
import { forTerminal } from './terminal';
import { excel, render } from '../core/i18n';

export const USAGE = `Client Tiers — tiers, Pareto (ABC) and revenue concentration for a client sheet.

Usage:
  client-tiers analyze FILE [options]           print the analysis (a table, or JSON with --json)
  client-tiers apply FILE --out OUT.xlsx [options]
                                                write a copy with Tier, ABC, Status and Reason
                                                columns and a summary sheet (FILE is never changed)

FILE is an .xlsx workbook or a .csv / .csv.gz file (one row per client, or a transaction log).

Options:
  --sheet NAME            sheet to read (default: the first sheet with a client table)
  --client COL            client column, by header text or letter (e.g. "Клиент" or B)
  --amount COL            amount (revenue) column
  --date COL              date column (transaction logs)
  --margin COL            margin column (for rules with "measure": "margin")
  --rules rules.json      rule set (default: Pareto 50/80 — VIP = first 50% of revenue, Key = up to 80%)
  --as-of YYYY-MM-DD      end of the review window (default: the latest date in the log); also the
                          review date when --review-date is not given
  --review-date YYYY-MM-DD
                          the review's date (default: --as-of, else today). Its review period
                          (January–June or July–December unless the rules say otherwise) decides
                          grace: a review in the same period as the last one replaces that period's
                          decision; only a review in a later period counts as another review
  --history continue|restart
                          when the rules changed since the last review in the Tier history: continue
                          that history or start anew (without it such a review is refused)
  --window-months N|all   review window in months (default: the rule set's, 6)
  --lang en|ru            language of the written columns and the summary (default: from the headers)
  --number-locale en|ru   how to read "1,234" when nothing in the column decides: en = 1234, ru = 1.234
  --json                  analyze: print one JSON object
  --out OUT.xlsx          apply: the file to write
  --overwrite             apply: replace your own columns or sheets that have our names
                          ("ABC", "Причина", "Tier summary"…); without it ours get new names
  --force                 apply: write the copy even if it loses something of the workbook
                          (charts, protection, names…; without it apply lists them and stops)
  -h, --help              this help
`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Run the command line; resolves to the exit code (0 ok, 1 bad data, 2 bad usage). */
export async function run(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // everything printed may carry names from the file: no control characters or escape sequences
  const io: Io = { out: (s) => rawIo.out(forTerminal(s)), err: (s) => rawIo.err(forTerminal(s)) };
  // the language of messages from core (no table found, rule-set problems…): --lang, else English
  const said: { lang?: Lang } = {};
  try {
    return await runInner(argv, io, said);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`client-tiers: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const messages = (e as { messages?: Partial<Record<Lang, string>> } | null)?.messages;
    const text = messages?.[said.lang ?? 'en'] ?? (e as Error)?.message ?? String(e);
    io.err(`client-tiers: ${text}\n`);
    return 1;
  }
}

async function runInner(argv: string[], io: Io, said: { lang?: Lang }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        client: { type: 'string' },
        amount: { type: 'string' },
        date: { type: 'string' },
        margin: { type: 'string' },
        rules: { type: 'string' },
        'as-of': { type: 'string' },
        history: { type: 'string' },
        'review-date': { type: 'string' },
        'window-months': { type: 'string' },
        lang: { type: 'string' },
        'number-locale': { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        overwrite: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'analyze' && command !== 'apply') throw new UsageError(`Unknown command "${command}". Use analyze or apply.`);
  if (!file) throw new UsageError(`${command} needs a FILE.`);
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (command === 'apply' && !values.out) throw new UsageError('apply needs --out OUT.xlsx.');
  if (command === 'analyze' && values.out) throw new UsageError('--out is for apply.');
  if (command === 'analyze' && (values.overwrite || values.force)) throw new UsageError('--overwrite and --force are for apply.');
  let lang: Lang | undefined;
  if (values.lang !== undefined) {
    if (values.lang !== 'en' && values.lang !== 'ru') throw new UsageError(`--lang must be en or ru (got "${values.lang}").`);
    lang = values.lang;
    said.lang = lang;
  }

  const numberLocale = values['number-locale'];
  if (numberLocale !== undefined && numberLocale !== 'en' && numberLocale !== 'ru') throw new UsageError(`--number-locale must be en or ru (got "${numberLocale}").`);

  const historyMode = values.history;
  if (historyMode !== undefined && historyMode !== 'continue' && historyMode !== 'restart') throw new UsageError(`--history must be continue or restart (got "${historyMode}").`);
  let rules: RuleSet | undefined;
  if (values.rules) {
    let text: string;
    try {
      text = await fs.readFile(values.rules, 'utf8');
    } catch {
      throw new InputError(`Cannot read the rules file ${values.rules}.`);
    }
    try {
      rules = ruleSetFromJson(text);
    } catch (e) {
      if (e instanceof RuleSetError) {
        const file = path.basename(values.rules!);
        const list = (l: Lang) => e.problemsIn(l).map((p) => `\n- ${file}: ${p}`).join('');
        const messages = { en: `The rule set is not valid:${list('en')}`, ru: `Правила заданы неверно:${list('ru')}` };
        throw new InputError(messages.en, messages);
      }
      throw e;
    }
  }
  let asOfDay: number | undefined;
  if (values['as-of'] !== undefined) {
    asOfDay = isoToDay(values['as-of']);
    if (asOfDay === undefined) throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${values['as-of']}").`);
  }
  let reviewDateDay: number | undefined;
  if (values['review-date'] !== undefined) {
    reviewDateDay = isoToDay(values['review-date']);
    if (reviewDateDay === undefined) throw new UsageError(`--review-date must be a date YYYY-MM-DD (got "${values['review-date']}").`);
  }
  let windowMonths: number | 'all' | undefined;
  const wm = values['window-months'];
  if (wm !== undefined) {
    if (wm.trim().toLowerCase() === 'all') windowMonths = 'all';
    else if (/^\d+$/.test(wm.trim()) && +wm >= 1 && +wm <= 120) windowMonths = +wm;
    else throw new UsageError(`--window-months must be a whole number from 1 to 120, or "all" (got "${wm}").`);
  }
  if (values.out) {
    const outAbs = path.resolve(values.out);
    if (outAbs === path.resolve(file)) throw new UsageError('--out must differ from the input file: the input is never modified.');
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError('--out must end with .xlsx.');
    // the same file under another spelling: letter case on a case-insensitive file system, a link
    if (await sameFile(file, values.out)) throw new UsageError(`--out names the input file (${values.out}); the input is never modified. Choose another name.`);
  }

  const refs = { client: values.client, amount: values.amount, date: values.date, margin: values.margin };
  // the review date: --review-date, else --as-of, else today; its period decides what the Tier history counts
  const reviewDay = reviewDateDay ?? asOfDay ?? Math.floor(Date.now() / 86400000);
  // the default rules are named in the sheet's language (VIP / Ключевой / Базовый in a Russian one)
  const rulesFor = (sheet: SheetGrid, detect: AnalyzeOptions['detect']): RuleSet => {
    if (rules) return rules;
    const table = detectedOrNull(sheet, detect);
    const tierCol = table?.columns.tier?.index;
    rules = defaultRules(defaultRulesLang(lang ?? guessLang(table?.headers ?? []), tierCol === undefined || !table ? [] : sheet.grid.slice(table.firstDataRow, table.endRow).map((r) => r[tierCol])));
    return rules;
  };
  const optionsFor = (sheet: SheetGrid): AnalyzeOptions => {
    const detect = resolveOverrides(sheet, refs);
    return { rules: rulesFor(sheet, detect), asOfDay, reviewDay, restartHistory: historyMode === 'restart', windowMonths, detect, numberLocale, formulasWithoutValue: sheet.formulasWithoutValue, inputNotes: sheet.notes };
  };
  let input: InputFile | undefined;
  let sheet: SheetGrid;
  let analysis: Analysis;
  let historyName: string | undefined;
  if (command === 'analyze' && fileKind(file) === 'csv') {
    // a CSV log streams into the analysis (memory grows with the clients, not the rows); a CSV has no Tier history
    const { analyzeCsv } = await import('./csvStream');
    ({ sheet, analysis } = await analyzeCsv(file, (head) => optionsFor(head), values.sheet));
  } else {
    // an .xlsx is streamed (no workbook model); apply loads one only when it must (applyWorkbook)
    input = await readInput(file, { workbook: false });
    sheet = pickSheet(input, values.sheet);
    const options = optionsFor(sheet);
    // apply reads the sheets it marked; analyze streams the .xlsx (no workbook model, no marks) and
    // reads the sheets with our names
    const previous = input.kind === 'xlsx' ? readPreviousState(input.sheets, command === 'apply' ? await markedSheetOf(file, 'clientSheet') : undefined) : undefined;
    const { historySheet, cliSource, cliPreviousState } = await import('./historySheet');
    const history = historySheet(input.sheets, command === 'apply' && input.kind === 'xlsx' ? await markedSheetOf(file, 'history') : undefined);
    historyName = history?.name;
    const table = detectedOrNull(sheet, options.detect);
    const source = table ? cliSource(sheet.name, { table }) : undefined;
    const state = source ? cliPreviousState(history, { rules: options.rules!, source, reviewDay, mode: historyMode as 'continue' | 'restart' | undefined }) : undefined;
    // a Tier history of this source decides every client's previous state (our own result columns and
    // client sheet were written by the last apply, possibly in this very period)
    const fromHistory = state !== undefined && state.rowsUsed > 0;
    analysis = analyzeGrid(sheet.grid, { ...options, previous: fromHistory ? state.previous : previous, previousComplete: fromHistory });
  }
  const outLang = lang ?? guessLang(analysis.table.headers);

  if (command === 'analyze') {
    if (values.json) io.out(JSON.stringify({ file: path.basename(file), sheet: sheet.name, ...analysisSummary(analysis, lang ?? 'en') }, null, 2) + '\n');
    else io.out(renderSummary(analysis, sheet.name, outLang));
    return 0;
  }
  said.lang ??= outLang; // what apply says about the write (lost parts, renamed columns) in the output's language
  const { LossError, writeApplied } = await import('./applyWorkbook');
  const { cliSource, historyValues } = await import('./historySheet');
  const written = await writeApplied(input!, sheet, analysis, values.out!, outLang, {
    overwrite: values.overwrite,
    force: values.force,
    history: { rows: historyValues(analysis, cliSource(sheet.name, analysis), outLang), sheet: historyName },
  });
  if (written.lost.length) {
    const lost = new LossError(written.lost);
    io.err(`client-tiers: ${lost.messages[outLang]}\n`.replace(/\n[^\n]*--force[^\n]*\n$/, '\n'));
  }
  for (const n of written.notes) io.err(`${outLang === 'ru' ? 'Примечание' : 'Note'}: ${renderMessage(n, outLang)}\n`);
  io.out(`${render(outLang, excel.cliWrote, { out: String(values.out), count: written.rows, sheet: written.sheet, summary: written.summarySheet })}\n`);
  return 0;
}

/** The sheet an earlier apply marked with one of our defined names (read from the workbook part). */
async function markedSheetOf(file: string, mark: 'clientSheet' | 'history'): Promise<string | undefined> {
  const [{ OWN }, { markedSheetInFile }] = await Promise.all([import('./applyWorkbook'), import('./xlsxWriter')]);
  return markedSheetInFile(file, OWN[mark]);
}

/** Turn --client/--amount/--date/--margin (header text or letter) into column indices. */
function resolveOverrides(sheet: SheetGrid, refs: Partial<Record<Role, string | undefined>>): AnalyzeOptions['detect'] {
  const given = Object.entries(refs).filter(([, v]) => v !== undefined) as Array<[Role, string]>;
  if (given.length === 0) return undefined;
  let headerRow = 0;
  try {
    headerRow = detectTable(sheet.grid).headerRow;
  } catch {
    headerRow = 0;
  }
  const headers = (sheet.grid[headerRow] ?? []).map((h) => (h === null || h === undefined ? '' : String(h)));
  const overrides: Partial<Record<Role, number>> = {};
  for (const [role, ref] of given) {
    if (!ROLES.includes(role)) continue;
    const idx = resolveColumn(ref, headers);
    if (idx === undefined) {
      const list = headers.filter(Boolean).map((h) => `"${h}"`).join(', ');
      throw new InputError(`--${role}: no column "${ref}" in header row ${headerRow + 1} of sheet "${sheet.name}". Headers: ${list || '(none)'}.`);
    }
    overrides[role] = idx;
  }
  return { headerRow, overrides };
}

/** State of the previous review from the per-client sheet written by an earlier apply. */
function readPreviousState(sheets: SheetGrid[], marked?: string): AnalyzeOptions['previous'] {
  // the sheet apply marked as its own (a user's sheet may have the same name); else, for copies
  // written before the marks, the sheet with our name
  const names = [CLIENT_SHEET_NAMES.en, CLIENT_SHEET_NAMES.ru].map((n) => n.toLowerCase());
  const own = marked !== undefined ? sheets.find((s) => s.name === marked) : sheets.find((s) => names.includes(s.name.trim().toLowerCase()));
  return own ? previousFromClientSheet(own.grid) : undefined;
}

/** The table the analysis will find (for the default rules' language and the history's source); null: none (the analysis says why). */
function detectedOrNull(sheet: SheetGrid, detect: AnalyzeOptions['detect']): ReturnType<typeof detectTable> | null {
  try {
    return detectTable(sheet.grid, detect);
  } catch {
    return null;
  }
}

function guessLang(headers: string[]): Lang {
  return headers.some((h) => /[а-яё]/i.test(h)) ? 'ru' : 'en';
}

/** The readable summary `analyze` prints without --json. */
export function renderSummary(a: Analysis, sheetName: string, lang: Lang): string {
  const en = lang === 'en';
  const c = a.concentration;
  const money = (x: number) => formatAmount(x, lang).replace(/\u00a0/g, ' ');
  const pct = (x: number) => formatPercent(x, lang).replace(/\u00a0/g, ' ');
  const w = a.aggregation.window;
  const lines: string[] = [];
  const cols = Object.entries(a.table.columns)
    .map(([k, v]) => `${k}=${v!.letter} "${v!.header}"`)
    .join(', ');
  lines.push(`${en ? 'Sheet' : 'Лист'} "${sheetName}", ${en ? 'header row' : 'строка заголовков'} ${a.table.headerRow + 1}, ${en ? 'shape' : 'вид'}: ${a.table.shape}; ${cols}`);
  if (w) lines.push(`${en ? 'Review window' : 'Окно пересмотра'}: ${w.from || '…'} – ${w.to} (${w.months === 'all' ? (en ? 'all data' : 'все данные') : `${w.months} ${en ? 'months' : 'мес.'}`})`);
  lines.push(`${en ? 'Rules' : 'Правила'}: ${a.rules.name}`);
  lines.push('');
  const table: Array<[string, string]> = [
    [en ? 'Clients (total > 0)' : 'Клиентов (итог > 0)', String(c.clients)],
    [en ? 'Excluded (total <= 0)' : 'Исключено (итог <= 0)', String(c.excluded)],
    [en ? 'Total' : 'Итого', money(c.total)],
    [en ? 'Top-20% share' : 'Доля топ-20%', pct(c.top20Share)],
    [en ? 'Top-10 share' : 'Доля топ-10', pct(c.top10Share)],
    [en ? 'Gini' : 'Джини', en ? c.gini.toFixed(4) : c.gini.toFixed(4).replace('.', ',')],
    ['HHI', en ? c.hhi.toFixed(1) : c.hhi.toFixed(1).replace('.', ',')],
  ];
  for (const k of ['A', 'B', 'C'] as const) table.push([`ABC ${k}`, `${c.abc[k].clients} ${en ? 'clients' : 'клиентов'}, ${money(c.abc[k].revenue)} (${pct(c.total > 0 ? c.abc[k].revenue / c.total : 0)})`]);
  for (const b of a.bars) {
    const bar = b.minAmount !== null && Number.isFinite(b.minAmount) ? ` — ${en ? 'bar' : 'планка'} ${money(b.minAmount)}` : '';
    table.push([`${en ? 'Tier' : 'Уровень'} ${b.tier}`, `${a.tiers[b.tier].clients} ${en ? 'clients' : 'клиентов'}${bar}`]);
  }
  for (const [s, n] of Object.entries(a.statuses)) if (n > 0) table.push([`${en ? 'Status' : 'Статус'}: ${STATUS_LABELS[s as TierStatus][lang]}`, String(n)]);
  const width = table.reduce((w, [k]) => Math.max(w, k.length), 0);
  for (const [k, v] of table) lines.push(`  ${k.padEnd(width)}  ${v}`);
  const ag = a.aggregation;
  if (ag.duplicates.length) lines.push('', `${en ? 'Merged spellings / duplicate rows' : 'Объединены написания / повторы'}: ${ag.duplicates.length} (${ag.duplicates.slice(0, 5).map((d) => `"${d.name}"`).join(', ')}${ag.duplicates.length > 5 ? ', …' : ''})`);
  if (ag.issueCount) {
    lines.push('', `${en ? 'Cells left out' : 'Пропущено ячеек'}: ${ag.issueCount}`);
    for (const i of ag.issues.slice(0, 10)) lines.push(`  ${i.address}: ${i.value} — ${renderMessage(i, lang)}`);
  }
  for (const n of a.table.notes) lines.push(`${en ? 'Note' : 'Примечание'}: ${renderMessage(n, lang)}`);
  return lines.join('\n') + '\n';
}
