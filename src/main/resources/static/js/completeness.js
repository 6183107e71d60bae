// The completeness dashboard's charts (Apache ECharts from the WebJar). The numbers come from the
// server in #chart-data's data-chart attribute; the content security policy forbids inline scripts.
// Without JavaScript the matrix and the lists below it say everything the charts do.
(function () {
  'use strict';

  var holder = document.getElementById('chart-data');
  if (!holder || typeof window.echarts === 'undefined') {
    return;
  }
  var data;
  try {
    data = JSON.parse(holder.getAttribute('data-chart') || 'null');
  } catch (e) {
    return;
  }
  if (!data) {
    return;
  }

  var font = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
  var palette = ['#a8201a', '#1a4f9c', '#1e6b35', '#9a6400', '#6a3d9a', '#00796b', '#5f6b76'];
  var charts = [];

  function title(text, sub) {
    return {
      text: text, subtext: sub, left: 'left',
      textStyle: { fontSize: 14, fontWeight: 600, fontFamily: font, color: '#1f2328' },
      subtextStyle: { fontSize: 11, fontFamily: font, color: '#5f6b76', width: 520, overflow: 'break' }
    };
  }

  // Tooltips are HTML: names from the configuration are escaped like any other text.
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function percent(v) {
    return v === null || v === undefined ? '—' : v + '%';
  }

  var typesEl = document.getElementById('chart-types');
  if (typesEl && data.types && data.types.length) {
    var byType = echarts.init(typesEl, null, { renderer: 'svg' });
    byType.setOption({
      color: palette,
      textStyle: { fontFamily: font },
      title: title(data.typeTitle, data.typeSubtitle),
      grid: { left: 48, right: 16, top: 78, bottom: 36 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (items) {
          var i = items[0].dataIndex;
          return escapeHtml(data.types[i]) + '<br>达标率 ' + percent(data.typeShares[i]) + '（' + data.typeMet[i] + ' / ' + data.typeReviewed[i] + ' 项）';
        }
      },
      xAxis: { type: 'category', data: data.types, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{
        type: 'bar', name: '达标率', data: data.typeShares, barMaxWidth: 48,
        itemStyle: { color: '#1e6b35' },
        label: { show: true, position: 'top', formatter: function (p) { return percent(p.value); } }
      }]
    });
    charts.push(byType);
  }

  var monthsEl = document.getElementById('chart-months');
  if (monthsEl && data.monthSeries && data.monthSeries.length) {
    var byMonth = echarts.init(monthsEl, null, { renderer: 'svg' });
    byMonth.setOption({
      color: palette,
      textStyle: { fontFamily: font },
      title: title(data.monthTitle, data.monthSubtitle),
      legend: { top: 52, left: 'left', type: 'scroll', textStyle: { fontSize: 11 } },
      grid: { left: 48, right: 16, top: 96, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: percent },
      xAxis: { type: 'category', data: data.months, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: data.monthSeries.map(function (s, i) {
        return {
          type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6,
          lineStyle: { width: i === 0 && data.monthSeries.length > 1 ? 3 : 1.5 }
        };
      })
    });
    charts.push(byMonth);
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
