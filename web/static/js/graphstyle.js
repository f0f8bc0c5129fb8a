// Cytoscape look shared by the explorer and the console: colour and shape by label,
// size by pagerank/degree and colour by community when analytics wrote them.
(function () {
  "use strict";
  const styles = window.GovKG.styles;
  const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6",
    "#bcf60c", "#008080", "#9a6324", "#800000", "#808000", "#000075", "#808080", "#ffe119", "#fabebe"];

  function labelColour(label) { return (styles[label] || {}).colour || "#999"; }
  function labelShape(label) { return (styles[label] || {}).shape || "ellipse"; }

  const stylesheet = [
    { selector: "node", style: {
      "background-color": "data(colour)", "shape": "data(shape)", "width": "data(size)", "height": "data(size)",
      "label": "data(name)", "font-size": 11, "min-zoomed-font-size": 7, "text-valign": "bottom",
      "text-margin-y": 3, "color": "#222", "text-outline-color": "#fff", "text-outline-width": 2,
      "border-width": 1, "border-color": "#fff" } },
    // Label culling (explorer): a label that would overlap a more important one is left out
    // until the user zooms in, hovers or selects the node.
    { selector: "node.quiet", style: { "label": "" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
    { selector: "node.pinned", style: { "border-width": 3, "border-color": "#000", "border-style": "double" } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": "#d50000" } },
    { selector: "edge", style: {
      "width": 1.2, "line-color": "#b0bec5", "target-arrow-color": "#b0bec5", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": "bezier", "label": "data(type)", "font-size": 8,
      "min-zoomed-font-size": 7, "color": "#546e7a",
      "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    { selector: "node:selected.quiet, node.near.quiet, node.focus.quiet", style: { "label": "data(name)" } },
    { selector: "edge.quiet", style: { "label": "" } },
    { selector: "edge:selected, edge.near", style: { "label": "data(type)", "min-zoomed-font-size": 0, "line-color": "#546e7a", "target-arrow-color": "#546e7a", "width": 2 } },
    { selector: "edge[type = 'MENTIONS']", style: { "line-style": "dotted" } },
    // The path: thick red edges, red-ringed nodes (a width on nodes would squash them).
    { selector: "edge.path", style: { "line-color": "#d50000", "target-arrow-color": "#d50000", "width": 4, "label": "data(type)" } },
    { selector: "node.path", style: { "border-color": "#d50000", "border-width": 4 } },
    { selector: ".filtered, .hidden-by-user", style: { "display": "none" } },
  ];

  // The data fields the stylesheet maps, for a node about to be added: an element added
  // without them makes Cytoscape warn "Do not assign mappings to elements without
  // corresponding data".
  function look(label) {
    return { colour: labelColour(label), shape: labelShape(label), size: label === "Report" ? 22 : 28 };
  }

  function communityColour(community) {
    return PALETTE[Math.abs(Number(community) || hash(String(community))) % PALETTE.length];
  }

  // Fill the data fields the stylesheet maps: colour, shape, size.
  function paint(cy, options) {
    const sizeBy = options && options.sizeBy;
    const byCommunity = options && options.byCommunity;
    let low = Infinity, high = -Infinity;
    if (sizeBy) {
      cy.nodes().forEach((n) => {
        const v = Number(n.data(sizeBy));
        if (Number.isFinite(v)) { low = Math.min(low, v); high = Math.max(high, v); }
      });
    }
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const label = n.data("label");
        let colour = labelColour(label);
        const community = n.data("community");
        if (byCommunity && community !== undefined && community !== null && community !== "") {
          colour = communityColour(community);
        }
        let size = label === "Report" ? 22 : 28;
        const v = Number(n.data(sizeBy));
        if (sizeBy && Number.isFinite(v) && high > low) size = 16 + 54 * ((v - low) / (high - low));
        n.data({ colour, shape: labelShape(label), size });
      });
    });
  }

  function hash(text) {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
    return h;
  }

  window.GovKGGraph = { stylesheet, paint, labelColour, labelShape, look, communityColour };
})();
