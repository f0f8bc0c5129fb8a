// Report page: scroll to and light up the sentence named by #offset; toggle labels.
(function () {
  "use strict";
  const sentences = window.GovKG.readJSON("sentences", {});
  const text = document.getElementById("report-text");
  const anchors = [...text.querySelectorAll(".anchor")].map((a) => Number(a.id)).sort((a, b) => a - b);

  function show() {
    const offset = parseInt(window.location.hash.slice(1), 10);
    text.querySelectorAll(".hit").forEach((n) => n.classList.remove("hit"));
    if (!Number.isFinite(offset)) return;
    let start = offset;
    if (!document.getElementById(String(offset))) {
      start = anchors.filter((a) => a <= offset).pop();
      if (start === undefined) return;
    }
    const end = sentences[String(start)];
    if (end !== undefined) {
      text.querySelectorAll("[data-o]").forEach((n) => {
        const o = Number(n.dataset.o);
        if (o >= start && o < end) n.classList.add("hit");
      });
    }
    const target = document.getElementById(String(start));
    if (target) target.scrollIntoView({ block: "center" });
    document.body.dataset.hit = String(start);
  }

  document.querySelectorAll("[data-toggle-label]").forEach((box) => {
    box.addEventListener("change", () => {
      text.querySelectorAll('.ent[data-label="' + CSS.escape(box.dataset.toggleLabel) + '"]')
        .forEach((n) => n.classList.toggle("off", !box.checked));
    });
  });
  window.addEventListener("hashchange", show);
  show();
})();
