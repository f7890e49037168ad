/* 进度看板: what every chart shares — reading its data, status colours and greyscale-safe patterns. */
(function () {
  "use strict";

  var STATUS_COLOURS = {
    completed: "#1a7f37",
    on_track: "#0969da",
    behind: "#c2410c",
    not_started: "#8250df",
    suspended: "#57606a",
    unknown: "#afb8c1"
  };

  // A pattern per status so the doughnut reads without colour (greyscale print, colour blindness).
  function pattern(colour, kind) {
    var size = 10;
    var tile = document.createElement("canvas");
    tile.width = size;
    tile.height = size;
    var context = tile.getContext("2d");
    context.fillStyle = colour;
    context.fillRect(0, 0, size, size);
    context.strokeStyle = "rgba(255, 255, 255, 0.85)";
    context.fillStyle = "rgba(255, 255, 255, 0.85)";
    context.lineWidth = 2;
    if (kind === "diagonal") {
      context.beginPath();
      context.moveTo(0, size);
      context.lineTo(size, 0);
      context.stroke();
    } else if (kind === "dots") {
      context.beginPath();
      context.arc(size / 2, size / 2, 1.8, 0, 2 * Math.PI);
      context.fill();
    } else if (kind === "cross") {
      context.beginPath();
      context.moveTo(0, size / 2);
      context.lineTo(size, size / 2);
      context.moveTo(size / 2, 0);
      context.lineTo(size / 2, size);
      context.stroke();
    } else if (kind === "horizontal") {
      context.beginPath();
      context.moveTo(0, size / 2);
      context.lineTo(size, size / 2);
      context.stroke();
    }
    return context.createPattern(tile, "repeat");
  }

  var PATTERN_KINDS = {
    completed: "solid",
    on_track: "diagonal",
    behind: "cross",
    not_started: "dots",
    suspended: "horizontal",
    unknown: "dots"
  };

  function statusFill(status) {
    var colour = STATUS_COLOURS[status] || STATUS_COLOURS.unknown;
    var kind = PATTERN_KINDS[status] || "solid";
    return kind === "solid" ? colour : pattern(colour, kind);
  }

  function readData(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-source"));
    return source ? JSON.parse(source.textContent) : null;
  }

  function eachChart(kind, draw) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    var canvases = document.querySelectorAll('canvas[data-chart="' + kind + '"]');
    Array.prototype.forEach.call(canvases, function (canvas) {
      var data = readData(canvas);
      if (data) {
        draw(canvas, data);
      }
    });
  }

  // A long name cut for an axis (the tooltip and the table beside the chart give it whole).
  function shortLabel(label, characters) {
    return label.length > characters ? label.slice(0, characters - 1) + "…" : label;
  }

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

  // Fonts and animation the same on every chart; no animation keeps printing and screenshots exact.
  if (typeof window.Chart !== "undefined") {
    window.Chart.defaults.animation = false;
    window.Chart.defaults.font.family = getComputedStyle(document.body || document.documentElement).fontFamily;
    window.Chart.defaults.color = "#1f2933";
  }

  window.Jindu = {
    STATUS_COLOURS: STATUS_COLOURS,
    statusFill: statusFill,
    eachChart: eachChart,
    shortLabel: shortLabel,
    elapsedLine: elapsedLine
  };
})();
