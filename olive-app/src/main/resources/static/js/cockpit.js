/* Olive — the cockpit's charts, drawn from the tables on the page (no inline script: Content-Security-Policy
   script-src 'self'). A click on a histogram bar opens the families of that bin (the row's data-href). */
(function () {
  'use strict';

  var FONT = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif';
  var OLIVE = '#556b2f', RED = '#b3261e', BLUE = '#1d4f86', GOLD = '#8a5a00', GREY = '#777';

  function rows(id) {
    var table = document.getElementById(id);
    return table ? Array.prototype.slice.call(table.querySelectorAll('tbody tr')) : [];
  }

  function num(cell) {
    if (!cell) {
      return null;
    }
    var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.replace(/[,%]/g, '').trim();
    return raw === '' || raw === '–' ? null : Number(raw);
  }

  function init(el) {
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.rendered = 'true';
    return chart;
  }

  function round(v, digits) {
    if (v === null) {
      return null;
    }
    var f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /**
   * The months whose figures are not comparable with later ones (row data-comparable="false", reasons in
   * data-reasons): their index set, the reason per period and the grey bands (markArea) that cover them.
   */
  function comparability(el) {
    var periods = [], off = {}, why = {}, bands = [], start = null;
    var trs = rows(el.dataset.table);
    trs.forEach(function (tr, i) {
      var p = tr.cells[0].textContent.trim();
      periods.push(p);
      if (tr.dataset.comparable === 'false') {
        off[i] = true;
        why[p] = tr.dataset.reasons || '';
        if (start === null) { start = i; }
      }
      if ((tr.dataset.comparable !== 'false' || i === trs.length - 1) && start !== null) {
        var end = tr.dataset.comparable === 'false' ? i : i - 1;
        bands.push([{name: el.dataset.notComparable || '', xAxis: periods[start], itemStyle: {color: 'rgba(119,119,119,0.12)'}},
          {xAxis: periods[end]}]);
        start = null;
      }
    });
    return {periods: periods, off: off, why: why, bands: bands};
  }

  /**
   * A metric as two series: solid over the comparable months, grey and dashed over the others (joined to their
   * comparable neighbours), so that the jump into comparable months is not drawn as growth.
   */
  function split(name, data, c, extra) {
    var solid = [], dashed = [];
    data.forEach(function (v, i) {
      solid.push(c.off[i] ? null : v);
      dashed.push(c.off[i] || c.off[i - 1] || c.off[i + 1] ? v : null);
    });
    // the grey line lies under the solid one where both join two comparable months
    var main = Object.assign({name: name, type: 'line', data: solid, connectNulls: false, z: 3}, extra);
    var grey = Object.assign({name: name, type: 'line', data: dashed, connectNulls: false, symbol: 'emptyCircle', z: 2,
      lineStyle: {type: 'dashed', color: GREY}, itemStyle: {color: GREY}, tooltip: {show: false}}, extra);
    return [main, grey];
  }

  function tooltip(c, format) {
    return {trigger: 'axis', formatter: function (items) {
      if (!items.length) { return ''; }
      var p = items[0].axisValue, seen = {}, out = [p];
      items.forEach(function (it) {
        if (it.value === null || it.value === undefined || seen[it.seriesName]) { return; }
        seen[it.seriesName] = true;
        out.push(it.marker + it.seriesName + ': ' + format(it.value));
      });
      if (c.why[p] !== undefined) {
        out.push('⚠ ' + (c.why[p] ? c.why[p] : ''));
      }
      return out.join('<br>');
    }};
  }

  /** Per-capita DI (left axis, yuan) and the urban/rural ratio (right axis) by month. */
  function trendDi(el) {
    var di = [], ratio = [];
    var c = comparability(el);
    rows(el.dataset.table).forEach(function (tr) {
      di.push(round(num(tr.cells[1]), 0));
      ratio.push(round(num(tr.cells[2]), 3));
    });
    var series = split(el.dataset.di, di, c, {}).concat(split(el.dataset.ratio, ratio, c, {yAxisIndex: 1}));
    series[0].markArea = {silent: true, label: {position: 'insideTop', color: GREY}, data: c.bands};
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE, OLIVE, RED, RED],
      legend: {top: 0, data: [el.dataset.di, el.dataset.ratio]},
      grid: {left: 64, right: 48, top: 32, bottom: 32},
      tooltip: tooltip(c, function (v) { return v; }),
      xAxis: {type: 'category', data: c.periods},
      yAxis: [{type: 'value', scale: true}, {type: 'value', scale: true, splitLine: {show: false}}],
      series: series
    });
  }

  /** The two middle-income shares and monitoring coverage, in %, by month. */
  function trendShare(el) {
    var periods = [], s1 = [], s2 = [], cov = [];
    var c = comparability(el);
    var pct = function (v) { return v === null ? null : round(v * 100, 1); };
    rows(el.dataset.table).forEach(function (tr) {
      periods.push(tr.cells[0].textContent.trim());
      s1.push(pct(num(tr.cells[3])));
      s2.push(pct(num(tr.cells[4])));
      cov.push(pct(num(tr.cells[5])));
    });
    var series = split(el.dataset.s1050, s1, c, {}).concat(split(el.dataset.s2060, s2, c, {}),
      split(el.dataset.coverage, cov, c, {}));
    series[0].markArea = {silent: true, label: {position: 'insideTop', color: GREY}, data: c.bands};
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE, OLIVE, BLUE, BLUE, GOLD, GOLD],
      legend: {top: 0, data: [el.dataset.s1050, el.dataset.s2060, el.dataset.coverage]},
      grid: {left: 48, right: 16, top: 32, bottom: 32},
      tooltip: tooltip(c, function (v) { return v + '%'; }),
      xAxis: {type: 'category', data: periods},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: series
    });
  }

  /** Persons per bin of three-person DI; the 10–50万 and 20–60万 bands shaded (markArea); a bar opens its families. */
  function histogram(el) {
    var labels = [], persons = [], links = [], first1050 = null, last1050 = null, first2060 = null, last2060 = null;
    rows(el.dataset.table).forEach(function (tr, i) {
      labels.push(tr.cells[0].textContent.trim());
      persons.push(num(tr.cells[1]));
      links.push(tr.dataset.href);
      if (tr.dataset.in1050 === 'true') {
        if (first1050 === null) { first1050 = i; }
        last1050 = i;
      }
      if (tr.dataset.in2060 === 'true') {
        if (first2060 === null) { first2060 = i; }
        last2060 = i;
      }
    });
    var areas = [];
    if (first1050 !== null) {
      areas.push([{name: el.dataset.band1050, xAxis: labels[first1050], itemStyle: {color: 'rgba(85,107,47,0.12)'}},
        {xAxis: labels[last1050]}]);
    }
    if (first2060 !== null) {
      areas.push([{name: el.dataset.band2060, xAxis: labels[first2060], itemStyle: {color: 'rgba(29,79,134,0.10)'},
        label: {position: 'insideTop', offset: [0, 16]}}, {xAxis: labels[last2060]}]);
    }
    var chart = init(el);
    chart.setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE],
      grid: {left: 48, right: 16, top: 40, bottom: 64},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'category', data: labels, axisLabel: {rotate: 45, interval: 0, fontSize: 10}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: el.dataset.series || '', type: 'bar', data: persons, barCategoryGap: '10%', cursor: 'pointer',
        markArea: {silent: true, label: {position: 'insideTop'}, data: areas}}]
    });
    chart.on('click', function (p) {
      if (p.componentType === 'series' && links[p.dataIndex]) {
        window.location.href = links[p.dataIndex];
      }
    });
  }

  /** The Lorenz curve against the line of equality. */
  function lorenz(el) {
    var curve = [], equal = [];
    rows(el.dataset.table).forEach(function (tr) {
      var p = Number(tr.cells[0].textContent.replace('%', '').trim());
      curve.push([p, round(num(tr.cells[1]) * 100, 2)]);
      equal.push([p, p]);
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE, GREY],
      legend: {top: 0, data: [el.dataset.curve, el.dataset.equality]},
      grid: {left: 48, right: 24, top: 32, bottom: 32},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v + '%'; }},
      xAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: [
        {name: el.dataset.curve, type: 'line', data: curve, areaStyle: {opacity: 0.15}, showSymbol: false},
        {name: el.dataset.equality, type: 'line', data: equal, lineStyle: {type: 'dashed'}, showSymbol: false}
      ]
    });
  }

  var DRAW = {'trend-di': trendDi, 'trend-share': trendShare, histogram: histogram, lorenz: lorenz};

  function drawAll() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var draw = DRAW[el.dataset.chart];
      if (draw && rows(el.dataset.table).length > 0) {
        draw(el);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
