// The policy simulation page (/policies/simulate): the annual cost of all policies by decile, before and after, as
// bars read from the decile table's rows (data-key, data-before, data-after); the table stays the accessible source.
(function () {
  'use strict';

  function draw(el) {
    var table = document.getElementById(el.dataset.table);
    if (!table || typeof echarts === 'undefined') {
      return;
    }
    var keys = [];
    var before = [];
    var after = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      keys.push(tr.dataset.key);
      before.push(Number(tr.dataset.before));
      after.push(Number(tr.dataset.after));
    });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {data: [el.dataset.before, el.dataset.after]},
      grid: {left: 80, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: keys},
      yAxis: {type: 'value'},
      series: [
        {name: el.dataset.before, type: 'bar', data: before},
        {name: el.dataset.after, type: 'bar', data: after}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('decile-chart');
    if (el) {
      draw(el);
    }
  });
})();
