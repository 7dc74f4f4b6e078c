import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { columnLetters, EN_SEPARATORS, formatText, RU_SEPARATORS } from './standin';
import { CellError, SheetModel, WorkbookModel } from './standin/model';
import { calculatorFor, Evaluated, Registry } from './formulas';

/**
 * A read-only spreadsheet grid over the stand-in's model: sheet tabs, column letters, row numbers,
 * values shown through their number formats, bold and fills (also from cell-value conditional
 * formats with a constant, such as the tier colours), hidden rows skipped, and CLIENTS.*
 * formulas evaluated with the real custom functions (dynamic arrays spill below their cell).
 * Rows are virtualised, so a 100,000-row sheet scrolls smoothly.
 */
const ROW = 22;
const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  scroller: { flex: 1, overflow: 'auto', position: 'relative', fontSize: '12px' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed' },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: 'normal',
    height: `${ROW}px`,
    color: tokens.colorNeutralForeground2,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
    paddingRight: '4px',
    color: tokens.colorNeutralForeground2,
    width: '48px',
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    height: `${ROW - 2}px`,
    padding: '0 4px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
  },
  tabs: { display: 'flex', gap: '2px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px', overflowX: 'auto' },
  tab: {
    border: 'none',
    padding: '4px 12px',
    cursor: 'pointer',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, fontWeight: 'bold', borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
});

interface Props {
  model: WorkbookModel;
  registry: Registry;
  version: number;
  sheet: number;
  onSheet: (i: number) => void;
  /** The display language: digits grouped and decimals marked as that locale's Excel shows them. */
  lang?: 'en' | 'ru';
}


/** Evaluated CLIENTS formulas of a sheet, with spills: "r,c" → value. */
function formulaValues(sheet: SheetModel, model: WorkbookModel, registry: Registry): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  const calc = calculatorFor(model, registry); // only formulas whose inputs changed are recalculated
  for (const [r, c, f] of sheet.formulaCells()) {
    const v: Evaluated | undefined = calc.value(f, sheet, r, c);
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      v.forEach((row, i) => row.forEach((x, j) => out.set(`${r + i},${c + j}`, x)));
    } else out.set(`${r},${c}`, v);
  }
  return out;
}

export function Grid({ model, registry, version, sheet: index, onSheet, lang = 'en' }: Props) {
  const sep = lang === 'ru' ? RU_SEPARATORS : EN_SEPARATORS;
  const styles = useStyles();
  const sheet = model.sheets[Math.min(index, model.sheets.length - 1)];
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(800);
  const used = useMemo(() => sheet?.usedRange(false) ?? null, [sheet, version]);
  const formulas = useMemo(() => (sheet ? formulaValues(sheet, model, registry) : new Map()), [sheet, model, registry, version]);
  const lastRow = Math.max(used ? used.r1 + 1 : 0, 30) + 5;
  // The rows not hidden: listed only when some are hidden (and then once per change of the
  // workbook). Listing a full-height sheet's million rows on each redraw cost the page thread —
  // the pane's thread in this page — 100–300 ms after every batch the pane ran.
  const anyHidden = sheet ? sheet.countHiddenRows(0, lastRow - 1) > 0 : false;
  const visible = useMemo(() => {
    const out: number[] = [];
    if (sheet && anyHidden) for (let r = 0; r < lastRow; r++) if (!sheet.isRowHidden(r)) out.push(r);
    return out;
  }, [sheet, lastRow, anyHidden, version]);
  if (!sheet) return null;
  const lastCol = Math.max(used ? used.c1 + 1 : 0, 8) + 2;
  const first = Math.max(0, Math.floor(top / ROW) - 10);
  const count = Math.ceil(height / ROW) + 20;
  const shown = anyHidden ? visible.length : lastRow;
  const rows = anyHidden ? visible.slice(first, first + count) : Array.from({ length: Math.max(0, Math.min(count, lastRow - first)) }, (_, i) => first + i);
  const widthOf = (c: number) => Math.max(40, Math.round(sheet.getColumnWidth(c) * 1.33));
  const show = (r: number, c: number): { text: string; number: boolean } => {
    const f = formulas.get(`${r},${c}`);
    if (f !== undefined) return { text: typeof f === 'number' ? formatText(f, sheet.getNumberFormat(r, c), sep) : String(f), number: typeof f === 'number' };
    const v = sheet.getValue(r, c);
    if (v === undefined || v === null) return { text: '', number: false };
    if (v instanceof CellError) return { text: v.code, number: false };
    return { text: formatText(v, sheet.getNumberFormat(r, c), sep), number: typeof v === 'number' };
  };
  return (
    <div className={styles.wrap}>
      <div
        className={styles.scroller}
        ref={scroller}
        role="region"
        aria-label={`Sheet ${sheet.name}`}
        tabIndex={0}
        data-testid="grid"
        onScroll={(e) => {
          setTop(e.currentTarget.scrollTop);
          setHeight(e.currentTarget.clientHeight);
        }}
      >
        <table className={styles.table} data-sheet={sheet.name}>
          <colgroup>
            <col style={{ width: 48 }} />
            {Array.from({ length: lastCol }, (_, c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.th} />
              {Array.from({ length: lastCol }, (_, c) => (
                <th key={c} className={styles.th} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr style={{ height: first * ROW }} aria-hidden="true" />}
            {rows.map((r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: lastCol }, (_, c) => {
                  const { text, number } = show(r, c);
                  // a matching conditional format wins over the cell's own fill, as in Excel
                  const conditional = sheet.conditionalStyleAt(r, c);
                  const fill = conditional?.fill ?? sheet.getFill(r, c);
                  const color = conditional?.fontColor ?? (fill ? '#000' : undefined);
                  return (
                    <td
                      key={c}
                      className={styles.td}
                      data-cell={`${columnLetters(c)}${r + 1}`}
                      title={text.length > 20 ? text : undefined}
                      style={{ textAlign: number ? 'right' : 'left', fontWeight: sheet.getBold(r, c) ? 600 : undefined, backgroundColor: fill ?? undefined, color }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
            {first + count < shown && <tr style={{ height: (shown - first - count) * ROW }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {model.sheets.map((s, i) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            className={`${styles.tab} ${s === sheet ? styles.tabActive : ''}`}
            onClick={() => {
              onSheet(i);
              if (scroller.current) scroller.current.scrollTop = 0;
              setTop(0);
            }}
            data-testid={`sheet-tab-${s.name}`}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
