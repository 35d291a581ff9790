// probe.js collects layout, accessibility and affiliate facts about the
// loaded page and returns them as one JSON value; browser_test.go judges them.
(() => {
  const desc = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.classList.length) s += "." + [...el.classList].join(".");
    return s;
  };
  // shown: a non-empty box, and neither it nor an ancestor hidden.
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    if (getComputedStyle(el).visibility !== "visible") return false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || parseFloat(cs.opacity) === 0) return false;
    }
    return true;
  };
  const docTop = (el) => el.getBoundingClientRect().top + scrollY;
  // Background layers from the element outwards, up to the first opaque one
  // (an opaque computed colour serialises as rgb(), a translucent one as rgba()).
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
  // Elements that draw text of their own, big enough to be seen (skips the
  // 1px visually-hidden caption, which only screen readers read).
  const textElements = (root) =>
    [root, ...root.querySelectorAll("*")].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && shown(e) &&
        [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    });
  const block = (el) => {
    if (!el) return null;
    let minFont = Infinity, minFontEl = "";
    for (const e of textElements(el)) {
      const f = parseFloat(getComputedStyle(e).fontSize);
      if (f < minFont) { minFont = f; minFontEl = desc(e) + " " + JSON.stringify(e.textContent.trim().slice(0, 30)); }
    }
    return { shown: shown(el), text: el.innerText, minFont: minFont === Infinity ? 0 : minFont, minFontEl };
  };

  const affHost = (u) => {
    const h = u.hostname;
    return h === "kartra.com" || h.endsWith(".kartra.com") ||
      h === "funnelforge.example" || h.endsWith(".funnelforge.example") ||
      (u.host === location.host && u.pathname.startsWith("/go/"));
  };
  const affLinks = [], unsponsored = [], blankNoOpener = [];
  for (const a of document.querySelectorAll("a[href]")) {
    const u = new URL(a.href, location.href);
    const rel = (a.getAttribute("rel") || "").toLowerCase().split(/\s+/);
    if (affHost(u)) {
      affLinks.push(a.href);
      if (!rel.includes("sponsored")) unsponsored.push(a.outerHTML.slice(0, 160));
    }
    if (a.target === "_blank" && !rel.includes("noopener") && !rel.includes("noreferrer")) {
      blankNoOpener.push(a.outerHTML.slice(0, 160));
    }
  }
  const disc = document.querySelector(".aff-disclosure");
  const firstAff = document.querySelector('a[rel~="sponsored"]');

  // Elements sticking out to the right, to name the culprit of a scrollbar.
  const wide = [];
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (r.right > innerWidth + 0.5 && r.width > 0) wide.push(desc(e) + " right=" + Math.round(r.right));
    if (wide.length >= 5) break;
  }

  const html = document.documentElement;
  return {
    lang: html.getAttribute("lang") || "",
    h1: document.querySelectorAll("h1").length,
    imgsWithoutAlt: [...document.images].filter((i) => !i.hasAttribute("alt")).map((i) => i.src),
    scrollWidth: html.scrollWidth,
    innerWidth: innerWidth,
    wide,
    canvas: getComputedStyle(html).backgroundColor,
    paragraphs: [...document.querySelectorAll("main p")].filter(shown).map((p) => ({
      el: desc(p) + " " + JSON.stringify(p.textContent.trim().slice(0, 40)),
      color: getComputedStyle(p).color,
      backgrounds: backgrounds(p),
    })),
    tagLinks: [...document.querySelectorAll(".post-footer .tags a[href]")].map((a) => new URL(a.href).pathname),
    affLinks,
    unsponsored,
    blankNoOpener,
    disclosure: disc && {
      shown: shown(disc),
      top: docTop(disc),
      text: disc.innerText,
    },
    firstAffTop: firstAff ? docTop(firstAff) : null,
    commissionTable: block(document.querySelector("table.commission-table")),
    planCards: [...document.querySelectorAll(".plan-card")].map(block),
  };
})()
