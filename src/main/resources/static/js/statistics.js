/*
 * The statistics page's charts. The figures come from the page's #statistics-data element (its data-chart attribute,
 * JSON), rendered by the server with the texts already in the page's language; this file only draws them with Chart.js (from its webjar).
 * No inline script: the content security policy allows scripts from the application only.
 */
(function () {
  'use strict';

  var block = document.getElementById('statistics-data');
  if (!block || typeof Chart === 'undefined') {
    return;
  }

  // an attribute value, escaped by the server and decoded by the browser: never markup, never a script
  var data = JSON.parse(block.dataset.chart);
  if (!data.labels || data.labels.length === 0) {
    return;
  }

  var colors = { sent: '#0b4f8a', answered: '#2e7d45', median: '#f2a900', p90: '#b3261e' };
  var maxLabel = 28;

  function shortLabel(label) {
    return label.length > maxLabel ? label.slice(0, maxLabel - 1) + '\u2026' : label;
  }

  function dataset(series, color) {
    return { label: series.label, data: series.data, backgroundColor: color, borderColor: color, borderWidth: 1 };
  }

  function horizontalBars(canvasId, datasets, axisTitle, decimals) {
    var canvas = document.getElementById(canvasId);
    if (!canvas) {
      return;
    }
    // room for two bars per party, so that twenty parties stay readable
    canvas.parentNode.style.height = Math.max(16, 4 + data.labels.length * 2.4) + 'rem';
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            beginAtZero: true,
            title: { display: true, text: axisTitle },
            ticks: decimals ? {} : { precision: 0 }
          },
          y: { ticks: { autoSkip: false, callback: function (value) { return shortLabel(data.labels[value]); } } }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: function (items) { return data.labels[items[0].dataIndex]; } } }
        }
      }
    });
  }

  horizontalBars('statistics-counts',
    [dataset(data.sent, colors.sent), dataset(data.answered, colors.answered)], data.requestsAxis, false);
  horizontalBars('statistics-days',
    [dataset(data.median, colors.median), dataset(data.p90, colors.p90)], data.daysAxis, true);
}());
