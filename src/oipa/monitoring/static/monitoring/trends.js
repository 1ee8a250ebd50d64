/* Draws the trends charts with Apache ECharts from the page's #trend-data JSON block.
   Loaded only when ECharts is installed; the tables on the page carry the same numbers. */
(function () {
  "use strict";
  function draw() {
    var block = document.getElementById("trend-data");
    if (!block || typeof window.echarts === "undefined") { return; }
    var data = JSON.parse(block.textContent);
    document.querySelectorAll(".trend-chart[data-chart]").forEach(function (node) {
      var name = node.getAttribute("data-chart");
      var series = data.series[name];
      if (!series) { return; }
      var chart = window.echarts.init(node);
      var line = name === "month";
      chart.setOption({
        tooltip: { trigger: "axis" },
        grid: { left: 48, right: 16, top: 16, bottom: 64, containLabel: true },
        xAxis: { type: "category", data: series.labels, axisLabel: { rotate: line ? 0 : 30 } },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ name: data.titles[name], type: line ? "line" : "bar", data: series.values }]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
