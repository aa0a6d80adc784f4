// One line chart drawn by uPlot (pinned in package.json), with its numbers as a table beside it:
// the canvas is hidden from assistive technology, the table is the chart for screen readers (and
// for anyone who presses "Show the numbers", and in print).
import { useEffect, useRef, useState } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: number[];
}

export interface Column<R> {
  key: keyof R & string;
  label: string;
}

interface Props<R> {
  id: string;
  title: string;
  /** x values: hours (0-23) or dates (YYYY-MM-DD). */
  x: (number | string)[];
  xLabel: string;
  yLabel: string;
  series: Series[];
  rows: R[];
  columns: Column<R>[];
}

const toSeconds = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

export function Chart<R extends Record<string, unknown>>({ id, title, x, xLabel, yLabel, series, rows, columns }: Props<R>) {
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const dates = typeof x[0] === "string";
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = dates ? (x as string[]).map(toSeconds) : (x as number[]);
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 240,
      // Dates are calendar days of the location: drawn in UTC so the browser's zone never shifts them.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: dates } },
      axes: [{ label: xLabel }, { label: yLabel }],
      legend: { show: true },
      cursor: { show: true },
      series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, dash: s.dash, spanGaps: false, points: { show: xs.length <= 31 } }))],
    };
    const plot = new uPlot(opts, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify([x, series])]);
  return (
    <figure class="chart-figure" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption class="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" class="btn ghost small no-print" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable(!showTable)}>
          {showTable ? "Hide the numbers" : "Show the numbers"}
        </button>
      </figcaption>
      <div class="chart" ref={box} aria-hidden="true" />
      {/* Hidden: clipped to nothing but read (and printed); not overflow-hidden, so never a scroll region. Shown: a scrollable region, so it takes keyboard focus. */}
      <div class={showTable ? "table-wrap" : "sr-table"} id={`${id}-table`} {...(showTable ? { tabIndex: 0, role: "region", "aria-label": `${title}, table` } : {})}>
        <DataTable caption={title} rows={rows} columns={columns} />
      </div>
    </figure>
  );
}

export function DataTable<R extends Record<string, unknown>>({ caption, rows, columns, captionHidden }: { caption: string; rows: R[]; columns: Column<R>[]; captionHidden?: boolean }) {
  return (
    <table class="data">
      <caption class={captionHidden ? "sr-only" : undefined}>{caption}</caption>
      <thead>
        <tr>{columns.map((c) => <th scope="col" key={c.key}>{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c, j) => (j === 0 ? <th scope="row" key={c.key}>{show(r[c.key])}</th> : <td key={c.key}>{show(r[c.key])}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  return String(v);
}
