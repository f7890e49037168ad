/* Measurable targets: the median completion (actual as % of target) per theme or department, with the 序时进度 line.
   Data: {labels (full names), values, counts, value_label, count_label, elapsed, elapsed_label}. */
(function () {
  "use strict";

  var BAR_HEIGHT = 26;
  var AXIS_LABEL_CHARACTERS = 12;
  // A target passed three times over would squeeze every other bar to nothing: the axis stops here, the tooltip tells.
  var AXIS_MAX_PERCENT = 200;

  function draw(canvas, data) {
    canvas.parentNode.style.height = (data.labels.length * BAR_HEIGHT + 80) + "px";
    var largest = Math.max.apply(null, data.values.concat([100]));
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: data.value_label,
          data: data.values.map(function (value) { return Math.min(value, AXIS_MAX_PERCENT); }),
          backgroundColor: data.values.map(function (value) {
            return data.elapsed !== null && value < data.elapsed ? window.Jindu.STATUS_COLOURS.behind : window.Jindu.STATUS_COLOURS.completed;
          }),
          borderRadius: 3,
          maxBarThickness: 18
        }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: data.elapsed !== null ? 18 : 0 } },
        scales: {
          x: { min: 0, max: Math.min(AXIS_MAX_PERCENT, Math.ceil(largest / 25) * 25), ticks: { callback: function (value) { return value + "%"; } } },
          y: {
            ticks: {
              autoSkip: false,
              callback: function (value) {
                return window.Jindu.shortLabel(this.getLabelForValue(value), AXIS_LABEL_CHARACTERS);
              }
            }
          }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) { return data.labels[items[0].dataIndex]; },
              label: function (item) { return " " + data.value_label + " " + data.values[item.dataIndex] + "%"; },
              footer: function (items) { return data.count_label + " " + data.counts[items[0].dataIndex]; }
            }
          },
          elapsedLine: { value: data.elapsed, label: data.elapsed_label }
        }
      },
      plugins: [window.Jindu.elapsedLine]
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("completion", draw);
  });
})();
