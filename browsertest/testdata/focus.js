// focus.js describes the focused element and how it shows its focus.
(() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const cs = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  let s = e.tagName.toLowerCase();
  if (e.className) s += "." + String(e.className).trim().split(/\s+/).join(".");
  if (e.getAttribute("href")) s += "[href=" + e.getAttribute("href") + "]";
  return {
    el: s,
    focusVisible: e.matches(":focus-visible"),
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth) || 0,
    boxShadow: cs.boxShadow,
    inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };
})()
