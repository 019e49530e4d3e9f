// Hover latency of the explorers in headless Chromium, against a peer measured in the same run.
// For every hover: from the browser's input event to the end of the next frame after the page's own
// handlers ran (requestAnimationFrame, then a task), and the handlers' own time. The peer is the cheapest
// hover a page can have: a 28x28 grid of divs where the hovered one toggles a class.
//
//   node hover-bench.mjs PAGES_DIR [hovers=200]
import { chromium } from '../../tests/browser/node_modules/playwright-core/index.mjs';

const [dir, n = '200'] = process.argv.slice(2);
const HOVERS = Number(n);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });

const PEER = `<!DOCTYPE html><style>.g{display:grid;grid-template-columns:repeat(28,10px);gap:1px}
.g div{height:10px;background:#eee}.g div.on{background:#d97706}</style><div class="g"></div><script>
const g = document.querySelector('.g'); let last = null;
for (let k = 0; k < 784; k++) g.appendChild(document.createElement('div'));
g.addEventListener('mousemove', e => { if (e.target === g) return; if (last) last.classList.remove('on'); e.target.classList.add('on'); last = e.target; });
</script>`;

// Records, per mousemove: total = event creation to the end of the next frame; handler = time in the page's listeners.
async function instrument() {
  await page.evaluate(() => {
    window.__hovers = [];
    // A move onto a new cell dispatches mouseover, then mousemove: the page's work is between the first
    // capture listener and the last bubbling one.
    let start = null;
    document.addEventListener('mouseover', () => { start = performance.now(); }, true);
    document.addEventListener('mousemove', () => { if (start === null) start = performance.now(); }, true);
    window.addEventListener('mousemove', e => {
      const handler = performance.now() - start, t0 = e.timeStamp;
      start = null;
      requestAnimationFrame(() => setTimeout(() => window.__hovers.push({ handler, total: performance.now() - t0 })));
    });
  });
}

async function measure(box, cols, rows) {
  await instrument();
  for (let k = 0; k < HOVERS; k++) {
    const x = box.x + ((k * 7) % cols + 0.5) * box.width / cols, y = box.y + ((Math.floor(k / cols) * 3 + k) % rows + 0.5) * box.height / rows;
    await page.mouse.move(x, y);
    await page.waitForFunction(k => window.__hovers.length > k, k);
  }
  return page.evaluate(() => window.__hovers);
}

function stats(list, key) {
  const v = list.map(h => h[key]).sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)], p95: v[Math.floor(v.length * 0.95)], max: v[v.length - 1] };
}

async function explorer(file, prepare, target, cols, rows) {
  await page.goto('file://' + dir + '/' + file);
  await prepare();
  const el = page.locator(target).first();
  await el.scrollIntoViewIfNeeded();
  return measure(await el.boundingBox(), cols, rows);
}

const results = {};
await page.setContent(PEER);
results.peer = await measure(await page.locator('.g').boundingBox(), 28, 28);
results.conv2 = await explorer('lenet.html', () => page.click('canvas.cx-thumb[data-name="conv2"][data-map="2"]'), 'canvas.cx-big', 10, 10);
results.conv1 = await explorer('lenet.html', () => page.click('canvas.cx-thumb[data-name="conv1"][data-map="0"]'), 'canvas.cx-big', 28, 28);
results.pool2 = await explorer('lenet.html', () => page.click('canvas.cx-thumb[data-name="pool2"][data-map="5"]'), 'canvas.cx-big', 5, 5);
results.byhand = await explorer('conv28.html', async () => {}, '.cx-out', 24, 24);
await browser.close();

const peer = stats(results.peer, 'total');
console.log(`hovers per view: ${HOVERS}; times in ms, event to the end of the next frame (handler time in brackets)`);
for (const [name, label] of [['peer', 'peer: 28x28 divs, toggle one class'], ['conv1', 'LeNet-5 conv1 map (1 input map, 5x5)'],
    ['conv2', 'LeNet-5 conv2 map (6 input maps, 5x5x6)'], ['pool2', 'LeNet-5 pool2 map'], ['byhand', 'Conv.byHand 28x28 * 5x5 explorer']]) {
  const t = stats(results[name], 'total'), h = stats(results[name], 'handler');
  console.log(`${label.padEnd(42)} median ${t.median.toFixed(1).padStart(5)} p95 ${t.p95.toFixed(1).padStart(5)} max ${t.max.toFixed(1).padStart(5)}`
    + `  [handler median ${h.median.toFixed(2)} p95 ${h.p95.toFixed(2)}]  ratio to peer (median) ${(t.median / peer.median).toFixed(2)}`
    + (name === 'peer' ? '' : `  ${t.p95 <= 50 ? 'within' : 'OVER'} the 50 ms budget at p95`));
}
