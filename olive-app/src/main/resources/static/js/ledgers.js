/* Olive — the charts of the population and family ledgers, drawn from the tables on the page (no inline script:
   Content-Security-Policy script-src 'self'). Redrawn after htmx swaps a filtered view in. */
(function () {
  'use strict';

  var FONT = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif';
  var OLIVE = '#556b2f', RED = '#b3261e', BLUE = '#1d4f86', GOLD = '#8a5a00';

  function rows(table) {
    return table ? Array.prototype.slice.call(table.querySelectorAll('tbody tr')) : [];
  }

  function text(cell) {
    return cell ? cell.textContent.trim() : '';
  }

  function init(el) {
    var old = echarts.getInstanceByDom(el);
    if (old) {
      old.dispose();
    }
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  /** Members per township or village: a bar per row of the table (name, count). */
  function areaBar(el) {
    var names = [], values = [];
    rows(document.getElementById(el.dataset.table)).forEach(function (tr) {
      names.push(text(tr.cells[0]));
      values.push(Number(text(tr.cells[1])));
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE],
      grid: {left: 48, right: 16, top: 24, bottom: names.length > 8 ? 80 : 32},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'category', data: names, axisLabel: {rotate: names.length > 8 ? 45 : 0, interval: 0}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: el.dataset.series || '', type: 'bar', data: values, barMaxWidth: 42,
        label: {show: names.length <= 12, position: 'top'}}]
    });
  }

  /** The age-sex pyramid: men to the left (negative), women to the right, 5-year bands upwards. */
  function pyramid(el) {
    var bands = [], male = [], female = [];
    rows(document.getElementById(el.dataset.table)).forEach(function (tr) {
      bands.push(text(tr.cells[0]));
      male.push(-Number(text(tr.cells[1])));
      female.push(Number(text(tr.cells[2])));
    });
    var abs = function (v) { return Math.abs(v); };
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [BLUE, RED],
      legend: {top: 0, data: [el.dataset.male, el.dataset.female]},
      grid: {left: 56, right: 24, top: 32, bottom: 24},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: abs},
      xAxis: {type: 'value', axisLabel: {formatter: abs}},
      yAxis: {type: 'category', data: bands, axisTick: {show: false}},
      series: [
        {name: el.dataset.male, type: 'bar', stack: 'p', data: male, barCategoryGap: '10%'},
        {name: el.dataset.female, type: 'bar', stack: 'p', data: female}
      ]
    });
  }

  /** The family: the head in the centre, every other member linked to the head, the edge labelled by role. */
  function family(el) {
    var members = rows(document.getElementById(el.dataset.table)).map(function (tr) {
      return {key: tr.dataset.key, role: tr.dataset.role, name: text(tr.cells[0]), roleLabel: text(tr.cells[1]),
        age: text(tr.cells[5])};
    });
    if (members.length === 0) {
      return;
    }
    var head = members.filter(function (m) { return m.role === 'HEAD'; })[0] || members[0];
    var others = members.filter(function (m) { return m !== head; });
    var colours = {HEAD: OLIVE, SPOUSE: RED, CHILD: BLUE, PARENT: GOLD, GRANDCHILD: '#2e7d7a', OTHER: '#6b6b6b'};
    var nodes = [{id: head.key, name: head.name + '\n' + head.roleLabel, x: 0, y: 0, symbolSize: 54,
      itemStyle: {color: colours[head.role] || OLIVE}}];
    others.forEach(function (m, i) {
      var a = 2 * Math.PI * i / Math.max(1, others.length) - Math.PI / 2;
      nodes.push({id: m.key, name: m.name + (m.age ? ' (' + m.age + ')' : ''), x: Math.cos(a) * 100,
        y: Math.sin(a) * 100, symbolSize: 40, itemStyle: {color: colours[m.role] || '#6b6b6b'}});
    });
    var links = others.map(function (m) {
      return {source: head.key, target: m.key, label: {show: true, formatter: m.roleLabel, fontSize: 11}};
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT},
      tooltip: {formatter: function (p) { return p.dataType === 'node' ? p.data.name : ''; }},
      series: [{type: 'graph', layout: 'none', roam: true, data: nodes, links: links,
        label: {show: true, position: 'bottom', fontSize: 12},
        edgeLabel: {show: true}, lineStyle: {color: '#9aa28c', width: 1.5}}]
    });
    el.dataset.nodes = String(nodes.length);
    el.dataset.links = String(links.length);
  }

  /** Indicator 4 over the periods: a line per area (county first), with the pilot target. */
  function accuracy(el) {
    var table = document.getElementById(el.dataset.table);
    if (!table) {
      return;
    }
    var periods = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(text);
    var series = rows(table).map(function (tr, i) {
      var data = Array.prototype.slice.call(tr.cells).slice(1).map(function (td) {
        return td.dataset.value === '' || td.dataset.value === undefined ? null
          : Math.round(Number(td.dataset.value) * 100) / 100;
      });
      return {name: text(tr.cells[0]), type: 'line', data: data, symbolSize: i === 0 ? 8 : 5,
        lineStyle: {width: i === 0 ? 3 : 1.2}, connectNulls: false};
    });
    var target = Number(el.dataset.target);
    if (series.length > 0) {
      series[0].markLine = {symbol: 'none', silent: true, lineStyle: {color: RED, type: 'dashed'},
        label: {formatter: (el.dataset.targetLabel || '') + ' ' + target + '%', position: 'insideStartTop'},
        data: [{yAxis: target}]};
    }
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 52, right: 24, top: 40, bottom: 32},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null ? '–' : v + '%'; }},
      xAxis: {type: 'category', data: periods, boundaryGap: periods.length < 2},
      yAxis: {type: 'value', scale: true, max: 100, axisLabel: {formatter: '{value}%'}},
      series: series
    });
  }

  /** A horizontal bar per row of the table (name in the first cell, count in the last): tiers, education, occupation. */
  function hbar(el) {
    var names = [], values = [];
    rows(document.getElementById(el.dataset.table)).forEach(function (tr) {
      names.push(text(tr.cells[0]));
      values.push(Number(text(tr.cells[tr.cells.length - 1]).replace(/,/g, '')));
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE],
      grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: names.slice().reverse(), axisLabel: {width: 160, overflow: 'truncate'}},
      series: [{type: 'bar', data: values.slice().reverse(), barMaxWidth: 24, label: {show: true, position: 'right'}}]
    });
  }

  /**
   * One stacked horizontal bar per row of a table, from its data-count (4 unless given) columns from data-first: the
   * key groups' tiers, the policies' covered / missed / leakage.
   */
  function tiers(el) {
    var table = document.getElementById(el.dataset.table);
    if (!table) {
      return;
    }
    var first = Number(el.dataset.first || 4), count = Number(el.dataset.count || 4);
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(first, first + count).map(text);
    var names = [], data = heads.map(function () { return []; });
    rows(table).forEach(function (tr) {
      names.push(text(tr.cells[0].querySelector('a') || tr.cells[0]));
      for (var i = 0; i < count; i++) {
        data[i].push(Number(text(tr.cells[first + i]).replace(/,/g, '')));
      }
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE, BLUE, RED, '#9aa28c'],
      legend: {top: 0, data: heads},
      grid: {left: 8, right: 24, top: 32, bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: names.slice().reverse()},
      series: heads.map(function (h, i) {
        return {name: h, type: 'bar', stack: 't', data: data[i].slice().reverse(), barMaxWidth: 22};
      })
    });
    el.dataset.series = String(heads.length);
  }

  /** A group's size over the periods: a line from the table (period, members). */
  function trend(el) {
    var periods = [], values = [];
    rows(document.getElementById(el.dataset.table)).forEach(function (tr) {
      periods.push(text(tr.cells[0]));
      values.push(Number(text(tr.cells[1]).replace(/,/g, '')));
    });
    init(el).setOption({
      animation: false, textStyle: {fontFamily: FONT}, color: [OLIVE],
      grid: {left: 52, right: 24, top: 24, bottom: 32},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: periods, boundaryGap: periods.length < 2},
      yAxis: {type: 'value', minInterval: 1, scale: true},
      series: [{name: el.dataset.series || '', type: 'line', data: values, symbolSize: 6}]
    });
  }

  var DRAW = {'area-bar': areaBar, pyramid: pyramid, family: family, accuracy: accuracy, hbar: hbar, tiers: tiers,
    trend: trend};

  function drawAll() {
    if (typeof echarts === 'undefined') {
      return;
    }
    Object.keys(DRAW).forEach(function (kind) {
      document.querySelectorAll('[data-chart="' + kind + '"]').forEach(function (el) {
        DRAW[kind](el);
        el.dataset.rendered = 'true';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
})();
