// Drives the explorers in headless Chromium as a learner would: clicks controls, hovers cells, clicks and
// hovers feature maps, and compares what the page writes with what cnn-api computed for the same cell
// (given in cases.json by test_explorers.py). Any request leaving the page fails the run.
//
//   node explorers.mjs CASES.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// Playwright gives each launch a fresh profile directory.
const browser = await launchChromium();
const failures = [];
let checks = 0;
function expectEqual(what, actual, expected) {
  checks++;
  if (actual !== expected) failures.push(`${what}:\n  page:    ${JSON.stringify(actual)}\n  cnn-api: ${JSON.stringify(expected)}`);
}
function expectTrue(what, ok, detail = '') {
  checks++;
  if (!ok) failures.push(`${what} ${detail}`);
}

async function open(name, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  page.on('pageerror', e => failures.push(`${name}: page error ${e.message}`));
  // Offline: anything but the page itself (a CDN script, a font, a data fetch) is a failure.
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
    failures.push(`${name}: the page asked the network for ${url}`);
    return route.abort();
  });
  await page.goto('file://' + spec.cases[name].page);
  return { page, context };
}
const calc = page => page.locator('.cx-calc').first().textContent();
async function control(page, key, value) {
  await page.click(`button[data-control="${key}"][data-value="${value}"]`);
}
async function hoverCell(page, i, j) {
  await page.hover(`.cx-out div[data-i="${i}"][data-j="${j}"]`);
  await page.waitForFunction(([i, j]) => document.querySelector('.cnnlab-x').dataset.selected === `${i},${j}`, [i, j]);
}
// The input cells the page marked as the window, as "row,col" in input coordinates (padding negative).
async function windowCells(page) {
  return page.$$eval('.cx-in div.cx-win', ds => ds.map(d => `${d.dataset.r},${d.dataset.c}`));
}
// "rows 1 to 3, columns 3 to 5" (ConvStep.windowPlace) as the cells "1,3 1,4 ... 3,5".
function cellsOf(place) {
  const [, r0, r1, c0, c1] = /rows (-?\d+) to (-?\d+), columns (-?\d+) to (-?\d+)/.exec(place).map(Number);
  const cells = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells.push(`${r},${c}`);
  return cells.join(' ');
}
async function shot(page, name) {
  await page.screenshot({ path: join(spec.shots, `${name}.png`), fullPage: true });
}

async function convCase() {
  const ex = spec.cases.conv.expected;
  const { page, context } = await open('conv');
  expectEqual('conv: the static board is removed once the script runs', await page.locator('.cx-fallback').count(), 0);
  await hoverCell(page, 1, 2);
  expectEqual('conv, stride 1, pad 0, output[1][2]', await calc(page), ex['s1p0-1-2']);
  expectEqual('conv: window of output[1][2] is 3x3 at rows 1-3, columns 2-4', (await windowCells(page)).join(' '),
      cellsOf('rows 1 to 3, columns 2 to 4'));
  await control(page, 'S', 2);
  await control(page, 'P', 1);
  await hoverCell(page, 1, 2);
  expectEqual('conv, stride 2, pad 1, output[1][2]', await calc(page), ex['s2p1-1-2']);
  const formula = await page.locator('.cx-formula').textContent();
  expectTrue('conv: the formula with the real numbers', formula.includes(ex['s2p1-formula'] + ' = 4/2 + 1 = 3'), formula);
  expectEqual('conv: the window is where cnn-api\'s walker puts it', (await windowCells(page)).join(' '),
      cellsOf(ex['s2p1-window']));
  await hoverCell(page, 0, 0);
  expectEqual('conv: output[0][0] at stride 2, pad 1 starts in the padding ring',
      (await page.locator('.cx-in div.cx-win.cx-pad').count()), 5);
  expectEqual('conv: padded border cells', await page.locator('.cx-in div.cx-pad').count(), 7 * 7 - 5 * 5);
  // Stepping: next moves to the following cell, row by row.
  await hoverCell(page, 1, 2);
  await page.click('button[data-control="next"]');
  expectEqual('conv: next after output[1][2] is output[2][0]',
      await page.evaluate(() => document.querySelector('.cnnlab-x').dataset.selected), '2,0');
  await shot(page, 'conv');
  await context.close();
}

async function noFitCase() {
  const ex = spec.cases.nofit.expected;
  const { page, context } = await open('nofit');
  const problem = await page.locator('.cx-problem').textContent();
  expectEqual('nofit: the explanation is SizeRule\'s', problem, ex.problem);
  expectTrue('nofit: the formula shows 2.33', (await page.locator('.cx-formula').textContent()).includes('= 4/3 + 1 = 2.33'));
  const [dr, dc] = ex.dropped.split(',').map(Number);
  expectEqual('nofit: struck-out input cells (the skipped row and column)', await page.locator('.cx-in div.cx-drop').count(),
      dr * 7 + dc * 7 - dr * dc);
  await hoverCell(page, 1, 1);
  expectEqual('nofit, floored, output[1][1]', await calc(page), ex['1-1']);
  await shot(page, 'nofit');
  await context.close();
}

async function bankCase() {
  const ex = spec.cases.bank.expected;
  const { page, context } = await open('bank');
  await control(page, 'map', 1);
  await hoverCell(page, 1, 1);
  expectEqual('bank: filter 2, output[1][1][1], three channels and a bias', await calc(page), ex['f2-1-1']);
  expectEqual('bank: the window is marked on all three channels', (await windowCells(page)).length, 27);
  await control(page, 'map', 0);
  await hoverCell(page, 3, 0);
  expectEqual('bank: filter 1, output[0][3][0]', await calc(page), ex['f1-3-0']);
  await shot(page, 'bank');
  await context.close();
}

async function sizesCase() {
  const ex = spec.cases.sizes.expected;
  const { page, context } = await open('sizes');
  await control(page, 'F', 2);
  await hoverCell(page, 3, 1);
  expectEqual('sizes: a 2x2 filter from the generator, output[3][1]', await calc(page), ex['F2-3-1']);
  await control(page, 'F', 5);
  await hoverCell(page, 0, 0);
  expectEqual('sizes: a 5x5 filter on a 5x5 image, output[0][0]', await calc(page), ex['F5-0-0']);
  await context.close();
}

async function poolCases() {
  let ex = spec.cases.max.expected;
  let { page, context } = await open('max');
  await hoverCell(page, 0, 1);
  expectEqual('max: output[0][1]', await calc(page), ex['0-1']);
  const won = await page.$$eval('.cx-in div.cx-won', ds => ds.map(d => `${d.dataset.r},${d.dataset.c}`));
  expectEqual('max: the winning input cell is marked', won.join(' '), ex.winner);
  await control(page, 'F', 3);
  await control(page, 'S', 1);
  await control(page, 'P', 1);
  await hoverCell(page, 2, 3);
  expectEqual('max, 3x3, stride 1, pad 1, output[2][3]', await calc(page), ex['F3S1P1-2-3']);
  await shot(page, 'max');
  await context.close();
  ex = spec.cases.average.expected;
  ({ page, context } = await open('average'));
  await hoverCell(page, 1, 0);
  expectEqual('average: output[1][0]', await calc(page), ex['1-0']);
  expectTrue('average: the sum is shown', (await page.locator('.cnnlab-x').textContent()).includes('sum of the 4 numbers = 8'));
  await context.close();
}

async function networkCase() {
  const ex = spec.cases.network.expected;
  const { page, context } = await open('network');
  // input, conv1, relu1, pool1, conv2, relu2, pool2, then one line for the flat layers.
  expectEqual('network: a strip per map layer and one for the flat ones', await page.locator('.cx-strip').count(), 8);
  await page.click('canvas.cx-thumb[data-name="conv2"][data-map="2"]');
  expectEqual('network: conv2 map 3 reads the 6 maps of pool1', await page.locator('canvas.cx-thumb.cx-read').count(), 6);
  // Hover position [4][7] of the big map: the centre of that cell on screen.
  const big = page.locator('canvas.cx-big');
  await big.scrollIntoViewIfNeeded();
  const box = await big.boundingBox();
  const px = box.width / 10;
  await page.mouse.move(box.x + 7.5 * px, box.y + 4.5 * px);
  await page.waitForFunction(() => document.querySelector('.cnnlab-x').dataset.selected.endsWith('/2/4/7'));
  const text = await calc(page);
  const shown = Number(/conv2 map 3 at \[4\]\[7\] = (\S+)/.exec(text)?.[1]);
  const here = Number(/worked out here: (\S+);/.exec(text)?.[1]);
  const want = Number(ex['conv2-2-4-7']);
  expectTrue('network: the value shown is the one DJL computed', Math.abs(shown - want) <= 1e-4 + 1e-3 * Math.abs(want),
      `page ${shown}, cnn-api ${want}`);
  expectTrue('network: the dot product worked out in the page agrees with DJL', Math.abs(here - want) <= 1e-3 + 1e-3 * Math.abs(want),
      `page ${here}, cnn-api ${want}\n${text}`);
  expectEqual('network: six channel lines', (text.match(/^channel \d+:/gm) || []).length, 6);
  await shot(page, 'network');
  await page.click('canvas.cx-thumb[data-name="pool1"][data-map="4"]');
  await page.locator('canvas.cx-big').scrollIntoViewIfNeeded();
  const pbox = await page.locator('canvas.cx-big').boundingBox();
  const ppx = pbox.width / 14;
  await page.mouse.move(pbox.x + 5.5 * ppx, pbox.y + 3.5 * ppx);
  await page.waitForFunction(() => document.querySelector('.cnnlab-x').dataset.selected.endsWith('/4/3/5'));
  const ptext = await calc(page);
  const pshown = Number(/pool1 map 5 at \[3\]\[5\] = (\S+)/.exec(ptext)?.[1]);
  const pwant = Number(ex['pool1-4-3-5']);
  expectTrue('network: pool1 value', Math.abs(pshown - pwant) <= 1e-4 + 1e-3 * Math.abs(pwant), `page ${pshown}, cnn-api ${pwant}`);
  expectTrue('network: max pooling writes the max of its window', /max\(.*\) = /.test(ptext), ptext);
  await context.close();
}

// Without JavaScript (an untrusted notebook, GitHub): the static board is what shows.
async function fallbackCase() {
  const { page, context } = await open('conv', false);
  const fallback = page.locator('.cx-fallback');
  expectTrue('no JavaScript: the static board shows', await fallback.isVisible());
  expectTrue('no JavaScript: the board has the output numbers', (await fallback.textContent()).includes('4'));
  expectEqual('no JavaScript: no live controls', await page.locator('.cx-controls').count(), 0);
  await shot(page, 'conv-nojs');
  await context.close();
}

try {
  for (const c of [convCase, noFitCase, bankCase, sizesCase, poolCases, networkCase, fallbackCase]) {
    try { await c(); } catch (e) { failures.push(`${c.name}: ${e.message}`); }
  }
} finally {
  await browser.close();
}
console.log(`${checks} checks, ${failures.length} failed`);
if (failures.length) {
  console.log(failures.join('\n\n'));
  process.exit(1);
}
