// A page holding JupyterLab's own output area (jupyterlab-outputarea.js, bundled here by esbuild), opened in
// headless Chromium with no way out to the network, and a description of what each output area shows.
// Shared by jupyterlab.mjs (outputs a live kernel sent) and jupyterlab-notebooks.mjs (the committed notebooks).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Bundles the output area into outDir and writes the page that loads it; returns the page's path. */
export async function outputAreaPage(outDir) {
  await build({
    entryPoints: [join(HERE, 'jupyterlab-outputarea.js')], bundle: true, format: 'iife',
    outfile: join(outDir, 'outputarea.js'), loader: { '.svg': 'text', '.css': 'empty' }, logLevel: 'error',
  });
  const pagePath = join(outDir, 'outputs.html');
  writeFileSync(pagePath, `<!doctype html><meta charset="utf-8"><title>cnnlab outputs in JupyterLab's output area</title>
<body></body><script src="outputarea.js"></script>`);
  return pagePath;
}

/** Opens the page in a fresh context; page errors, console errors and any network request go to failures. */
export async function openOutputArea(browser, pagePath, label, failures) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', e => failures.push(`${label}: page error ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') failures.push(`${label}: console error ${m.text()}`); });
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    failures.push(`${label}: the page asked the network for ${url}`);
    return route.abort();
  });
  await page.goto('file://' + pagePath);
  return { page, context };
}

/** For each area shown with window.showOutputs: its text, height, pictures and explorer state. */
export async function whatEachAreaShows(page) {
  // Images decode asynchronously: wait until every one has (or failed to).
  await page.waitForFunction(() => [...document.images].every(i => i.complete));
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-name]')].map(s => {
    const imgs = [...s.querySelectorAll('img')];
    const x = s.querySelector('.cnnlab-x');
    const fallback = x && x.querySelector('.cx-fallback');
    return [s.dataset.name, {
      text: s.innerText,
      height: s.getBoundingClientRect().height,
      images: imgs.length,
      brokenImages: imgs.filter(i => i.naturalWidth === 0).length,
      svgShapes: s.querySelectorAll('svg rect, svg path, svg polygon, svg circle, svg line').length,
      explorer: Boolean(x),
      live: Boolean(x && x.dataset.ready === '1'),
      fallbackShown: Boolean(fallback && fallback.offsetHeight > 0),
      table: s.querySelectorAll('table tr').length,
    }];
  })));
}
