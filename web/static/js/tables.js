// Tables: click a header to sort (numbers as numbers); the comparison page's chart (Chart.js).
(function () {
  "use strict";

  function cellValue(row, index) {
    const text = row.cells[index] ? row.cells[index].textContent.trim() : "";
    const number = Number(text.replace(/,/g, ""));
    return text !== "" && !Number.isNaN(number) ? number : text;
  }

  function sortBy(table, th) {
    const index = Array.prototype.indexOf.call(th.parentNode.children, th);
    const ascending = th.dataset.sort !== "asc";
    for (const other of th.parentNode.children) delete other.dataset.sort;
    th.dataset.sort = ascending ? "asc" : "desc";
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = cellValue(a, index), y = cellValue(b, index);
      if (x === y) return 0;
      if (x === "") return 1;
      if (y === "") return -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
  }

  for (const table of document.querySelectorAll("table.sortable")) {
    for (const th of table.tHead.rows[0].cells) th.addEventListener("click", () => sortBy(table, th));
  }

  const data = document.getElementById("compare-data");
  const canvas = document.getElementById("compare-chart");
  if (data && canvas && window.Chart) {
    const chart = JSON.parse(data.textContent);
    const colours = ["#26a69a", "#5c6bc0", "#ef5350", "#ffa726", "#8d6e63", "#ab47bc", "#29b6f6", "#9ccc65"];
    new Chart(canvas, {
      type: chart.years.length > 1 ? "line" : "bar",
      data: {
        labels: chart.years,
        datasets: chart.series.map((s, i) => ({
          label: s.place, data: s.values, spanGaps: true,
          borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
        })),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { title: { display: true, text: chart.unit } },
      },
    });
  }
  document.body.dataset.tablesReady = "1";
})();
