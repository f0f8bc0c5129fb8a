// Graph explorer: Cytoscape.js over /api/entity/<id>/neighbours, /api/entity/<id>, /api/path.
(function () {
  "use strict";
  const { el, getJSON, readJSON, badge, download } = window.GovKG;
  const { stylesheet, paint, look, communityColour } = window.GovKGGraph;
  cytoscape.use(cytoscapeFcose);

  const config = readJSON("explorer-config", {});
  const params = new URLSearchParams(window.location.search);
  const fetchLimit = Math.min(Number(params.get("limit")) || 500, 5000);
  const $ = (id) => document.getElementById(id);
  const status = $("graph-status");
  const details = $("details");

  // One wheel notch (deltaY 100-120) zooms about 18%, as in Neo4j Browser and map viewers
  // (Cytoscape's default, 1, zooms about 3x a notch). Its own wheel handling is kept (it
  // draws cheaply while zooming); the warning it prints for a custom sensitivity is
  // silenced for the constructor only, so other warnings still show.
  cytoscape.warnings(false);
  const cy = cytoscape({
    container: $("cy"),
    style: stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.15,
    hideEdgesOnViewport: true,  // edges are most of the drawing cost while panning big views
    hideLabelsOnViewport: true,  // and labels, re-drawn at each zoom level: both return when the motion stops
  });
  cytoscape.warnings(true);
  // Zooming scales a snapshot of the view (redrawn when the wheel stops): at 2,000 nodes a
  // wheel step redraws in ~65 ms instead of ~200. Panning draws live (edges and labels hidden),
  // since taking the snapshot costs more than a whole drag's frames. The renderer reads the
  // flag at every frame, so it is switched by the input that starts the motion.
  const renderer = cy.renderer();
  $("cy").addEventListener("wheel", () => { renderer.textureOnViewport = true; }, { capture: true, passive: true });
  $("cy").addEventListener("mousedown", () => { renderer.textureOnViewport = false; }, { capture: true });

  const state = { selected: null, pathFrom: null, pathTo: null, timings: {}, bigView: false,
    expanded: [], restoring: false };

  function checked(containerId) {
    return new Set([...document.querySelectorAll("#" + containerId + " input:checked")].map((i) => i.value));
  }

  function setStatus(text) { status.textContent = text; }

  // --- adding data -----------------------------------------------------------
  function nodeData(node) {
    const data = Object.assign({}, node.properties || {}, {
      id: node.id, name: node.name, label: node.label, aliases: node.aliases || [],
    }, look(node.label));
    return data;
  }

  function edgeData(rel) {
    return Object.assign({}, rel.properties || {}, {
      id: rel.id, source: rel.source, target: rel.target, type: rel.type, report_id: rel.report_id,
      year: rel.properties && rel.properties.year,
    });
  }

  // New nodes go on rings around the node they came from, out of the way of what is
  // already there; nothing the user has arranged moves (Bloom does the same).
  function ringPositions(centre, count, start) {
    const spots = [];
    let ring = 0, placed = 0;
    while (placed < count) {
      const radius = 110 + ring * 60;
      const room = Math.max(6, Math.floor((2 * Math.PI * radius) / 48));
      const here = Math.min(room, count - placed);
      for (let i = 0; i < here; i++) {
        const angle = start + (2 * Math.PI * i) / here + ring * 0.35;
        spots.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
      }
      placed += here;
      ring += 1;
    }
    return spots;
  }

  function addSubgraph(data, around) {
    const origin = around ? cy.getElementById(around) : cy.collection();
    const centre = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    // Open side: away from the middle of what is already drawn.
    let start = 0;
    if (origin.nonempty() && cy.nodes().length > 1) {
      const box = cy.nodes().boundingBox();
      start = Math.atan2(centre.y - (box.y1 + box.y2) / 2, centre.x - (box.x1 + box.x2) / 2) - Math.PI / 2;
    }
    const fresh = data.nodes.filter((node) => cy.getElementById(node.id).empty());
    const spots = ringPositions(centre, fresh.length, start);
    const added = fresh.map((node, i) => ({ group: "nodes", data: nodeData(node), position: spots[i] }));
    const have = new Set(cy.nodes().map((n) => n.id()).concat(fresh.map((n) => n.id)));
    for (const rel of data.relations) {
      if (cy.getElementById(rel.id).nonempty() || !have.has(rel.source) || !have.has(rel.target)) continue;
      added.push({ group: "edges", data: edgeData(rel) });
    }
    let result;
    cy.batch(() => { result = cy.add(added); });
    importanceDirty = true;
    restyle();
    applyFilters();
    return result;
  }

  function typeParams() {
    return [...checked("type-filter")].map((t) => "&type=" + encodeURIComponent(t)).join("");
  }

  async function expand(id, options) {
    const fresh = options && options.fresh;
    setStatus("loading…");
    const t0 = performance.now();
    const data = await getJSON("/api/entity/" + encodeURIComponent(id) + "/neighbours?depth=1&limit=" + fetchLimit + typeParams());
    const t1 = performance.now();
    if (fresh) { cy.elements().remove(); state.expanded = []; }
    const empty = cy.nodes().empty();
    const before = cy.nodes().length;
    const added = addSubgraph(data, id);
    const t2 = performance.now();
    if (fresh) { cy.nodes(".focus").removeClass("focus"); cy.getElementById(id).addClass("focus"); }
    if (!fresh && !state.expanded.includes(id) && id !== focusId()) state.expanded.push(id);
    if (fresh || empty) await relayout({ fresh: true });
    else edgeDetail(cy.nodes().length);
    const t3 = performance.now();
    cullLabels();
    state.timings = { nodes: cy.nodes().length, edges: cy.edges().length, added: added.nodes().length,
      fetch_ms: t1 - t0, render_ms: t2 - t1, layout_ms: t3 - t2, total_ms: t3 - t0 };
    setStatus(`${cy.nodes().length} nodes, ${cy.edges().length} edges (+${cy.nodes().length - before})` +
      (data.truncated ? " · truncated by the limit" : "") + ` · ${Math.round(t3 - t0)} ms`);
    saveURL();
    return data;
  }

  function focusId() {
    const node = cy.nodes(".focus").first();
    return node.nonempty() ? node.id() : "";
  }

  // --- layout and appearance ----------------------------------------------------
  function restyle() {
    const byCommunity = $("colour-community").checked;
    paint(cy, { sizeBy: $("size-by").value, byCommunity });
    communityLegend(byCommunity);
  }

  // Colouring by community replaces the label colours (shapes still tell the labels):
  // a legend says which colour is which community and how many nodes it has here.
  function communityLegend(on) {
    const box = $("community-legend");
    box.replaceChildren();
    box.hidden = !on;
    if (!on) return;
    const counts = new Map();
    cy.nodes().forEach((n) => {
      const c = n.data("community");
      const key = c === undefined || c === null || c === "" ? null : String(c);
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    box.append(el("p", { class: "small" }, "Colour = community 社群 (shape = label)"));
    for (const [key, n] of rows.slice(0, 16)) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = key === null ? "" : communityColour(key);
      box.append(el("div", { class: "legend-item community-item", dataset: { community: key === null ? "" : key } },
        swatch, key === null ? "no community (label colour)" : "community " + key, " ", el("small", {}, "(" + n + ")")));
    }
    if (rows.length > 16) box.append(el("p", { class: "small muted" }, `… ${rows.length - 16} more`));
  }

  // --- label culling ---------------------------------------------------------------
  // Labels are placed most important first (the focus, then by degree in the view, then
  // pagerank); one that would overlap a label already placed is left out until the user
  // zooms in, hovers or selects its node. So a 300-node view shows a few dozen readable
  // names instead of a smudge, and zooming in reveals the rest (as Bloom does).
  let importance = [];
  let importanceDirty = true;
  let cullTimer = null;

  function rankNodes() {
    importance = cy.nodes().toArray().sort((a, b) =>
      (b.hasClass("focus") - a.hasClass("focus")) || (b.degree() - a.degree()) ||
      ((Number(b.data("pagerank")) || 0) - (Number(a.data("pagerank")) || 0)) || (a.id() < b.id() ? -1 : 1));
    importanceDirty = false;
  }

  function cullLabels() {
    if (importanceDirty) rankNodes();
    const zoom = cy.zoom(), pan = cy.pan();
    const width = cy.width(), height = cy.height();
    const cell = 16, cols = Math.ceil(width / cell) + 1;
    const taken = new Set();
    const shown = [], quiet = [];
    for (const node of importance) {
      if (node.removed()) continue;
      if (node.hasClass("filtered") || node.hasClass("hidden-by-user")) continue;
      const p = node.position();
      const x = p.x * zoom + pan.x, y = p.y * zoom + pan.y;
      if (x < -50 || y < -50 || x > width + 50 || y > height + 50) { quiet.push(node); continue; }
      const font = 11 * zoom;
      if (font < 7) { quiet.push(node); continue; }
      const w = String(node.data("name")).length * font * 1.05 + 10;  // CJK: 1 em a character, plus the outline
      const top = y + (Number(node.data("size")) || 28) * zoom / 2;
      const x0 = Math.floor((x - w / 2) / cell), x1 = Math.floor((x + w / 2) / cell);
      const y0 = Math.floor(top / cell), y1 = Math.floor((top + font * 1.6 + 4) / cell);
      let free = true;
      for (let i = x0; i <= x1 && free; i++) for (let j = y0; j <= y1; j++) if (taken.has(j * cols + i)) { free = false; break; }
      if (!free) { quiet.push(node); continue; }
      for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) taken.add(j * cols + i);
      shown.push(node);
    }
    cy.batch(() => {
      for (const node of shown) if (node.hasClass("quiet")) node.removeClass("quiet");
      for (const node of quiet) if (!node.hasClass("quiet")) node.addClass("quiet");
      // Edge types are written on the edges when the view is small enough to read them.
      const quietEdges = cy.edges().length > 150 && zoom < 1.2;
      cy.edges().forEach((e) => { if (e.hasClass("quiet") !== quietEdges) e.toggleClass("quiet", quietEdges); });
    });
    state.labelsShown = shown.length;
  }

  function cullSoon() {
    clearTimeout(cullTimer);
    cullTimer = setTimeout(cullLabels, 150);
  }

  // Past 1,000 nodes edges are drawn as straight "haystack" lines without arrows,
  // Cytoscape's cheapest edge, so panning and zooming stay smooth.
  function edgeDetail(n) {
    const big = n > 1000;
    if (big === state.bigView) return;
    state.bigView = big;
    cy.style().selector("edge").style(big
      ? { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none" }
      : { "curve-style": "bezier", "target-arrow-shape": "triangle" }).update();
  }

  // Relayout starts from where the nodes are (fcose without randomising), and nodes the
  // user pinned or dragged stay exactly where they were put (fixed-node constraints).
  function relayout(options) {
    const fresh = options && options.fresh === true;
    const visible = cy.elements().not(".filtered, .hidden-by-user");
    const n = visible.nodes().length;
    edgeDetail(n);
    const kept = visible.nodes().filter((node) => node.locked() || node.hasClass("moved"));
    // "auto": a force layout up to 800 nodes; past that a spiral by degree (hubs in the
    // middle), which takes a fraction of a second at 2,000 nodes where fcose takes many.
    const chosen = $("layout-name").value;
    const name = chosen === "auto" ? (n > 800 ? "spiral" : "fcose") : chosen;
    const opts = { name, animate: false, fit: fresh, padding: 30 };
    if (name === "spiral") {
      const order = visible.nodes().sort((a, b) => b.degree() - a.degree() || (a.id() < b.id() ? -1 : 1));
      const place = new Map();
      order.forEach((node, i) => {
        const r = 36 * Math.sqrt(i), angle = i * 2.399963;  // golden angle: an even disc
        place.set(node.id(), { x: r * Math.cos(angle), y: r * Math.sin(angle) });
      });
      kept.forEach((node) => place.set(node.id(), Object.assign({}, node.position())));
      Object.assign(opts, { name: "preset", positions: (node) => place.get(node.id()) });
    }
    if (name === "fcose") {
      // Big views: fewer force iterations and no component packing (packing dominates
      // at 2,000 nodes); "draft" (spectral only) is faster but collapses stars onto a line.
      const big = n > 800;
      Object.assign(opts, { quality: "default", randomize: fresh, nodeRepulsion: 6000,
        idealEdgeLength: 70, numIter: big ? 300 : 2500, packComponents: fresh && !big });
      if (!fresh && kept.nonempty()) {
        opts.fixedNodeConstraint = kept.map((node) => ({ nodeId: node.id(), position: Object.assign({}, node.position()) }));
      }
    } else if (name === "concentric") {
      Object.assign(opts, { concentric: (node) => node.degree(), levelWidth: () => 2, minNodeSpacing: 8 });
    } else if (name === "breadthfirst") {
      const roots = cy.nodes(".focus");
      if (roots.nonempty()) opts.roots = roots;
    }
    const before = new Map(kept.map((node) => [node.id(), Object.assign({}, node.position())]));
    return new Promise((resolve) => {
      const layout = visible.layout(opts);
      layout.one("layoutstop", () => {
        // Layouts other than fcose know no constraints: put the kept nodes back.
        cy.batch(() => before.forEach((pos, id) => { const node = cy.getElementById(id); if (!node.locked()) node.position(pos); }));
        if (fresh) cy.fit(visible, 30);
        cullLabels();
        resolve();
      });
      layout.run();
    });
  }

  // --- filters -------------------------------------------------------------------
  // A range whose start is after its end is refused (said so, and not applied).
  function yearRange() {
    const from = parseInt($("year-from").value, 10);
    const to = parseInt($("year-to").value, 10);
    const range = { from: Number.isFinite(from) ? from : null, to: Number.isFinite(to) ? to : null };
    const bad = range.from !== null && range.to !== null && range.from > range.to;
    $("year-status").textContent = bad ? `“from” ${range.from} is after “to” ${range.to}: no year filter applied` : "";
    $("year-from").classList.toggle("invalid", bad);
    $("year-to").classList.toggle("invalid", bad);
    return bad ? { from: null, to: null, invalid: true } : range;
  }

  function inYears(year, range) {
    const y = Number(year);
    if (!Number.isFinite(y) || y <= 0 || year === null || year === undefined || year === "") return true;
    return !((range.from !== null && y < range.from) || (range.to !== null && y > range.to));
  }

  // A node is hidden when its label is off, or when it has relations and every one of them
  // is filtered out (by type or year): no orphans left floating. The focus and pinned
  // nodes always stay.
  function applyFilters() {
    const labels = checked("label-filter");
    const types = checked("type-filter");
    const range = yearRange();
    cy.batch(() => {
      cy.edges().forEach((e) => {
        e.toggleClass("filtered", !types.has(e.data("type")) || !inYears(e.data("year"), range));
      });
      cy.nodes().forEach((n) => {
        const edges = n.connectedEdges();
        const stranded = edges.nonempty() && edges.every((e) => e.hasClass("filtered")) &&
          !n.hasClass("focus") && !n.hasClass("pinned");
        n.toggleClass("filtered", !labels.has(n.data("label")) || stranded);
      });
    });
    const shown = cy.nodes().not(".filtered, .hidden-by-user").length;
    setStatus(`${shown} of ${cy.nodes().length} nodes shown`);
    cullSoon();
    saveURL();
    return shown;
  }

  // --- the view in the URL --------------------------------------------------------------
  // focus, expanded nodes, labels switched off, relation types, years and the fetch limit:
  // a copied URL opens the same view (positions are laid out afresh).
  const DEFAULT_TYPES = [...document.querySelectorAll("#type-filter input")].filter((i) => i.defaultChecked).map((i) => i.value);

  function saveURL() {
    if (state.restoring) return;
    const q = new URLSearchParams();
    const focus = focusId();
    if (focus) q.set("focus", focus);
    if (state.expanded.length) q.set("x", state.expanded.join(","));
    const off = [...document.querySelectorAll("#label-filter input")].filter((i) => !i.checked).map((i) => i.value);
    if (off.length) q.set("hide", off.join(","));
    const types = [...checked("type-filter")];
    if (types.slice().sort().join() !== DEFAULT_TYPES.slice().sort().join()) q.set("types", types.join(",") || "-");
    if ($("year-from").value) q.set("from", $("year-from").value);
    if ($("year-to").value) q.set("to", $("year-to").value);
    if (params.get("limit")) q.set("limit", params.get("limit"));
    const url = window.location.pathname + (q.toString() ? "?" + q.toString() : "");
    if (url !== window.location.pathname + window.location.search) history.replaceState(null, "", url);
  }

  function restoreControls() {
    const split = (name) => (params.get(name) || "").split(",").filter(Boolean);
    const off = new Set(split("hide"));
    document.querySelectorAll("#label-filter input").forEach((i) => { i.checked = !off.has(i.value); });
    if (params.has("types")) {
      const on = new Set(split("types"));
      document.querySelectorAll("#type-filter input").forEach((i) => { i.checked = on.has(i.value); });
    }
    if (params.get("from")) $("year-from").value = params.get("from");
    if (params.get("to")) $("year-to").value = params.get("to");
    return split("x");
  }

  // --- details panel ------------------------------------------------------------
  function evidenceBlock(ev) {
    const sentence = el("span", { class: "sentence" });
    let pos = 0;
    const text = ev.sentence;
    const marks = (ev.marks || []).map(([a, b]) => [a - ev.start, b - ev.start]).sort((x, y) => x[0] - y[0]);
    for (const [a0, b0] of marks) {
      const a = Math.max(a0, pos), b = Math.min(b0, text.length);
      if (a >= b) continue;
      if (a > pos) sentence.append(text.slice(pos, a));
      sentence.append(el("mark", {}, text.slice(a, b)));
      pos = b;
    }
    sentence.append(text.slice(pos));
    return el("blockquote", { class: "evidence" }, sentence, " ",
      el("a", { class: "ev-link", href: "/report/" + encodeURIComponent(ev.report_id) + "#" + ev.start },
        (ev.section ? ev.section + " " : "") + "↗"));
  }

  // Property values for people: 4 significant digits for fractions, thousands separators.
  function shown(value) {
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "number") {
      if (Math.abs(value) >= 10000) return value.toLocaleString("en-US", { maximumFractionDigits: 2 });  // years stay 2023
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
    }
    return String(value);
  }

  // As on the entity page: analytics and machine forms (amount_yuan beside amount_text) left out.
  const HIDDEN_PROPS = new Set(["section", "section_kind", "degree", "pagerank", "community", "component"]);
  const MACHINE = { amount_yuan: "amount_text", value_normalised: "value", base_unit: "unit" };
  function propList(props) {
    props = props || {};
    return Object.entries(props).filter(([k, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length) &&
      !HIDDEN_PROPS.has(k) && !(MACHINE[k] && props[MACHINE[k]] !== undefined && props[MACHINE[k]] !== null))
      .filter(([k, v]) => k !== "inferred" || v === true)
      .map(([k, v]) => k === "inferred"
        ? el("span", { class: "prop prop-inferred", title: "Not stated in a report: inferred from the place hierarchy" }, "推断 inferred")
        : el("span", { class: "prop" }, el("span", { class: "k" }, k), " ", el("span", { class: "v" }, shown(v))));
  }

  function button(text, handler, id) {
    return el("button", { type: "button", id, onclick: handler }, text);
  }

  async function showDetails(node) {
    state.selected = node.id();
    const id = node.id();
    const label = node.data("label");
    const actions = el("div", { class: "actions" },
      button("Expand 展开", () => expand(id), "act-expand"),
      button("Hide 隐藏", () => { node.addClass("hidden-by-user"); applyFilters(); }, "act-hide"),
      button(node.locked() ? "Unpin" : "Pin 固定", () => {
        if (node.locked()) { node.unlock(); node.removeClass("pinned"); } else { node.lock(); node.addClass("pinned"); }
        showDetails(node);
      }, "act-pin"),
      button("Path from", () => setPathEnd("from", node)), button("Path to", () => setPathEnd("to", node)));
    if (label === "Report") {
      details.replaceChildren(el("h2", {}, badge("Report"), " ", node.data("name")), actions,
        el("p", {}, el("a", { href: "/report/" + encodeURIComponent(id) }, "Open report 打开报告 ↗")));
      return;
    }
    details.replaceChildren(el("h2", {}, badge(label), " ", el("span", { class: "entity-name" }, node.data("name"))), actions,
      el("p", { class: "muted" }, "loading…"));
    let data;
    try {
      data = await getJSON("/api/entity/" + encodeURIComponent(id));
    } catch (error) {
      details.append(el("p", { class: "error-box" }, error.message));
      return;
    }
    if (state.selected !== id) return;
    const entity = data.entity;
    const parts = [
      el("h2", {}, badge(entity.label), " ", el("span", { class: "entity-name" }, entity.name)),
      actions,
      entity.aliases.length ? el("p", { class: "aliases" }, "又名 ", entity.aliases.map((a) => el("span", { class: "alias" }, a))) : null,
      el("p", { class: "props" }, propList(entity.properties)),
      el("p", {}, el("a", { href: "/entity/" + encodeURIComponent(entity.id), id: "entity-page-link" }, "Entity page 实体页面 ↗")),
    ];
    const range = yearRange();
    const yearOn = range.from !== null || range.to !== null;
    let outside = 0;
    for (const group of data.groups) {
      const list = el("ul", { class: "facts" });
      const kept = group.relations.filter((rel) => !yearOn || inYears((rel.properties || {}).year, range));
      outside += group.relations.length - kept.length;
      if (!kept.length) continue;
      for (const rel of kept) {
        const other = rel.other;
        const otherLink = el("a", { href: "#", class: "node-link", onclick: (event) => { event.preventDefault(); reveal(other, id); } },
          badge(other.label), " ", other.name);
        list.append(el("li", { class: "fact" },
          el("div", { class: "fact-head" }, rel.direction === "out" ? "→ " : "← ", otherLink, " ", propList(rel.properties)),
          rel.evidence.map(evidenceBlock)));
      }
      parts.push(el("details", { class: "rel-group", open: kept.length <= 12 },
        el("summary", {}, group.type + " (" + kept.length + ")"), list));
    }
    if (outside) {
      parts.push(el("p", { class: "muted small", id: "details-year-note" },
        `${outside} facts outside ${range.from ?? "…"}–${range.to ?? "…"} hidden by the year filter`));
    }
    details.replaceChildren(...parts.filter(Boolean));
  }

  async function reveal(other, fromId) {
    if (cy.getElementById(other.id).empty()) await expand(fromId);
    const node = cy.getElementById(other.id);
    if (node.nonempty()) {
      cy.elements().unselect();
      node.select();
      cy.animate({ center: { eles: node }, duration: 200 });
      showDetails(node);
    }
  }

  // --- shortest path -----------------------------------------------------------------
  function setPathEnd(which, node) {
    state[which === "from" ? "pathFrom" : "pathTo"] = node.id();
    $(which === "from" ? "path-from" : "path-to").textContent = node.data("name");
  }

  async function findPath() {
    if (!state.pathFrom || !state.pathTo) { $("path-status").textContent = "Choose both ends first."; return; }
    try {
      const data = await getJSON("/api/path?source=" + encodeURIComponent(state.pathFrom) + "&target=" + encodeURIComponent(state.pathTo));
      cy.elements().removeClass("path");
      if (!data.found) { $("path-status").textContent = "No path 无路径."; return; }
      addSubgraph(data, state.pathFrom);
      const ids = data.nodes.map((n) => n.id).concat(data.relations.map((r) => r.id));
      const path = cy.collection(ids.map((i) => cy.getElementById(i)).filter((e) => e.nonempty()));
      path.removeClass("filtered hidden-by-user").addClass("path");
      $("path-status").textContent = `${data.relations.length} hops 跳`;
      cy.animate({ fit: { eles: path, padding: 60 }, duration: 300 });
    } catch (error) {
      $("path-status").textContent = error.message;
    }
  }

  // --- export ----------------------------------------------------------------------------
  function exportJSON() {
    const visible = cy.elements().not(".filtered, .hidden-by-user");
    const strip = (data) => { const copy = Object.assign({}, data); delete copy.colour; delete copy.shape; delete copy.size; return copy; };
    const payload = { nodes: visible.nodes().map((n) => strip(n.data())), edges: visible.edges().map((e) => strip(e.data())) };
    download("govkg-view.json", new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
    return payload;
  }

  function exportPNG() {
    const blob = cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob" });
    download("govkg-view.png", blob);
    return blob;
  }

  // --- wiring ---------------------------------------------------------------------------------
  cy.on("tap", "node", (event) => showDetails(event.target));
  cy.on("dbltap", "node", (event) => expand(event.target.id()));
  cy.on("mouseover", "node", (event) => { event.target.addClass("near"); event.target.connectedEdges().addClass("near"); });
  cy.on("mouseout", "node", (event) => { event.target.removeClass("near"); event.target.connectedEdges().removeClass("near"); });
  cy.on("dragfree", "node", (event) => { event.target.addClass("moved"); cullSoon(); });  // Relayout keeps it there
  cy.on("viewport", cullSoon);
  cy.on("remove", () => { importanceDirty = true; });

  document.querySelectorAll("#label-filter input, #type-filter input").forEach((i) => i.addEventListener("change", applyFilters));
  $("year-from").addEventListener("input", () => { applyFilters(); refreshDetails(); });
  $("year-to").addEventListener("input", () => { applyFilters(); refreshDetails(); });
  $("year-clear").addEventListener("click", () => { $("year-from").value = ""; $("year-to").value = ""; applyFilters(); refreshDetails(); });
  function refreshDetails() {
    const node = state.selected ? cy.getElementById(state.selected) : cy.collection();
    if (node.nonempty()) showDetails(node);
  }
  $("size-by").addEventListener("change", restyle);
  $("colour-community").addEventListener("change", restyle);
  $("relayout").addEventListener("click", () => relayout());
  $("layout-name").addEventListener("change", () => relayout());
  $("show-hidden").addEventListener("click", () => { cy.nodes().removeClass("hidden-by-user"); applyFilters(); });
  $("clear-graph").addEventListener("click", () => {
    cy.elements().remove(); state.expanded = []; details.replaceChildren(); setStatus("empty");
    $("start").hidden = false; saveURL();
  });
  $("export-png").addEventListener("click", exportPNG);
  $("export-json").addEventListener("click", exportJSON);
  $("path-set-from").addEventListener("click", () => { const n = cy.nodes(":selected").first(); if (n.nonempty()) setPathEnd("from", n); });
  $("path-set-to").addEventListener("click", () => { const n = cy.nodes(":selected").first(); if (n.nonempty()) setPathEnd("to", n); });
  $("path-find").addEventListener("click", findPath);
  $("explorer-search").addEventListener("govkg:pick", async (event) => {
    const hit = event.detail;
    const fresh = cy.nodes().empty();
    $("start").hidden = true;
    await expand(hit.id, { fresh });
    const node = cy.getElementById(hit.id);
    cy.elements().unselect();
    node.select();
    showDetails(node);
  });

  // The start panel (empty /graph): places, most connected entities, recent reports.
  document.querySelectorAll("#start a[data-focus]").forEach((link) => link.addEventListener("click", async (event) => {
    event.preventDefault();
    $("start").hidden = true;
    await expand(link.dataset.focus, { fresh: true });
    const node = cy.getElementById(link.dataset.focus);
    if (node.nonempty()) { node.select(); showDetails(node); }
  }));

  window.govkgExplorer = {
    cy, expand, relayout, applyFilters, exportJSON, exportPNG, showDetails, cullLabels,
    get timings() { return state.timings; },
    get labelsShown() { return state.labelsShown; },
  };

  async function start() {
    const expandedIds = restoreControls();
    if (!config.focus) {
      setStatus("Search for an entity, or pick a start below. 搜索实体或从下面开始。");
      applyFilters();
      document.body.dataset.graphReady = "1";
      return;
    }
    $("start").hidden = true;
    state.restoring = true;
    try {
      await expand(config.focus, { fresh: true });
      for (const id of expandedIds) {
        if (cy.getElementById(id).empty()) continue;
        await expand(id);
      }
      // A restored view is laid out afresh as a whole (positions are not in the URL).
      if (expandedIds.length) await relayout({ fresh: true });
    } finally {
      state.restoring = false;
    }
    applyFilters();
    const node = cy.getElementById(config.focus);
    if (node.nonempty()) { node.select(); showDetails(node); }
    document.body.dataset.graphReady = "1";
  }

  start().catch((error) => {
    details.replaceChildren(el("p", { class: "error-box" }, error.message));
    document.body.dataset.graphReady = "error";
  });
})();
