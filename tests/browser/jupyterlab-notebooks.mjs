// The course notebooks as JupyterLab shows them when opened from the repository (a Binder, a clone): their
// saved outputs in JupyterLab's own output area, untrusted (JupyterLab trusts no notebook it did not run or
// sign), and trusted (after "Trust Notebook"). Every cell that has outputs must show something, every
// picture must decode, and every explorer must keep a visible static picture untrusted and come alive trusted.
//
//   node jupyterlab-notebooks.mjs OUT_DIR NOTEBOOK.ipynb...
// Prints one line per notebook and kind; exits with 1 and lists what failed when anything did.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { openOutputArea, outputAreaPage, whatEachAreaShows } from './outputarea-page.mjs';

const [outDir, ...notebooks] = process.argv.slice(2);

// A notebook file keeps long strings as lists of lines; the server joins them (nbformat's rejoin_lines) before
// JupyterLab sees them, and so does this.
function rejoined(output) {
  const join = v => (Array.isArray(v) ? v.join('') : v);
  const copy = { ...output };
  if ('text' in copy) copy.text = join(copy.text);
  if (copy.data) copy.data = Object.fromEntries(Object.entries(copy.data).map(([k, v]) => [k, join(v)]));
  return copy;
}
mkdirSync(outDir, { recursive: true });
const failures = [];
const pagePath = await outputAreaPage(outDir);
const browser = await launchChromium();
for (const path of notebooks) {
  const name = basename(path, '.ipynb');
  const cells = JSON.parse(readFileSync(path, 'utf8')).cells
    .map((cell, i) => ({ i, outputs: cell.cell_type === 'code' ? cell.outputs.map(rejoined) : [] }))
    .filter(cell => cell.outputs.length > 0);
  for (const trusted of [false, true]) {
    const label = `${name} ${trusted ? 'trusted' : 'untrusted'}`;
    const before = failures.length;
    const { page, context } = await openOutputArea(browser, pagePath, label, failures);
    for (const cell of cells) {
      await page.evaluate(([n, outputs, trusted]) => window.showOutputs(n, outputs, trusted, 'reopened'),
                          [`cell ${cell.i}`, cell.outputs, trusted]);
    }
    const seen = await whatEachAreaShows(page);
    let pictures = 0, explorers = 0;
    for (const [cell, s] of Object.entries(seen)) {
      const fail = why => failures.push(`${label}, ${cell}: ${why} ${JSON.stringify({ ...s, text: s.text.slice(0, 120) })}`);
      if (!(s.height > 0)) fail('shows nothing');
      if (s.brokenImages > 0) fail(`${s.brokenImages} picture(s) do not decode`);
      pictures += s.images;
      if (s.explorer) {
        explorers++;
        if (trusted && !(s.live && !s.fallbackShown)) fail('the explorer did not come alive');
        if (!trusted && (s.live || !(s.fallbackShown || s.images > 0))) fail('the explorer lost its static picture');
      }
    }
    await page.screenshot({ path: join(outDir, `${name}-${trusted ? 'trusted' : 'untrusted'}.png`), fullPage: true });
    await context.close();
    const ok = failures.length === before;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${cells.length} cells with outputs, ${pictures} pictures, ${explorers} explorers`);
  }
}
await browser.close();

if (failures.length) {
  console.log(`\n${failures.length} failed:\n` + failures.join('\n'));
  process.exit(1);
}
console.log('every notebook shows its outputs in JupyterLab');
