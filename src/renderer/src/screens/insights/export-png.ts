/**
 * A chart as a PNG: the chart's own canvas drawn onto a new one, on the page's background, with
 * the figure's title and the period above it, so the image stands on its own when shared.
 */
export function chartPng(chart: HTMLCanvasElement, title: string, subtitle: string): Promise<Blob> {
  const css = getComputedStyle(document.documentElement);
  const scale = chart.width / Math.max(1, chart.clientWidth || chart.width);
  const pad = Math.round(16 * scale);
  const titleSize = Math.round(16 * scale);
  const subSize = Math.round(12 * scale);
  const header = pad + titleSize + Math.round(6 * scale) + subSize + pad;
  const out = document.createElement('canvas');
  out.width = chart.width + 2 * pad;
  out.height = chart.height + header + pad;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw the image.'));
  const font = css.fontFamily || 'sans-serif';
  ctx.fillStyle = css.getPropertyValue('--surface').trim() || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = css.getPropertyValue('--text').trim() || '#000000';
  ctx.font = `600 ${titleSize}px ${font}`;
  ctx.fillText(title, pad, pad);
  ctx.fillStyle = css.getPropertyValue('--muted').trim() || '#555555';
  ctx.font = `${subSize}px ${font}`;
  ctx.fillText(subtitle, pad, pad + titleSize + Math.round(6 * scale));
  ctx.drawImage(chart, pad, header);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'));
}
