// The network explorer: every layer's maps for one image as strips of thumbnails, from the input to the last
// map layer. Click a map: the filter(s) that made it and the input maps they read. Hover it: the numbers at
// that position, worked out here from the embedded weights next to the value the network computed. Names
// count from 1 (map 1, filter 1, layer 1); [row][col] positions are Java indices, from 0.
function cnnlabExplore(root, data) {
  'use strict';
  var layers = data.layers;
  var sel = null, view = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fmt(x) {
    if (Math.round(x) === x) return String(x === 0 ? 0 : x);
    var a = Math.abs(x), s = a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(3) : x.toFixed(4);
    return s.replace(/0+$/, '').replace(/\.$/, '');
  }
  function factor(x) { return x < 0 ? '(' + fmt(x) + ')' : fmt(x); }
  function range(m) { var lo = Infinity, hi = -Infinity; m.forEach(function (r) { r.forEach(function (x) { if (x < lo) lo = x; if (x > hi) hi = x; }); }); return [lo, hi]; }

  // A map as a canvas of h x w pixels, greys from its own minimum (white) to maximum (black); kernels in blue
  // (negative), white (zero) and red (positive).
  function canvas(m, px, diverging) {
    var h = m.length, w = m[0].length, c = el('canvas');
    c.width = w; c.height = h;
    c.style.width = w * px + 'px'; c.style.height = h * px + 'px';
    var g = c.getContext('2d'), img = g.createImageData(w, h), r = range(m), top = Math.max(Math.abs(r[0]), Math.abs(r[1])) || 1;
    for (var y = 0; y < h; y++) for (var x = 0; x < w; x++) {
      var v = m[y][x], o = (y * w + x) * 4, R, G, B;
      if (diverging) {
        var t = v / top;
        R = t < 0 ? 255 + 255 * t * 0.85 : 255; G = 255 - 200 * Math.abs(t); B = t > 0 ? 255 - 255 * t * 0.85 : 255;
      } else {
        var s = r[1] > r[0] ? (v - r[0]) / (r[1] - r[0]) : 0;
        R = G = B = 255 - 255 * s;
      }
      img.data[o] = R; img.data[o + 1] = G; img.data[o + 2] = B; img.data[o + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    return c;
  }
  function scaleFor(h, want) { return Math.max(1, Math.floor(want / h)); }

  // A map with a transparent layer on top, where the window is drawn: a hover redraws only that layer.
  function framed(m, px, label) {
    var fig = el('figure'), box = el('div'), base = canvas(m, px, false), top = el('canvas');
    box.style.position = 'relative';
    base.style.display = 'block';
    top.width = m[0].length * px; top.height = m.length * px;
    top.style.position = 'absolute'; top.style.left = '0'; top.style.top = '0';
    box.appendChild(base); box.appendChild(top);
    fig.appendChild(box);
    fig.appendChild(el('figcaption', '', label));
    return { fig: fig, overlay: top, px: px, h: m.length, w: m[0].length };
  }
  function mark(f, top, left, hgt, wid) {
    var g = f.overlay.getContext('2d');
    g.clearRect(0, 0, f.overlay.width, f.overlay.height);
    g.strokeStyle = '#d97706'; g.lineWidth = 2;
    var y0 = Math.max(0, top), x0 = Math.max(0, left), y1 = Math.min(f.h, top + hgt), x1 = Math.min(f.w, left + wid);
    g.strokeRect(x0 * f.px + 1, y0 * f.px + 1, (x1 - x0) * f.px - 2, (y1 - y0) * f.px - 2);
  }

  var head = el('div', 'cx-head', data.title);
  var strips = el('div');
  var detail = el('div');
  var thumbs = [];
  var flat = null;
  layers.forEach(function (L, n) {
    thumbs.push([]);
    if (!L.maps) {
      // Past flatten() there are no maps: the rest of the network on one line, with its shapes.
      if (!flat) {
        flat = el('div', 'cx-strip');
        flat.appendChild(el('div', 'cx-strip-label', 'then flat vectors'));
        flat.appendChild(el('div', 'cx-thumbs'));
        strips.appendChild(flat);
      }
      var step = el('span', 'cx-hint', (flat.lastChild.childNodes.length ? ' \u2192 ' : '') + L.name + ' (layer ' + L.index + ', ' + L.what + '): ' + L.shape);
      flat.lastChild.appendChild(step);
      return;
    }
    var strip = el('div', 'cx-strip'), label = el('div', 'cx-strip-label');
    label.appendChild(el('b', '', L.name + (L.index ? ' \u00b7 layer ' + L.index : '')));
    label.appendChild(el('div', '', L.shape + (L.what ? ' \u00b7 ' + L.what : '')));
    if (L.rf) label.appendChild(el('div', 'cx-hint', 'one value sees ' + L.rf + ' of the image'));
    strip.appendChild(label);
    var row = el('div', 'cx-thumbs');
    var px = scaleFor(L.maps[0].length, 48);
    L.maps.forEach(function (m, k) {
      var c = canvas(m, px, false);
      c.className = 'cx-thumb';
      c.title = L.name + ' map ' + (k + 1) + ' of ' + L.maps.length;
      c.dataset.layer = n; c.dataset.name = L.name; c.dataset.map = k;
      c.onclick = function () { open(n, k); };
      row.appendChild(c);
      thumbs[n].push(c);
    });
    strip.appendChild(row);
    strips.appendChild(strip);
  });

  // Clicking map k of layer n: the big map, and what made it.
  function open(n, k) {
    var L = layers[n];
    thumbs.forEach(function (t) { t.forEach(function (c) { c.classList.remove('cx-sel', 'cx-read'); }); });
    thumbs[n][k].classList.add('cx-sel');
    sel = { n: n, k: k };
    detail.textContent = '';
    var box = el('div', 'cx-detail');
    var px = scaleFor(L.maps[k].length, 200);
    var big = framed(L.maps[k], px, L.name + ' map ' + (k + 1) + ' \u00b7 ' + L.maps[k].length + '\u00d7' + L.maps[k][0].length);
    big.overlay.classList.add('cx-big');
    big.overlay.style.cursor = 'crosshair';
    box.appendChild(big.fig);
    var side = el('div', 'cx-side'), calc = el('div', 'cx-calc'), reads = [], kernels = el('div', 'cx-maps');
    var source = L.from !== undefined ? layers[L.from] : null;
    if (source) {
      var ins = L.kind === 'conv' ? source.maps.map(function (m, c) { return c; }) : [k];
      ins.forEach(function (c) { thumbs[L.from][c].classList.add('cx-read'); });
      side.appendChild(el('div', 'cx-title', (L.kind === 'conv' ? 'the ' + ins.length + ' input map' + (ins.length > 1 ? 's' : '')
          + ' it reads (' + source.name + ') and filter ' + (k + 1) + "'s weights on each" : 'the map it reads: ' + source.name + ' map ' + (k + 1))));
      var row = el('div', 'cx-maps');
      var ipx = scaleFor(source.maps[0].length, ins.length > 8 ? 56 : 112);
      ins.forEach(function (c) {
        var f = framed(source.maps[c], ipx, source.name + ' map ' + (c + 1));
        reads.push(f);
        row.appendChild(f.fig);
      });
      side.appendChild(row);
      if (L.kind === 'conv') {
        var kpx = scaleFor(L.F, 48);
        L.weights[k].forEach(function (w, c) {
          var fig = el('figure');
          fig.appendChild(canvas(w, kpx, true));
          fig.appendChild(el('figcaption', '', 'filter ' + (k + 1) + ' \u00b7 channel ' + (c + 1)));
          kernels.appendChild(fig);
        });
        side.appendChild(kernels);
      }
    } else {
      side.appendChild(el('div', 'cx-title', 'the image itself: channel ' + (k + 1)));
    }
    side.appendChild(calc);
    box.appendChild(side);
    detail.appendChild(box);
    view = { L: L, k: k, big: big, reads: reads, calc: calc, source: source };
    big.overlay.addEventListener('mousemove', function (e) {
      var y = Math.floor(e.offsetY / big.px), x = Math.floor(e.offsetX / big.px);
      if (y >= 0 && x >= 0 && y < big.h && x < big.w && (!view.at || view.at[0] !== y || view.at[1] !== x)) hover(y, x);
    });
    hover(0, 0);
  }

  // Hovering position (y, x) of the open map: the window on each input map, and the arithmetic.
  function hover(y, x) {
    var v = view, L = v.L, k = v.k, value = L.maps[k][y][x];
    v.at = [y, x];
    root.dataset.selected = sel.n + '/' + k + '/' + y + '/' + x;
    mark(v.big, y, x, 1, 1);
    var head = L.name + ' map ' + (k + 1) + ' at [' + y + '][' + x + '] = ' + fmt(value);
    if (!v.source) { v.calc.textContent = head + ' (a pixel of the image)'; return; }
    if (L.kind === 'conv' || L.kind === 'max' || L.kind === 'average') {
      var top = L.tops[y], left = L.lefts[x];  // from cnn-api's geometry walker
      v.reads.forEach(function (f) { mark(f, top, left, L.F, L.Fw); });
    } else {
      v.reads.forEach(function (f) { mark(f, y, x, 1, 1); });
    }
    var text;
    if (L.kind === 'conv') text = convText(L, k, top, left, value);
    else if (L.kind === 'max' || L.kind === 'average') text = poolText(L, k, top, left, value);
    else text = L.what + ' of ' + v.source.name + ' map ' + (k + 1) + ' at [' + y + '][' + x + '] = ' + fmt(v.source.maps[k][y][x]) + ' gives ' + fmt(value);
    v.calc.textContent = head + '\n' + text;
  }

  function convText(L, k, top, left, value) {
    var w = L.weights[k], src = view.source.maps, lines = [], total = 0, few = w.length * L.F * L.Fw <= 75;
    for (var c = 0; c < w.length; c++) {
      var terms = [], sum = 0;
      for (var a = 0; a < L.F; a++) for (var b = 0; b < L.Fw; b++) {
        var r = top + a, q = left + b, xv = r < 0 || q < 0 || r >= src[c].length || q >= src[c][0].length ? 0 : src[c][r][q];
        sum += xv * w[c][a][b];
        if (few) terms.push(factor(xv) + '*' + factor(w[c][a][b]));
      }
      total += sum;
      lines.push('channel ' + (c + 1) + ': ' + (few ? terms.join(' + ') + ' = ' : 'sum of ' + L.F * L.Fw + ' products = ') + fmt(sum));
    }
    var result = total + L.bias[k];
    return lines.join('\n') + '\nsum ' + fmt(total) + ' + bias ' + fmt(L.bias[k]) + ' = ' + fmt(result)
        + '\nworked out here: ' + fmt(result) + '; the network computed: ' + fmt(value);
  }

  function poolText(L, k, top, left, value) {
    var m = view.source.maps[k], terms = [], sum = 0, n = 0;
    for (var a = 0; a < L.F; a++) for (var b = 0; b < L.Fw; b++) {
      var r = top + a, q = left + b;
      if (r < 0 || q < 0 || r >= m.length || q >= m[0].length) continue;
      terms.push(fmt(m[r][q])); sum += m[r][q]; n++;
    }
    return L.kind === 'max' ? 'max(' + terms.join(', ') + ') = ' + fmt(value)
        : 'sum ' + fmt(sum) + ' / ' + L.F * L.Fw + ' = ' + fmt(value);
  }

  var fallback = root.querySelector('.cx-fallback');
  // Removed, not hidden: once the live view stands, the still picture is only a copy that would print twice.
  if (fallback) fallback.parentNode.removeChild(fallback);
  root.appendChild(head);
  root.appendChild(el('div', 'cx-hint', 'From the image (top) to the last maps: early filters answer to edges, deeper ones to larger shapes. Click a map; hover the big map.'));
  root.appendChild(strips);
  root.appendChild(detail);
  var firstConv = layers.findIndex(function (L) { return L.kind === 'conv'; });
  if (firstConv >= 0) open(firstConv, 0);
}
