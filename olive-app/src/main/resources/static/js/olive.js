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

  document.addEventListener('DOMContentLoaded', drawBarCharts);
})();
