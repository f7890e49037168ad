/* Tasks by status as stacked horizontal bars: one bar per theme, department or report period.
   Data: {labels (full names), series: [{status, label, values}], totals, value_label, total_label}. */
(function () {
  "use strict";

  var BAR_HEIGHT = 28;
  // Axis labels are shortened so bars keep their width on a phone; the tooltip and the table give the full name.
  var AXIS_LABEL_CHARACTERS = 12;

  function draw(canvas, data) {
    canvas.parentNode.style.height = (data.labels.length * BAR_HEIGHT + 90) + "px";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series) {
          return {
            label: series.label,
            data: series.values,
            backgroundColor: window.Jindu.statusFill(series.status),
            borderColor: "#ffffff",
            borderWidth: 1,
            maxBarThickness: 20
          };
        })
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: data.value_label } },
          y: {
            stacked: true,
            ticks: {
              autoSkip: false,
              callback: function (value) {
                return window.Jindu.shortLabel(this.getLabelForValue(value), AXIS_LABEL_CHARACTERS);
              }
            }
          }
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: function (items) { return data.labels[items[0].dataIndex]; },
              footer: function (items) { return data.total_label + " " + data.totals[items[0].dataIndex]; }
            }
          }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("status-bars", draw);
  });
})();
