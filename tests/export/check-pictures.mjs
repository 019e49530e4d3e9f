// Opens an exported notebook page (file://) in headless Chromium, offline, and reports every picture on it
// as a person would see it: an <img> that decoded and whose pixels are not all one colour, an inline <svg>
// that holds drawn shapes and lays out at a visible size, a <canvas> with something drawn on it.
// Prints one JSON line: {"pictures": [{kind, width, height, ok, why}], "errors": [...]}.
//
//   node check-pictures.mjs PAGE.html
import { pathToFileURL } from 'node:url';

// playwright-core is installed once, for all browser tests, in tests/browser (npm ci there).
import { launchChromium } from '../browser/chromium.mjs';

const [page_file] = process.argv.slice(2);
if (!page_file) {
  console.error('usage: node check-pictures.mjs PAGE.html');
  process.exit(2);
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  // An exported page must show its pictures offline: everything but the page itself and data: URLs is refused
  // (nbconvert's template links require.js and MathJax from a CDN; they are not needed for pictures).
  await page.route('**/*', route => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  await page.goto(pathToFileURL(page_file).href, { waitUntil: 'load' });
  const pictures = await page.evaluate(async () => {
    const shown = el => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { width: Math.round(r.width), height: Math.round(r.height),
               visible: r.width >= 4 && r.height >= 4 && style.visibility !== 'hidden' && style.display !== 'none' };
    };
    // More than one colour among the pixels: a blank or a broken picture has one.
    const colours = source => {
      const w = source.naturalWidth || source.width, h = source.naturalHeight || source.height;
      const c = document.createElement('canvas');
      c.width = Math.min(w, 400); c.height = Math.min(h, 400);
      const g = c.getContext('2d');
      g.drawImage(source, 0, 0, c.width, c.height);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < px.length && seen.size < 2; i += 4) seen.add(px[i] << 24 | px[i + 1] << 16 | px[i + 2] << 8 | px[i + 3]);
      return seen.size;
    };
    const out = [];
    for (const img of document.querySelectorAll('img')) {
      try { await img.decode(); } catch (e) { /* reported below as not decoded */ }
      const s = shown(img);
      let why = '';
      if (!img.complete || img.naturalWidth === 0) why = 'did not decode';
      else if (!s.visible) why = 'not visible';
      else if (colours(img) < 2) why = 'every pixel has the same colour';
      out.push({ kind: 'img', width: s.width, height: s.height, ok: !why, why, src: img.src.slice(0, 40) });
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.parentElement.closest('svg')) continue;
      // Icons of the page's own chrome are not pictures of the notebook.
      if (!svg.closest('.output_area, .jp-OutputArea-output, .output_subarea, .jp-RenderedSVG')) continue;
      const s = shown(svg);
      const shapes = svg.querySelectorAll('rect, path, polygon, polyline, circle, ellipse, line, text, image').length;
      let why = '';
      if (!shapes) why = 'holds no shapes (stripped by a sanitizer?)';
      else if (!s.visible) why = 'not visible';
      out.push({ kind: 'svg', width: s.width, height: s.height, ok: !why, why, shapes });
    }
    for (const canvas of document.querySelectorAll('canvas')) {
      const s = shown(canvas);
      let why = '';
      if (!s.visible) why = 'not visible';
      else if (colours(canvas) < 2) why = 'nothing drawn on it';
      out.push({ kind: 'canvas', width: s.width, height: s.height, ok: !why, why });
    }
    return out;
  });
  console.log(JSON.stringify({ pictures, errors }));
} finally {
  await browser.close();
}
