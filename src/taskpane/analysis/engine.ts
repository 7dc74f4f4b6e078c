import { analyzeGrid } from '../../core/analyze';
import type { CellValue } from '../../core/cells';
import { detectTable } from '../../core/table';
import { userMessage } from '../../excel/errors';
import { CLIENTS_PER_MESSAGE, FromWorker, packPeriods, ToWorker } from './protocol';

/**
 * The worker's side of the protocol, as a plain class so that tests can drive it without a
 * Worker: it keeps the one grid being received and runs core's `analyzeGrid` on it — the same
 * call the command line makes — then posts the result in slices.
 */
export class AnalysisEngine {
  private grid = -1;
  private rows: CellValue[][] = [];
  private complete = false;

  constructor(private readonly post: (m: FromWorker) => void) {}

  handle(m: ToWorker): void {
    switch (m.kind) {
      case 'rows':
        if (m.grid !== this.grid) {
          this.grid = m.grid;
          this.rows = [];
          this.complete = false;
        }
        {
          const rows = JSON.parse(m.json) as CellValue[][];
          for (let i = 0; i < rows.length; i++) this.rows[m.start + i] = rows[i];
        }
        return;
      case 'end':
        if (m.grid !== this.grid) {
          // an empty grid sends no rows
          this.grid = m.grid;
          this.rows = [];
        }
        this.rows.length = m.rowCount;
        this.complete = true;
        return;
      case 'analyze':
        this.analyze(m.job, m.grid, m.request);
        return;
      case 'detect':
        try {
          if (m.grid !== this.grid || !this.complete) throw new Error(`Internal error: the analysis worker does not hold grid ${m.grid}.`);
          this.post({ kind: 'detected', job: m.job, detection: detectTable(this.rows, m.options) });
        } catch (e) {
          this.post({ kind: 'failed', job: m.job, messages: { en: userMessage(e, 'en'), ru: userMessage(e, 'ru') } });
        }
        return;
    }
  }

  private analyze(job: number, grid: number, request: Extract<ToWorker, { kind: 'analyze' }>['request']): void {
    try {
      if (grid !== this.grid || !this.complete) throw new Error(`Internal error: the analysis worker does not hold grid ${grid}.`);
      this.post({ kind: 'started', job });
      const { clients, ...rest } = analyzeGrid(this.rows, request);
      this.post({ kind: 'summary', job, analysis: rest, total: clients.length });
      for (let start = 0; start < clients.length; start += CLIENTS_PER_MESSAGE) {
        const slice = clients.slice(start, start + CLIENTS_PER_MESSAGE);
        const periods = packPeriods(slice);
        this.post(periods ? { kind: 'clients', job, start, clients: slice.map((c) => (c.periods ? { ...c, periods: undefined } : c)), periods } : { kind: 'clients', job, start, clients: slice });
      }
      this.post({ kind: 'done', job });
    } catch (e) {
      this.post({ kind: 'failed', job, messages: { en: userMessage(e, 'en'), ru: userMessage(e, 'ru') } });
    }
  }
}
