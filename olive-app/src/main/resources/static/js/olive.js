/* Olive — small page behaviour. No inline scripts anywhere (Content-Security-Policy: script-src 'self'). */
(function () {
  'use strict';

  var FONT = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif';

  /** Draws a bar chart into every element with data-chart="bar", from the table named by data-table. */
  function drawBarCharts() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart="bar"]').forEach(function (el) {
      var table = document.getElementById(el.dataset.table);
      if (!table) {
        return;
      }
      var names = [], values = [];
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        names.push(tr.cells[0].textContent.trim());
        values.push(Number(tr.cells[1].textContent.trim()));
      });
      var chart = echarts.init(el, null, {renderer: 'canvas'});
      chart.setOption({
        animation: false,
        textStyle: {fontFamily: FONT},
        color: ['#556b2f'],
        grid: {left: 40, right: 16, top: 24, bottom: 32},
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        xAxis: {type: 'category', data: names, axisTick: {alignWithLabel: true}},
        yAxis: {type: 'value', minInterval: 1},
        series: [{name: el.dataset.series || '', type: 'bar', data: values, barMaxWidth: 42,
          label: {show: true, position: 'top'}}]
      });
      el.dataset.rendered = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  /** Numbers from a table: first cell as label, the data-value (or the text) of a cell as value. */
  function tableRows(table, column) {
    var out = [];
    if (!table) {
      return out;
    }
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var cell = tr.cells[column];
      var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent;
      out.push({label: tr.cells[0].textContent.trim(), value: Number(raw), actual: tr.dataset.actual === 'true'});
    });
    return out;
  }

  /**
   * Pilot indicator 8 on /ingest: the share of data items updated per period (a line) against the pilot's yearly
   * targets (a dashed step line) and the 2022 actual value (a reference line). Without data: the targets by year.
   */
  function drawIndicatorCharts() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart="indicator"]').forEach(function (el) {
      var points = tableRows(document.getElementById(el.dataset.table), 3);
      var targets = tableRows(document.getElementById(el.dataset.targetsTable), 1);
      var byYear = {}, baseline = null;
      targets.forEach(function (t) {
        if (t.actual) {
          baseline = t;
        } else {
          byYear[t.label] = t.value;
        }
      });
      var categories, shares, goals;
      if (points.length > 0) {
        categories = points.map(function (p) { return p.label; });
        shares = points.map(function (p) { return Math.round(p.value * 10) / 10; });
        goals = categories.map(function (c) {
          var y = c.substring(0, 4);
          return byYear[y] === undefined ? null : byYear[y];
        });
      } else {
        categories = targets.map(function (t) { return t.label; });
        shares = targets.map(function () { return null; });
        goals = targets.map(function (t) { return t.actual ? null : t.value; });
      }
      var chart = echarts.init(el, null, {renderer: 'canvas'});
      chart.setOption({
        animation: false,
        textStyle: {fontFamily: FONT},
        color: ['#556b2f', '#b3261e'],
        grid: {left: 44, right: 24, top: 56, bottom: 32},
        legend: {top: 0, data: [el.dataset.series, el.dataset.targetSeries]},
        tooltip: {trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '–' : v + '%'; }},
        xAxis: {type: 'category', data: categories, boundaryGap: points.length < 2},
        yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
        series: [
          {name: el.dataset.series, type: 'line', data: shares, symbolSize: 7, connectNulls: false,
            label: {show: points.length > 0 && points.length <= 12, position: 'top', formatter: '{c}%'},
            markLine: baseline === null ? undefined : {
              symbol: 'none', silent: true,
              lineStyle: {color: '#8a5a00', type: 'dotted'},
              label: {formatter: (el.dataset.actualLabel || '').replace('{0}', baseline.value), position: 'insideStartTop'},
              data: [{yAxis: baseline.value}]
            }},
          {name: el.dataset.targetSeries, type: 'line', step: 'middle', data: goals,
            // a step line needs two periods to show: with fewer, mark the target itself
            symbol: categories.length < 3 ? 'diamond' : 'none', symbolSize: 9,
            label: {show: categories.length < 3, position: 'right', formatter: '{c}%'},
            lineStyle: {type: 'dashed', width: 1.5}}
        ]
      });
      el.dataset.rendered = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  /** Filter forms marked data-autosubmit submit themselves when a choice changes (htmx swaps the result in). */
  function autosubmit(event) {
    var form = event.target.form;
    if (form && form.dataset.autosubmit === 'true') {
      if (typeof form.requestSubmit === 'function') {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
  }

  document.addEventListener('DOMContentLoaded', drawBarCharts);
  document.addEventListener('DOMContentLoaded', drawIndicatorCharts);
  document.addEventListener('change', autosubmit);
})();
