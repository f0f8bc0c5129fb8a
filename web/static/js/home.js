// Home page charts from /api/overview (Chart.js).
(function () {
  "use strict";
  const { getJSON, styles } = window.GovKG;

  function bar(id, labels, values, colours, options) {
    const canvas = document.getElementById(id);
    if (!canvas) return null;
    return new Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ data: values, backgroundColor: colours || "#5c6bc0" }] },
      options: Object.assign({
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      }, options || {}),
    });
  }

  function entries(obj) {
    return Object.entries(obj || {}).filter(([, n]) => n);
  }

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  getJSON("/api/overview").then((data) => {
    const perLabel = entries(data.entities_per_label);
    const lChart = bar("chart-labels", perLabel.map(([k]) => k), perLabel.map(([, n]) => n),
      perLabel.map(([k]) => (styles[k] || {}).colour || "#888"));
    // A label's bar leads to the list of its entities, as the count chips above do.
    if (lChart) {
      lChart.options.onClick = (event, items) => {
        if (items.length) window.location.href = "/search?label=" + encodeURIComponent(perLabel[items[0].index][0]);
      };
      lChart.options.onHover = (event, items) => { event.native.target.style.cursor = items.length ? "pointer" : "default"; };
    }
    const years = entries(data.reports_per_year).sort(([a], [b]) => String(a).localeCompare(String(b)));
    bar("chart-years", years.map(([k]) => k), years.map(([, n]) => n), "#42a5f5");
    const places = entries(data.reports_per_place).sort(([, a], [, b]) => b - a).slice(0, 30);
    bar("chart-places", places.map(([k]) => k), places.map(([, n]) => n), "#fdd835");
    const honours = (data.honours_per_place || []).slice(0, 30);
    const hChart = bar("chart-honours", honours.map((h) => h.name), honours.map((h) => h.count),
      honours.map((h) => (styles[h.label] || {}).colour || "#ab47bc"));
    const invest = (data.investment_per_subdistrict || []).slice(0, 40);
    const iChart = bar("chart-investment", invest.map((h) => (h.year ? h.name + " " + h.year : h.name)),
      invest.map((h) => Math.round((h.amount_yuan || 0) / 1e6) / 100), "#26a69a");
    // Clicking a bar opens that place in the explorer.
    for (const [chart, rows] of [[hChart, honours], [iChart, invest]]) {
      if (!chart) continue;
      chart.options.onClick = (event, items) => {
        if (items.length) window.location.href = "/graph?focus=" + encodeURIComponent(rows[items[0].index].id);
      };
    }
    window.govkgCharts = { labels: lChart };
    document.body.dataset.chartsReady = "1";
  }).catch((error) => {
    document.querySelector(".charts").prepend(window.GovKG.el("p", { class: "error-box" }, error.message));
    document.body.dataset.chartsReady = "error";
  });
})();
