// blocks.js measures the money blocks (commission-table, earnings, plans,
// compare) and deal boxes of the loaded page: for each, whether every cell and
// every total lies inside the viewport and inside its own box (nothing
// hidden behind a horizontal scrollbar), and the colours of its text for
// the contrast check. browser_test.go's blocks test judges the result.
(() => {
  const desc = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.className && typeof el.className === "string") s += "." + el.className.trim().split(/\s+/).join(".");
    return s + " " + JSON.stringify(el.textContent.trim().slice(0, 40));
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || cs.visibility === "hidden" || parseFloat(cs.opacity) === 0) return false;
    }
    return true;
  };
  const backgrounds = (el) => {
    const out = [];
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c === "rgba(0, 0, 0, 0)" || c === "transparent") continue;
      out.push(c);
      if (c.startsWith("rgb(")) break;
    }
    return out;
  };
  // clipped reports an element that sticks out of the viewport or out of
  // the nearest ancestor that clips or scrolls it.
  const clipped = (el) => {
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > innerWidth + 0.5) return "outside the viewport";
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const ox = getComputedStyle(e).overflowX;
      if (ox === "visible") continue;
      const b = e.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) return "cut off by " + e.tagName.toLowerCase() + "." + e.className;
    }
    return "";
  };
  const blocks = [];
  const measure = (kind, root, cellSel, totalSel) => {
    const b = { kind, name: desc(root).slice(0, 60), shown: shown(root), problems: [], totals: [], text: [] };
    for (const e of root.querySelectorAll("*")) {
      // (A 1px visually-hidden caption or heading is no scrollbar.)
      if (e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") {
        b.problems.push("scrolls horizontally: " + desc(e) + " (" + e.scrollWidth + " > " + e.clientWidth + ")");
      }
    }
    for (const c of root.querySelectorAll(cellSel)) {
      if (!shown(c) || c.textContent.trim() === "") continue;
      const why = clipped(c);
      if (why) b.problems.push(desc(c) + " " + why);
    }
    for (const c of root.querySelectorAll(totalSel)) {
      const t = c.textContent.trim();
      if (t === "") continue;
      b.totals.push(t);
      if (!shown(c)) b.problems.push("total " + JSON.stringify(t) + " is not visible");
    }
    for (const e of root.querySelectorAll("*")) {
      if (!shown(e) || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "")) continue;
      b.text.push({ el: desc(e), color: getComputedStyle(e).color, backgrounds: backgrounds(e) });
    }
    blocks.push(b);
  };
  document.querySelectorAll("figure.aff-table").forEach((f) =>
    measure("commission-table", f, "th, td", "tbody td:last-child"));
  document.querySelectorAll("figure.earnings").forEach((f) =>
    measure("earnings", f, "th, td", "tr.total td.num"));
  document.querySelectorAll(".plan-cards").forEach((f) =>
    measure("plans", f, ".plan-card, .plan-card *", ".plan-card .price"));
  document.querySelectorAll("aside.deal").forEach((f) =>
    measure("deal", f, "*", ".deal-code code, .deal-gives"));
  // A comparison's figures are all its cells: each must be on screen.
  document.querySelectorAll("figure.compare").forEach((f) =>
    measure("compare", f, "th, td", "tbody td"));
  // A calculator's inputs and figures, its totals; a product box whole,
  // its price shown.
  document.querySelectorAll("figure.calculator").forEach((f) =>
    measure("calculator", f, "th, td, input, select", "tr.total td.num"));
  document.querySelectorAll("aside.product").forEach((f) =>
    measure("product", f, "*", ".product-amount"));
  // Ranked lists and top picks: every card whole, each price shown.
  document.querySelectorAll("section.best-of").forEach((f) =>
    measure("best-of", f, "*", ".pick-price strong"));
  document.querySelectorAll("aside.top-pick").forEach((f) =>
    measure("top-pick", f, "*", ".pick-price strong"));
  return { blocks, scrollWidth: document.documentElement.scrollWidth, innerWidth };
})()
