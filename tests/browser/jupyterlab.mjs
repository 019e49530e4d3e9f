// The cnnlab kernel as JupyterLab meets it. Part one talks to a running Jupyter server with JupyterLab's own
// client library (@jupyterlab/services: the kernels REST API and the kernel websocket, exactly the code the
// JupyterLab front end runs) and goes through what a notebook session does: find the kernel spec, start the
// kernel, run cells, print, fail, ask for input, complete, inspect, redraw a display, interrupt a loop,
// restart, shut down. Part two shows the outputs the kernel sent in JupyterLab's own output area
// (@jupyterlab/outputarea with the standard renderers, bundled by esbuild) in headless Chromium: as outputs
// arriving in a live cell (trusted) and as a notebook reopened from someone else (untrusted). A trusted
// explorer must come alive; an untrusted one must keep its static picture; every picture must have pixels.
//
//   node jupyterlab.mjs SERVER_URL OUT_DIR      (the server's token in JUPYTER_TOKEN)
// Prints one line per check; exits with 1 and lists what failed when anything did.
import { ServerConnection, KernelManager, KernelSpecManager } from '@jupyterlab/services';
import WebSocket from 'ws';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { openOutputArea, outputAreaPage, whatEachAreaShows } from './outputarea-page.mjs';

const [serverUrl, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const failures = [];
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ' ' + detail}`);
  if (!ok) failures.push(`${what} ${detail}`);
}
const show = x => JSON.stringify(x).slice(0, 400);

const serverSettings = ServerConnection.makeSettings({
  baseUrl: serverUrl + '/', wsUrl: serverUrl.replace(/^http/, 'ws') + '/', WebSocket,
  token: process.env.JUPYTER_TOKEN ?? '', appendToken: true,
});

/** Runs a cell as JupyterLab does and gathers its iopub messages (until the reply, which comes after them). */
async function run(kernel, code, { onStdin, onIOPub } = {}) {
  const future = kernel.requestExecute({ code, allow_stdin: Boolean(onStdin), stop_on_error: false });
  const iopub = [];
  future.onIOPub = m => { iopub.push(m); if (onIOPub) onIOPub(m, future); };
  if (onStdin) future.onStdin = m => onStdin(m, future);
  const reply = await future.done;
  const of = type => iopub.filter(m => m.header.msg_type === type).map(m => m.content);
  const text = name => of('stream').filter(c => c.name === name).map(c => c.text).join('');
  // The outputs as a notebook stores them (nbformat), for the output area of part two.
  const outputs = iopub.flatMap(m => {
    const c = m.content;
    switch (m.header.msg_type) {
      case 'stream': return [{ output_type: 'stream', name: c.name, text: c.text }];
      case 'display_data': return [{ output_type: 'display_data', data: c.data, metadata: c.metadata }];
      case 'execute_result': return [{ output_type: 'execute_result', data: c.data, metadata: c.metadata,
                                       execution_count: c.execution_count }];
      case 'error': return [{ output_type: 'error', ename: c.ename, evalue: c.evalue, traceback: c.traceback }];
      default: return [];
    }
  });
  return { reply: reply.content, of, text, outputs, result: of('execute_result')[0] };
}

const specs = new KernelSpecManager({ serverSettings });
await specs.ready;
const spec = specs.specs.kernelspecs.cnnlab;
check('the server lists the cnnlab kernel spec', Boolean(spec), show(Object.keys(specs.specs.kernelspecs)));
check('its language is Java', spec?.language === 'java', show(spec));

const kernels = new KernelManager({ serverSettings });
await kernels.ready;
const kernel = await kernels.startNew({ name: 'cnnlab' });
const info = await kernel.info;
check('kernel_info names Java', info.language_info.name === 'java' && info.status === 'ok', show(info));

const rendered = {}; // name -> nbformat outputs, shown in part two

let cell = await run(kernel, '1+1');
check('1+1 gives 2', cell.result?.data['text/plain'] === '2' && cell.reply.status === 'ok', show(cell.result));
check('the first cell is execution 1', cell.reply.execution_count === 1, show(cell.reply));

cell = await run(kernel, 'System.out.println("to stdout"); System.err.println("to stderr");');
check('System.out and System.err arrive as streams', cell.text('stdout') === 'to stdout\n'
      && cell.text('stderr') === 'to stderr\n', show(cell.of('stream')));
rendered.streams = cell.outputs;

cell = await run(kernel, 'int wrong = "text";');
const error = cell.of('error')[0];
check('a compile error is an error reply and an error output', cell.reply.status === 'error' && Boolean(error)
      && /incompatible types/.test(error.evalue + error.traceback.join('\n')), show(cell.reply));
rendered.error = cell.outputs;

cell = await run(kernel, 'String name = readLine("Your name: "); System.out.println("Hello, " + name);', {
  onStdin: (m, future) => {
    check('readLine asks JupyterLab for input with its prompt', m.content.prompt === 'Your name: ' && !m.content.password,
          show(m.content));
    future.sendInputReply({ status: 'ok', value: 'Ada' }, m.header);
  },
});
check('what was typed reaches the cell', cell.text('stdout') === 'Hello, Ada\n', show(cell.of('stream')));

cell = await run(kernel, 'var shown = display("first"); updateDisplay(shown, "second");');
const first = cell.of('display_data')[0], second = cell.of('update_display_data')[0];
check('display then updateDisplay redraw one display id', Boolean(first && second)
      && first.transient?.display_id && first.transient.display_id === second.transient?.display_id
      && second.data['text/plain'].includes('second'), show([first, second]));

let reply = (await kernel.requestIsComplete({ code: 'for (int i = 0; i < 3; i++) {' })).content;
check('an open loop is incomplete', reply.status === 'incomplete', show(reply));
reply = (await kernel.requestIsComplete({ code: 'int ready = 1;' })).content;
check('a statement is complete', reply.status === 'complete', show(reply));

const partial = 'String greeting = "hi"; greeting.toUpp';
reply = (await kernel.requestComplete({ code: partial, cursor_pos: partial.length })).content;
check('completion offers toUpperCase', reply.status === 'ok' && reply.matches.some(m => m.startsWith('toUpperCase'))
      && reply.cursor_start === partial.length - 'toUpp'.length && reply.cursor_end === partial.length, show(reply));

// A learner's cell: the variable was declared two lines up and has not run yet.
const course = 'int[][] image = {{1, 0}, {0, 1}};\nvar byHand = Conv.byHand(image, new int[][] {{1}});\nbyHand.st';
reply = (await kernel.requestComplete({ code: course, cursor_pos: course.length })).content;
check('completion knows a variable declared earlier in the same cell', reply.matches.includes('step(')
      && reply.matches.includes('stride('), show(reply));

reply = (await kernel.requestInspect({ code: 'Math.max(1, 2)', cursor_pos: 6, detail_level: 0 })).content;
check('inspecting Math.max finds it', reply.status === 'ok' && reply.found
      && /max/.test(reply.data['text/plain']), show(reply));

reply = (await kernel.requestHistory({ hist_access_type: 'tail', n: 20, raw: true, output: false })).content;
check('history holds the cells run', reply.status === 'ok' && reply.history.some(h => h[2] === '1+1'), show(reply));

reply = (await kernel.requestCommInfo({})).content;
check('comm_info answers', reply.status === 'ok' && typeof reply.comms === 'object', show(reply));

// What part two shows: explorers (live HTML with a static picture inside), a picture, a step view, a table.
const SETUP = `
int[][] image = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
int[][] kernel = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
var conv = Conv.byHand(image, kernel);
var data = Datasets.fashionMnistSample();
Seeds.set(1);
var lenet = Architectures.leNet5(1, 28, 10).build();`;
cell = await run(kernel, SETUP);
check('the course set-up runs', cell.reply.status === 'ok', show(cell.reply) + show(cell.of('error')));
for (const [name, code] of Object.entries({
  convExplorer: 'Explore.conv(conv)',
  poolExplorer: 'Explore.pool(Pool.max(new int[][] {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}}, 2))',
  networkExplorer: 'Explore.network(lenet, data.test().image(0))',
  stepView: 'conv.stepView(0, 0)',
  summary: 'lenet.summary()',
  featureMaps: 'lenet.featureMaps(data.test().image(0), "conv1")',
})) {
  cell = await run(kernel, code);
  check(`${code} gives a result`, cell.reply.status === 'ok' && Boolean(cell.result), show(cell.reply));
  rendered[name] = cell.outputs;
}

// Interrupt: the loop has printed (so it runs) when JupyterLab's interrupt (REST, then interrupt_request on the
// control channel: the spec's interrupt_mode is "message") arrives; the reply says Interrupted.
let interruptSent = false;
cell = await run(kernel, 'System.out.println("looping"); long turns = 0; while (true) { turns++; }', {
  onIOPub: m => {
    if (!interruptSent && m.header.msg_type === 'stream') { interruptSent = true; kernel.interrupt(); }
  },
});
check('an interrupt stops a loop', cell.reply.status === 'error' && cell.reply.ename === 'Interrupted', show(cell.reply));
cell = await run(kernel, '"still here: " + name');
check('the session goes on after the interrupt', cell.result?.data['text/plain'] === 'still here: Ada',
      show(cell.result ?? cell.reply));

await kernel.restart();
cell = await run(kernel, 'name');
check('a restart forgets the old variables', cell.reply.status === 'error', show(cell.reply));
cell = await run(kernel, '2+2');
check('after a restart cells run again, counted from 1', cell.result?.data['text/plain'] === '4'
      && cell.reply.execution_count === 2, show(cell.reply));

await kernel.shutdown();
check('shutdown leaves the kernel dead', kernel.status === 'dead', kernel.status);
const left = await (await ServerConnection.makeRequest(serverUrl + '/api/kernels', {}, serverSettings)).json();
check('the server runs no kernel after shutdown', left.length === 0, show(left));
kernels.dispose();
specs.dispose();

// Part two: the outputs in JupyterLab's output area, in headless Chromium.
const pagePath = await outputAreaPage(outDir);
const browser = await launchChromium();
for (const trusted of [true, false]) {
  for (const order of ['live', 'reopened']) {
    const label = `${trusted ? 'trusted' : 'untrusted'} ${order}`;
    const { page, context } = await openOutputArea(browser, pagePath, label, failures);
    for (const [name, outputs] of Object.entries(rendered)) {
      await page.evaluate(([name, outputs, trusted, order]) => window.showOutputs(name, outputs, trusted, order),
                          [name, outputs, trusted, order]);
    }
    const seen = await whatEachAreaShows(page);
    const has = (name, ok, detail) => check(`${label}: ${name} ${detail}`, ok, show(seen[name]));
    for (const name of ['convExplorer', 'poolExplorer', 'networkExplorer']) {
      const s = seen[name];
      if (trusted) {
        has(name, s?.live && !s.fallbackShown && s.height > 100, 'comes alive in place of its picture');
      } else {
        has(name, s && !s.live && s.height > 100 && (s.images - s.brokenImages > 0 || s.svgShapes > 0 || s.fallbackShown),
            'keeps a visible static picture');
      }
    }
    has('featureMaps', seen.featureMaps?.images > 0 && seen.featureMaps.brokenImages === 0, 'is a picture with pixels');
    has('stepView', seen.stepView?.height > 50 && /\d/.test(seen.stepView.text), 'shows the step and its numbers');
    has('summary', seen.summary?.table > 3 && /conv1/.test(seen.summary.text), 'is a table naming the layers');
    has('streams', seen.streams?.text.includes('to stdout') && seen.streams.text.includes('to stderr'), 'shows both streams');
    has('error', /incompatible types/.test(seen.error?.text ?? ''), 'shows the compiler message');
    await page.screenshot({ path: join(outDir, `jupyterlab-${trusted ? 'trusted' : 'untrusted'}-${order}.png`), fullPage: true });
    await context.close();
  }
}
await browser.close();

if (failures.length) {
  console.log(`\n${failures.length} failed:\n` + failures.join('\n'));
  process.exit(1);
}
console.log('all JupyterLab checks passed');
