/* One task through the reports of its series: each measurable target's actual as % of its target, and the 序时进度 pace.
   Data: {labels (periods), lines: [{label, values}], pace, pace_label, target_label}. */
(function () {
  "use strict";

  var LINE_COLOURS = ["#0969da", "#1a7f37", "#8250df", "#c2410c", "#57606a"];

  function draw(canvas, data) {
    var datasets = data.lines.map(function (line, index) {
      var colour = LINE_COLOURS[index % LINE_COLOURS.length];
      return { label: line.label, data: line.values, borderColor: colour, backgroundColor: colour, spanGaps: true, pointRadius: 4 };
    });
    datasets.push({
      label: data.pace_label,
      data: data.pace,
      borderColor: "#b42318",
      backgroundColor: "#b42318",
      borderDash: [6, 4],
      pointRadius: 0,
      spanGaps: true
    });
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: function (value) { return value + "%"; } } } },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14 } },
          tooltip: { callbacks: { label: function (item) { return " " + item.dataset.label + " " + item.raw + "%"; } } }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("timeline", draw);
  });
})();
