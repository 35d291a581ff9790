// affsite's click events: added (by the build) only to pages with
// affiliate links, and only when site.toml's [affiliate] click_events
// names a tool. On each click of an affiliate link it reports one event,
// with the link's data-aff-* attributes as its properties, through the
// tool's own documented call, if the site has loaded that tool:
//   Plausible: plausible(name, {props: {...}})
//   Umami:     umami.track(name, {...})
//   GA4:       gtag("event", name, {...})
// It sets no cookie, stores nothing and makes no request of its own.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var tool = script.dataset.tool, name = script.dataset.event;
  function props(a) {
    var p = {};
    ["program", "plan", "placement", "subid"].forEach(function (k) {
      var v = a.getAttribute("data-aff-" + k);
      if (v) p[k] = v;
    });
    return p;
  }
  function send(a) {
    var p = props(a);
    try {
      if (tool === "plausible" && typeof window.plausible === "function") {
        window.plausible(name, { props: p });
      } else if (tool === "umami" && window.umami && typeof window.umami.track === "function") {
        window.umami.track(name, p);
      } else if (tool === "ga4" && typeof window.gtag === "function") {
        window.gtag("event", name, p);
      }
    } catch (e) {
      // An analytics failure must never stop the reader's click.
    }
  }
  function onClick(ev) {
    if (ev.type === "auxclick" && ev.button !== 1) return;
    var a = ev.target && ev.target.closest && ev.target.closest("a[data-aff-program]");
    if (a) send(a);
  }
  document.addEventListener("click", onClick, true);
  document.addEventListener("auxclick", onClick, true);
})();
