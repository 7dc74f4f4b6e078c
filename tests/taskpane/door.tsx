/**
 * The pane's workbook hook (usePane) around one panel, for tests of the dashboard and the notices
 * alone: the panel gets its data and callbacks from the hook exactly as App wires them, and the
 * hook's message bar is shown under `messageTestId`.
 */
import { ReactNode, useEffect } from 'react';
import type { Lang } from '../../src/core/format';
import type { ExcelRun } from '../../src/excel/host';
import { usePane } from '../../src/taskpane/usePane';

export type Door = ReturnType<typeof usePane>;

/** `init`: read what the workbook holds for the pane first (the notices need their saved templates; the dashboard nothing). */
export function WithDoor({ run, lang, messageTestId, init: load = true, children }: { run: ExcelRun; lang: Lang; messageTestId: string; init?: boolean; children: (door: Door) => ReactNode }) {
  const door = usePane(run, lang);
  const { init } = door.actions;
  useEffect(() => {
    if (load) void init();
    // once per workbook, as App does
  }, [run, init, load]);
  const m = door.state.message;
  return (
    <>
      {children(door)}
      {door.state.busy && <div data-testid="door-busy">{door.state.busy.label}</div>}
      {m && (
        <div data-testid={messageTestId} data-intent={m.intent}>
          {m.text}
          {m.items && (
            <ul>
              {m.items.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
