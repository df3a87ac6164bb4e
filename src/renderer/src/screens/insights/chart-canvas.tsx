/**
 * One chart, drawn by Chart.js on a canvas.
 *
 * Why Chart.js (4.6, MIT): it is one of the most used and best kept charting libraries, with no
 * dependency on React's internals (so React 19 is no concern: we own the canvas and hand it over),
 * and it draws on a canvas. That matters under the app's strict CSP (`style-src 'self'`): since
 * version 3 it injects no stylesheet and writes no `style` attribute in markup; it sizes the
 * canvas through CSSOM properties (`canvas.style.width = ...`), which the CSP allows. A canvas is
 * also what a PNG export needs; an SVG chart would have to be loaded into an image first, which
 * `img-src 'self'` forbids for blob: and data: addresses.
 *
 * Colours come from the stylesheet's custom properties (light and dark), read when the chart is
 * drawn and again whenever the colour scheme or the theme on <html> changes.
 */
import { useEffect, useRef, useState } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartColor, ChartSpec } from './figures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

interface Theme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly font: string;
  readonly colors: Record<ChartColor, string>;
}

const COLOR_NAMES: readonly ChartColor[] = ['series-1', 'series-2', 'series-3', 'series-4', 'good', 'fair', 'poor', 'bad', 'muted'];

function readTheme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--border'),
    font: css.fontFamily,
    colors: Object.fromEntries(COLOR_NAMES.map((c) => [c, read(`--chart-${c}`)])) as Record<ChartColor, string>,
  };
}

/** The theme now, and again whenever the colour scheme or a theme attribute on <html> changes. */
export function useChartTheme(): Theme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const update = () => setTheme(readTheme());
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] });
    return () => {
      scheme.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return theme;
}

const suffix = (unit: ChartSpec['unit']) => (unit === 'percent' ? '%' : unit === 'days' ? ' d' : '');

function configOf(spec: ChartSpec, theme: Theme): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
  const color = (c: ChartColor | readonly ChartColor[]) => (typeof c === 'string' ? theme.colors[c] : c.map((x) => theme.colors[x]));
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const datasets = spec.datasets.map(
    (d): ChartDataset<'bar' | 'line', (number | null)[]> =>
      d.kind === 'line'
        ? { type: 'line', label: d.label, data: [...d.data], borderColor: color(d.color), backgroundColor: color(d.color), borderWidth: 2, pointRadius: 2, tension: 0 }
        : { type: 'bar', label: d.label, data: [...d.data], backgroundColor: color(d.color), borderRadius: 3, maxBarThickness: 36 },
  );
  const axis = (isValue: boolean) => ({
    ticks: isValue
      ? { color: theme.muted, precision: spec.unit === 'count' ? 0 : undefined, callback: (v: number | string) => `${v}${suffix(spec.unit)}` }
      : { color: theme.text, autoSkip: true },
    grid: { color: isValue ? theme.grid : 'transparent' },
    border: { color: theme.grid },
    beginAtZero: isValue,
    ...(isValue && spec.unit === 'percent' ? { max: 100 } : {}),
  });
  return {
    type: 'bar',
    data: { labels: [...spec.labels], datasets },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: nothing moves (the screen is read, not watched), and tests see the final chart.
      animation: false,
      color: theme.text,
      font: { family: theme.font },
      scales: { x: axis(valueAxis === 'x'), y: axis(valueAxis === 'y') },
      plugins: {
        legend: { display: spec.datasets.length > 1, labels: { color: theme.text, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = item.raw as number | null;
              return `${item.dataset.label}: ${v === null ? 'too few to compare' : `${v}${suffix(spec.unit)}`}`;
            },
          },
        },
      },
    },
  };
}

export function ChartCanvas(props: { spec: ChartSpec; label: string; canvasRef: (canvas: HTMLCanvasElement | null) => void }) {
  const { spec, label, canvasRef } = props;
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<Chart<'bar' | 'line', (number | null)[], string> | null>(null);
  const theme = useChartTheme();

  useEffect(() => {
    if (!canvas.current) return;
    const config = configOf(spec, theme);
    if (!chart.current) chart.current = new Chart(canvas.current, config);
    else {
      chart.current.data = config.data;
      chart.current.options = config.options ?? {};
      chart.current.update();
    }
  }, [spec, theme]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div className={`chart-box${spec.horizontal ? ' horizontal' : ''}`} data-rows={spec.labels.length > 8 ? 'many' : spec.labels.length > 5 ? 'some' : 'few'}>
      <canvas
        ref={(c) => {
          canvas.current = c;
          canvasRef(c);
        }}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
