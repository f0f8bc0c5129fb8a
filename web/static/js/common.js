// Shared helpers for every page. Data from reports is only ever put into the DOM
// with textContent or attribute setters, never as HTML.
(function () {
  "use strict";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function getJSON(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const error = new Error((body && body.error) || response.status + " " + response.statusText);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  function readJSON(id, fallback) {
    const node = document.getElementById(id);
    if (!node) return fallback;
    try { return JSON.parse(node.textContent); } catch (e) { return fallback; }
  }

  const styles = readJSON("label-style", {});
  const labelNames = readJSON("label-names", {});

  function badge(label) {
    return el("span", { class: "badge lbl-" + label, title: labelNames[label] || "" }, label);
  }

  function download(filename, blob) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // Search box with suggestions: names and aliases of all labels.
  function attachSearch(box) {
    const input = box.querySelector("input");
    const list = box.querySelector(".suggestions");
    let hits = [];
    let active = -1;
    let timer = null;
    let seq = 0;

    function close() { list.hidden = true; active = -1; }
    function choose(hit) {
      close();
      if (box.dataset.search === "add") {
        input.value = "";
        box.dispatchEvent(new CustomEvent("govkg:pick", { detail: hit, bubbles: true }));
      } else {
        window.location.href = "/graph?focus=" + encodeURIComponent(hit.id);
      }
    }
    function render(query) {
      list.replaceChildren();
      const all = box.dataset.search === "navigate";
      if (!hits.length) {
        list.append(el("li", { class: "empty" }, "没有结果 No match for “" + query + "”"));
      }
      hits.forEach((hit, i) => {
        const alias = hit.aliases.find((a) => a.includes(query) && !hit.name.includes(query));
        const item = el("li", { role: "option", class: i === active ? "active" : "", dataset: { id: hit.id } },
          badge(hit.label), " ", el("span", { class: "name" }, hit.name),
          alias ? el("small", { class: "muted" }, " (" + alias + ")") : null);
        item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(hit); });
        list.append(item);
      });
      if (all) {
        const more = el("li", { class: "all-results" }, el("a", { href: "/search?q=" + encodeURIComponent(query) },
          "所有结果 All results for “" + query + "” →"));
        more.addEventListener("mousedown", (event) => { event.preventDefault(); window.location.href = "/search?q=" + encodeURIComponent(query); });
        list.append(more);
      }
      list.hidden = false;
    }
    // A label's name (village, Villages, 村) offers that label's list, as the search page does.
    function labelNamed(query) {
      const key = query.toLowerCase();
      return Object.keys(labelNames).find((label) => label !== "Report" &&
        (key === label.toLowerCase() || key === label.toLowerCase() + "s" || key === labelNames[label])) || null;
    }

    function offerLabel(label) {
      list.replaceChildren(el("li", { class: "label-offer", role: "option" },
        el("a", { href: "/search?label=" + encodeURIComponent(label) }, "列出 List all ", badge(label), " " + (labelNames[label] || ""), " →")));
      list.firstChild.addEventListener("mousedown", (event) => { event.preventDefault(); window.location.href = "/search?label=" + encodeURIComponent(label); });
      list.hidden = false;
    }

    async function lookup() {
      const query = input.value.trim();
      const named = box.dataset.search === "navigate" ? labelNamed(query) : null;
      if (named && [...query].length < 2) { hits = []; offerLabel(named); return; }
      // One character names thousands of entities (and the Neo4j store answers it by a
      // scan), so suggestions start at two, as with other CJK search boxes.
      if ([...query].length < 2) { close(); return; }
      const mine = ++seq;
      try {
        const data = await getJSON("/api/search?limit=12&q=" + encodeURIComponent(query));
        if (mine !== seq) return;
        hits = data.hits;
        active = hits.length ? 0 : -1;
        render(query);
        if (named) list.prepend(el("li", { class: "label-offer" }, el("a", { href: "/search?label=" + encodeURIComponent(named) }, "列出 List all ", badge(named), " " + (labelNames[named] || ""), " →")));
      } catch (error) {
        list.replaceChildren(el("li", { class: "empty" }, error.message));
        list.hidden = false;
      }
    }
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!hits.length) return;
        active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
        render(input.value.trim());
        event.preventDefault();
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (hits[active] && !list.hidden) choose(hits[active]);
        else if (box.dataset.search === "navigate" && input.value.trim()) window.location.href = "/search?q=" + encodeURIComponent(input.value.trim());
        else lookup();
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }

  document.querySelectorAll(".search[data-search]").forEach(attachSearch);

  window.GovKG = { el, getJSON, readJSON, badge, styles, labelNames, download };
})();
