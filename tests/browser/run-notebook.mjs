// Opens a notebook in the classic Jupyter Notebook in headless Chromium, runs every cell, then checks
// what a person would see: no error output anywhere, and every cell tagged "picture" shows at least one
// image that really decoded (non-zero natural size) or an inline SVG that lays out. Saves a screenshot of the cell tagged "screenshot".
//
//   node run-notebook.mjs BASE_URL NOTEBOOK_NAME SCREENSHOT.png
import { launchChromium } from './chromium.mjs';

const [baseUrl, notebook, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node run-notebook.mjs BASE_URL NOTEBOOK_NAME SCREENSHOT.png');
  process.exit(2);
}

const browser = await launchChromium();
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', e => console.error('page error:', e.message));
  await page.goto(`${baseUrl}/notebooks/${notebook}`);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 60_000 });
  await page.evaluate(() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); });
  // Done when every code cell has a number in its prompt (not "*") and the kernel is idle.
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.get_text().trim());
    return cells.every(c => typeof c.input_prompt_number === 'number') && !Jupyter.notebook.kernel_busy
        && document.querySelectorAll('.cell.running').length === 0;
  }, null, { timeout: 600_000, polling: 500 });

  const report = await page.evaluate(() => {
    const out = { errors: [], pictures: [], explorers: [], cells: 0 };
    for (const cell of Jupyter.notebook.get_cells()) {
      if (cell.cell_type !== 'code') continue;
      out.cells++;
      cell.element.find('.output_error, .output_stderr pre:contains("Exception")').each((_, e) =>
        out.errors.push(cell.get_text().slice(0, 80) + ' -> ' + e.textContent.slice(0, 300)));
      const tags = (cell.metadata.tags || []);
      if (tags.includes('explorer')) {
        // An explorer whose script ran (outputs made in this session are trusted): live controls, the static
        // board removed. An untrusted or script-less viewer would show only the board.
        const root = cell.element.find('.cnnlab-x')[0];
        out.explorers.push({
          cell: cell.get_text().slice(0, 60),
          live: !!root && !!root.querySelector('.cx-controls, .cx-strip'),
          fallbackGone: !!root && !root.querySelector('.cx-fallback'),
        });
      }
      if (tags.includes('picture')) {
        // A picture is a PNG/GIF <img> that decoded, or an inline <svg> that lays out to a non-zero size.
        const imgs = cell.element.find('.output_area img').toArray();
        const svgs = cell.element.find('.output_area svg').toArray().filter(s => !s.parentElement.closest('svg'));
        const boxes = svgs.map(s => s.getBoundingClientRect());
        out.pictures.push({
          cell: cell.get_text().slice(0, 60),
          images: imgs.length + svgs.length,
          decoded: imgs.filter(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0).length
              + boxes.filter(b => b.width > 0 && b.height > 0).length,
          sizes: imgs.map(i => `${i.naturalWidth}x${i.naturalHeight}`)
              .concat(boxes.map(b => `svg ${Math.round(b.width)}x${Math.round(b.height)}`)),
        });
      }
    }
    return out;
  });
  console.log(JSON.stringify(report, null, 2));
  if (report.errors.length) { console.error('error outputs in the page'); failed = true; }
  if (!report.pictures.length) { console.error('no cell tagged "picture"'); failed = true; }
  for (const p of report.pictures) {
    if (p.images === 0 || p.decoded !== p.images) { console.error('picture did not render:', p); failed = true; }
  }
  for (const x of report.explorers) {
    if (!x.live || !x.fallbackGone) { console.error('explorer did not come alive:', x); failed = true; }
  }
  // Hover the first explorer's output cell (1, 1): its arithmetic appears, with no round trip to the kernel.
  if (report.explorers.length) {
    const cell = page.locator('.cnnlab-x .cx-out div[data-i="1"][data-j="1"]').first();
    if (await cell.count()) {
      await cell.scrollIntoViewIfNeeded();
      await cell.hover();
      const calc = await page.locator('.cnnlab-x .cx-calc').first().textContent();
      console.log('explorer after a hover:', calc);
      if (!calc.startsWith('output[1][1] = ')) { console.error('the hover wrote nothing'); failed = true; }
    }
  }
  const target = await page.evaluateHandle(() => {
    const c = Jupyter.notebook.get_cells().find(c => (c.metadata.tags || []).includes('screenshot'));
    return c ? c.element[0] : document.body;
  });
  await target.asElement().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot });
  console.log('screenshot:', screenshot);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
