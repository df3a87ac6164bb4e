import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { downloadBlob } from '../../download';
import { ChartCanvas } from './chart-canvas';
import { toCsv } from './csv';
import { chartPng } from './export-png';
import type { FigureSpec } from './figures';

/**
 * One figure: its title and what it says, the chart, the same numbers as a table beside it (the
 * table is what a screen reader reads; the chart is an image named by the headline), and the
 * exports of both.
 */
export function FigureCard(props: { figure: FigureSpec; period: string; fileStem: string; children?: ReactNode }) {
  const { figure, period, fileStem, children } = props;
  const titleId = useId();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileName = `${fileStem}-${figure.id}`;

  const exportCsv = () => downloadBlob(new Blob([toCsv(figure.table.columns, figure.table.rows.map((r) => r.cells))], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  const exportPng = () => {
    if (!canvas.current) return;
    chartPng(canvas.current, figure.title, period)
      .then((blob) => {
        setProblem(null);
        downloadBlob(blob, `${fileName}.png`);
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };

  return (
    <section className="figure" aria-labelledby={titleId} data-figure={figure.id} data-layout={figure.table.columns.length > 3 ? 'stacked' : 'side'}>
      <header className="figure-head">
        <h3 id={titleId}>{figure.title}</h3>
        <div className="figure-tools">
          <button type="button" className="secondary small" onClick={exportCsv} aria-label={`Export ${figure.title} as CSV`}>
            CSV
          </button>
          <button type="button" className="secondary small" onClick={exportPng} disabled={figure.empty} aria-label={`Export ${figure.title} as PNG`}>
            PNG
          </button>
        </div>
      </header>
      <p className="figure-headline">{figure.headline}</p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="figure-body">
        {figure.empty ? (
          <p className="figure-empty muted">Nothing to draw for this period.</p>
        ) : (
          <ChartCanvas spec={figure.chart} label={`${figure.title}: ${figure.headline}`} canvasRef={(c) => (canvas.current = c)} />
        )}
        <div className="figure-table" role="region" aria-label={`${figure.title}, as a table`} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{figure.title}</caption>
            <thead>
              <tr>
                {figure.table.columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? 'number' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figure.table.rows.map((row, r) => (
                <tr key={r}>
                  {row.shown.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="number">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="figure-about hint">{figure.about}</p>
      {children}
    </section>
  );
}
