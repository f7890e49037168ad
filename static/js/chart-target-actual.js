/* Target against actual per metric, each scaled to its own target (= 100%).
   Data: {labels, target_percent, actual_percent, targets, actuals, units, target_label, actual_label}. */
(function () {
  "use strict";

  function draw(canvas, data) {
    canvas.parentNode.style.height = (data.labels.length * 56 + 80) + "px";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.target_label, data: data.target_percent, backgroundColor: "#afb8c1", maxBarThickness: 18 },
          { label: data.actual_label, data: data.actual_percent, backgroundColor: "#0969da", maxBarThickness: 18 }
        ]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, ticks: { callback: function (value) { return value + "%"; } } } },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) {
                var raw = item.datasetIndex === 0 ? data.targets[item.dataIndex] : data.actuals[item.dataIndex];
                var unit = data.units[item.dataIndex] || "";
                return " " + item.dataset.label + "：" + (raw === null ? "—" : raw + unit) + "（" + item.raw + "%）";
              }
            }
          }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("target-actual", draw);
  });
})();
