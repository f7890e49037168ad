/* Completion per theme or department: horizontal bars, with the 序时进度 line when shares are known.
   Data: {mode: "share"|"count", labels, values, value_label, elapsed, elapsed_label}. */
(function () {
  "use strict";

  var BAR_HEIGHT = 26;

  // A tiny plugin instead of an annotation library: a dashed vertical line at the share of the year elapsed.
  var elapsedLine = {
    id: "elapsedLine",
    afterDatasetsDraw: function (chart, args, options) {
      if (options.value === null || options.value === undefined) {
        return;
      }
      var x = chart.scales.x.getPixelForValue(options.value);
      var area = chart.chartArea;
      var context = chart.ctx;
      context.save();
      context.strokeStyle = "#b42318";
      context.lineWidth = 2;
      context.setLineDash([6, 4]);
      context.beginPath();
      context.moveTo(x, area.top);
      context.lineTo(x, area.bottom);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = "#b42318";
      context.font = "12px " + window.Chart.defaults.font.family;
      context.textAlign = x > area.right - 80 ? "right" : "left";
      context.fillText(options.label + " " + options.value + "%", x + (context.textAlign === "left" ? 4 : -4), area.top - 6);
      context.restore();
    }
  };

  function draw(canvas, data) {
    var share = data.mode === "share";
    canvas.parentNode.style.height = (data.labels.length * BAR_HEIGHT + 70) + "px";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: data.value_label,
          data: data.values,
          backgroundColor: share ? "#1a7f37" : "#616e7c",
          borderRadius: 3,
          maxBarThickness: 18
        }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: share && data.elapsed !== null ? 18 : 0 } },
        scales: {
          x: share ? { min: 0, max: 100, ticks: { callback: function (value) { return value + "%"; } } } : { beginAtZero: true, ticks: { precision: 0 } },
          y: {
            ticks: {
              autoSkip: false,
              // Long Chinese names would squeeze the bars on a phone.
              callback: function (value) {
                var label = this.getLabelForValue(value);
                return label.length > 10 ? label.slice(0, 10) + "…" : label;
              }
            }
          }
        },
        plugins: {
          legend: { display: true, position: "bottom" },
          elapsedLine: { value: share ? data.elapsed : null, label: data.elapsed_label }
        }
      },
      plugins: [elapsedLine]
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("completion", draw);
  });
})();
