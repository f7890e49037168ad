/* Status doughnut: how many tasks have each status. Data: {labels, statuses, values, total}. */
(function () {
  "use strict";

  function draw(canvas, data) {
    new window.Chart(canvas, {
      type: "doughnut",
      data: {
        labels: data.labels,
        datasets: [{
          data: data.values,
          backgroundColor: data.statuses.map(window.Jindu.statusFill),
          borderColor: "#ffffff",
          borderWidth: 2
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        cutout: "55%",
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label: function (item) {
                var share = data.total ? Math.round(100 * item.raw / data.total) : 0;
                return " " + item.label + "：" + item.raw + "（" + share + "%）";
              }
            }
          }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.Jindu.eachChart("status", draw);
  });
})();
