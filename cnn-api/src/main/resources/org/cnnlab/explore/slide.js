// The by-hand explorer: a window (a filter, or a pooling window) sliding over the learner's own numbers.
// Every shape, window position and output value was computed by cnn-api and is looked up here, never
// recomputed; the page writes the products and sums out in front of the learner, in the same words as
// ConvStep.toString() and PoolStep.toString(). Names count from 1 (filter 1, channel 1); output[i][j] is a
// Java index, counted from 0.
function cnnlabExplore(root, data) {
  'use strict';
  var conv = data.kind === 'conv';
  var settings = {};
  data.settings.forEach(function (s) { settings[s.F + '/' + s.S + '/' + s.P] = s; });
  var st = { F: data.start.F, S: data.start.S, P: data.start.P, map: 0, i: 0, j: 0 };
  var H = data.input[0].length, W = data.input[0][0].length, C = data.input.length;
  var maps = conv ? data.filters[0].length : C;
  var lo = Infinity, hi = -Infinity;
  data.input.forEach(function (p) { p.forEach(function (r) { r.forEach(function (x) { lo = Math.min(lo, x); hi = Math.max(hi, x); }); }); });

  function fmt(x) {
    if (x === -Infinity) return '-inf';
    if (Math.round(x) === x && Math.abs(x) < 1e15) return String(x === 0 ? 0 : x);
    var s = x.toFixed(4).replace(/0+$/, '');
    return s.charAt(s.length - 1) === '.' ? s.slice(0, -1) : s;
  }
  function factor(x) { return x < 0 ? '(' + fmt(x) + ')' : fmt(x); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function at(c, r, k, outside) { return r < 0 || k < 0 || r >= H || k >= W ? outside : data.input[c][r][k]; }
  function kernelOf(m) { return data.filters[data.sizes.indexOf(st.F)][m]; }
  function setting() { return settings[st.F + '/' + st.S + '/' + st.P]; }

  // One grid of cells; compact (coloured squares, numbers on hover) when it would not fit on a page.
  function grid(rows, cols, text, cls, compact) {
    var g = el('div', 'cx-grid' + (cls ? ' ' + cls : ''));
    var longest = 1;
    if (!compact) for (var r = 0; r < rows; r++) for (var k = 0; k < cols; k++) longest = Math.max(longest, text(r, k).length);
    var size = compact ? 11 : Math.max(24, longest * 8 + 8);
    g.style.gridTemplateColumns = 'repeat(' + cols + ',' + size + 'px)';
    var cells = [];
    for (r = 0; r < rows; r++) {
      cells.push([]);
      for (k = 0; k < cols; k++) {
        var d = el('div', '', compact ? '' : text(r, k));
        d.style.height = size + 'px';
        d.style.lineHeight = size + 'px';
        if (compact) d.title = text(r, k);
        d.style.fontSize = compact ? '0' : '12px';
        g.appendChild(d);
        cells[r].push(d);
      }
    }
    return { el: g, cells: cells, compact: compact };
  }
  function shade(d, x) {
    var t = hi > lo ? (x - lo) / (hi - lo) : 0.5, v = Math.round(255 - 200 * t);
    d.style.background = 'rgb(' + v + ',' + v + ',' + v + ')';
  }
  function part(title, g) {
    var p = el('div', 'cx-part');
    p.appendChild(el('div', 'cx-title', title));
    p.appendChild(g.el || g);
    return p;
  }

  var head = el('div', 'cx-head', data.title);
  var controls = el('div', 'cx-controls');
  var formula = el('div', 'cx-formula');
  var problem = el('div', 'cx-problem');
  var board = el('div', 'cx-board');
  var calc = el('div', 'cx-calc');
  var note = el('div', 'cx-hint');
  var view = {};

  function buttons(label, values, key, words) {
    var box = el('span');
    box.appendChild(el('span', '', label + ' '));
    values.forEach(function (v, n) {
      var b = el('button', st[key] === v ? 'cx-on' : '', words ? words(v, n) : String(v));
      b.dataset.control = key;
      b.dataset.value = v;
      b.onclick = function () { st[key] = v; st.i = 0; st.j = 0; draw(); };
      box.appendChild(b);
    });
    controls.appendChild(box);
  }
  function drawControls() {
    controls.textContent = '';
    if (data.sizes.length > 1) buttons(conv ? 'filter size F' : 'window F', data.sizes, 'F', function (v) { return v + '\u00d7' + v; });
    buttons('stride S', data.strides, 'S');
    buttons('padding P', data.pads, 'P');
    if (maps > 1) buttons(conv ? 'map of' : 'channel', range(maps), 'map', function (v) { return (conv ? 'filter ' : '') + (v + 1); });
    var steps = el('span');
    var prev = el('button', '', '\u25c0 previous'), next = el('button', '', 'next \u25b6');
    prev.dataset.control = 'prev';
    next.dataset.control = 'next';
    prev.onclick = function () { move(-1); };
    next.onclick = function () { move(1); };
    steps.appendChild(prev);
    steps.appendChild(next);
    controls.appendChild(steps);
  }
  function range(n) { var r = []; for (var k = 0; k < n; k++) r.push(k); return r; }

  function drawFormula(s) {
    var square = H === W;
    var fits = !s.problem;
    formula.textContent = '';
    var line = function (axis, f) { formula.appendChild(el('div', '', axis + ': (N - F + 2P) / S + 1 = ' + f)); };
    if (square) line('height and width', s.hFormula); else { line('height', s.hFormula); line('width', s.wFormula); }
    var verdict = !s.ok ? 'the window cannot stand on this input'
        : fits ? 'fits: the output is ' + s.oh + ' \u00d7 ' + s.ow + (maps > 1 ? ' \u00d7 ' + maps : '')
        : 'does not fit: shown floored to ' + s.oh + ' \u00d7 ' + s.ow + ', as PyTorch and DJL do silently; the struck-out input cells are never read';
    formula.appendChild(el('div', fits && s.ok ? 'cx-fit' : 'cx-nofit', verdict));
    problem.textContent = s.ok ? (s.problem || '') : s.why;
    problem.style.display = problem.textContent ? '' : 'none';
  }

  function draw() {
    var s = setting();
    drawControls();
    drawFormula(s);
    board.textContent = '';
    calc.textContent = '';
    note.textContent = '';
    view = { s: s, inputs: [], marked: [] };
    if (!s.ok) return;
    var rows = H + 2 * st.P, cols = W + 2 * st.P, compact = rows > 14 || cols > 14;
    var keptRows = rows - s.droppedRows, keptCols = cols - s.droppedCols;
    var channels = conv ? range(C) : [st.map];
    var inputs = el('div', 'cx-stack');
    channels.forEach(function (c) {
      var g = grid(rows, cols, function (r, k) {
        return fmt(at(c, r - st.P, k - st.P, conv || data.kind === 'average' ? 0 : -Infinity)).replace('-inf', '\u2212\u221e');
      }, 'cx-in', compact);
      for (var r = 0; r < rows; r++) for (var k = 0; k < cols; k++) {
        var d = g.cells[r][k], pad = r < st.P || k < st.P || r >= H + st.P || k >= W + st.P;
        d.dataset.r = r - st.P;
        d.dataset.c = k - st.P;
        if (pad) d.classList.add('cx-pad'); else if (compact) shade(d, data.input[c][r - st.P][k - st.P]);
        if (r >= keptRows || k >= keptCols) d.classList.add('cx-drop');
      }
      g.channel = c;
      view.inputs.push(g);
      var title = 'input ' + H + '\u00d7' + W + (st.P ? ', padding ' + st.P : '') + (C > 1 ? ' \u00b7 channel ' + (c + 1) : '');
      var row = el('div', 'cx-board');
      row.appendChild(part(title, g));
      if (conv) {
        var k = kernelOf(st.map)[c];
        row.appendChild(el('div', 'cx-sym', '\u2217'));
        row.appendChild(part((maps > 1 ? 'filter ' + (st.map + 1) : 'kernel') + ' ' + st.F + '\u00d7' + st.F
            + (C > 1 ? ' \u00b7 channel ' + (c + 1) : ''), grid(st.F, st.F, function (a, b) { return fmt(k[a][b]); }, 'cx-kernel', false)));
      }
      inputs.appendChild(row);
    });
    board.appendChild(inputs);
    board.appendChild(el('div', 'cx-sym', conv ? '=' : '\u2192 ' + data.kind + ' \u2192'));
    var out = s.out[st.map];
    view.out = grid(s.oh, s.ow, function (a, b) { return fmt(out[a][b]); }, 'cx-out', s.oh > 16 || s.ow > 16);
    for (var a = 0; a < s.oh; a++) for (var b = 0; b < s.ow; b++) {
      var d = view.out.cells[a][b];
      d.dataset.i = a;
      d.dataset.j = b;
      if (view.out.compact) { d.title = 'output[' + a + '][' + b + '] = ' + fmt(out[a][b]); }
    }
    view.out.el.addEventListener('mouseover', function (e) {
      var t = e.target;
      if (t.dataset && t.dataset.i !== undefined) select(+t.dataset.i, +t.dataset.j);
    });
    board.appendChild(part((maps > 1 && conv ? 'map ' + (st.map + 1) + ', ' : 'output ') + s.oh + '\u00d7' + s.ow
        + (!conv && C > 1 ? ' \u00b7 channel ' + (st.map + 1) : ''), view.out));
    if (data.bias && data.bias[st.map]) note.textContent = 'bias of ' + (maps > 1 ? 'filter ' + (st.map + 1) : 'the filter') + ': ' + fmt(data.bias[st.map]);
    select(Math.min(st.i, s.oh - 1), Math.min(st.j, s.ow - 1));
  }

  function move(d) {
    var s = view.s;
    if (!s || !s.ok) return;
    var n = (st.i * s.ow + st.j + d + s.oh * s.ow) % (s.oh * s.ow);
    select(Math.floor(n / s.ow), n % s.ow);
  }

  // A hover: unmark the last window, mark this one, write its arithmetic. Touches only the cells involved.
  function select(i, j) {
    var s = view.s;
    view.marked.forEach(function (d) { d.classList.remove('cx-win', 'cx-won', 'cx-cur'); });
    view.marked = [];
    st.i = i;
    st.j = j;
    root.dataset.selected = i + ',' + j;
    var top = s.tops[i], left = s.lefts[j], F = st.F;
    view.inputs.forEach(function (g) {
      for (var a = 0; a < F; a++) for (var b = 0; b < F; b++) {
        var d = g.cells[top + st.P + a][left + st.P + b];
        d.classList.add('cx-win');
        view.marked.push(d);
      }
    });
    var cur = view.out.cells[i][j];
    cur.classList.add('cx-cur');
    view.marked.push(cur);
    var value = s.out[st.map][i][j];
    var place = ', window on input rows ' + top + ' to ' + (top + F - 1) + ', columns ' + left + ' to ' + (left + F - 1) + ':\n';
    if (conv) {
      calc.textContent = 'output' + (data.bank ? '[' + st.map + ']' : '') + '[' + i + '][' + j + '] = ' + fmt(value)
          + (data.bank ? ' (filter ' + (st.map + 1) + ')' : '') + place + dotProduct(top, left, value);
    } else {
      calc.textContent = 'output[' + i + '][' + j + '] = ' + fmt(value) + place + pooled(top, left, value);
    }
  }

  function dotProduct(top, left, value) {
    var k = kernelOf(st.map), bias = data.bias[st.map], lines = [], sums = [];
    for (var c = 0; c < C; c++) {
      var terms = [], sum = 0;
      for (var a = 0; a < st.F; a++) for (var b = 0; b < st.F; b++) {
        var x = at(c, top + a, left + b, 0);
        terms.push(factor(x) + '*' + factor(k[c][a][b]));
        sum += x * k[c][a][b];
      }
      lines.push(terms.join(' + '));
      sums.push(sum);
    }
    var biasText = bias ? ' + ' + factor(bias) + ' (bias)' : '';
    if (C === 1) return lines[0] + biasText + ' = ' + fmt(value);
    var out = '';
    for (c = 0; c < C; c++) out += 'channel ' + (c + 1) + ': ' + lines[c] + ' = ' + fmt(sums[c]) + '\n';
    return out + 'sum: ' + sums.map(factor).join(' + ') + biasText + ' = ' + fmt(value);
  }

  function pooled(top, left, value) {
    var max = data.kind === 'max', terms = [], padded = 0, best = -Infinity, won = null, sum = 0;
    for (var a = 0; a < st.F; a++) for (var b = 0; b < st.F; b++) {
      var r = top + a, k = left + b, pad = r < 0 || k < 0 || r >= H || k >= W;
      var x = at(st.map, r, k, max ? -Infinity : 0);
      if (pad) padded++;
      if (!max || !pad) terms.push(fmt(x));
      sum += x;
      if (x > best) { best = x; won = [a, b]; }
    }
    if (max) {
      var d = view.inputs[0].cells[top + st.P + won[0]][left + st.P + won[1]];
      d.classList.add('cx-won');
      view.marked.push(d);
      note.textContent = 'the winner: input[' + (top + won[0]) + '][' + (left + won[1]) + '] = ' + fmt(best);
      return 'max(' + terms.join(', ') + ') = ' + fmt(value) + (padded ? '   (padding never wins a max)' : '');
    }
    note.textContent = 'sum of the ' + st.F * st.F + ' numbers = ' + fmt(sum) + ', divided by ' + st.F * st.F;
    return '(' + terms.join(' + ').replace(/\+ -/g, '- ') + ') / ' + st.F * st.F + ' = ' + fmt(value)
        + (padded ? '   (the ' + padded + ' padded zeros count)' : '');
  }

  var fallback = root.querySelector('.cx-fallback');
  // Removed, not hidden: once the live view stands, the still picture is only a copy that would print twice.
  if (fallback) fallback.parentNode.removeChild(fallback);
  [head, controls, formula, problem, board, calc, note].forEach(function (e) { root.appendChild(e); });
  root.appendChild(el('div', 'cx-hint', 'Hover over an output cell, or step with \u25c0 \u25b6. Names count from 1 (filter 1, channel 1); output[i][j] is a Java index, from 0.'));
  draw();
}
