#!/usr/bin/env node
// Renders resources/icon.svg and resources/tray.svg into the PNG (and ICO) sizes each OS wants,
// with the Chromium the tests use. Run after changing an SVG: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const res = (f) => path.join(root, 'resources', f);
const icon = fs.readFileSync(res('icon.svg'), 'utf8');
const tray = fs.readFileSync(res('tray.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
async function render(svg, size, color = 'black') {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent;color:${color}">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

fs.mkdirSync(res('icons'), { recursive: true });
const ico = [];
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  const png = await render(icon, size);
  fs.writeFileSync(res(`icons/${size}x${size}.png`), png);
  if ([16, 24, 32, 48, 64, 128, 256].includes(size)) ico.push({ size, png });
}
fs.copyFileSync(res('icons/512x512.png'), res('icon.png'));
// macOS menu bar: a black template image (the system tints it), 16 pt at 1x and 2x.
fs.writeFileSync(res('trayTemplate.png'), await render(tray, 16));
fs.writeFileSync(res('trayTemplate@2x.png'), await render(tray, 32));
// Windows and Linux trays: a dark glyph for light panels, a light one for dark panels.
fs.writeFileSync(res('tray-light.png'), await render(tray, 32, '#1d1f23'));
fs.writeFileSync(res('tray-dark.png'), await render(tray, 32, '#f2f2f2'));
await browser.close();

// A Windows .ico holding PNG images (supported since Vista).
const header = Buffer.alloc(6 + 16 * ico.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(ico.length, 4);
let offset = header.length;
ico.forEach(({ size, png }, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, at);
  header.writeUInt8(size >= 256 ? 0 : size, at + 1);
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(png.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += png.length;
});
fs.writeFileSync(res('icon.ico'), Buffer.concat([header, ...ico.map((i) => i.png)]));
console.log('icons written to resources/');
