// calculator.js recomputes affsite's earnings calculators
// (figure[data-calculator]) as readers change a plan's customers or
// billing. Each billing option carries data-year: the exact commission of
// one customer's first 12 months in minor units, "numerator/denominator",
// written by the build. Figures are computed in BigInt and rounded once,
// half-up, exactly as the build's money code rounds, so the page never
// shows a figure the build would not. No dependency, no request.
(() => {
  "use strict";
  const MAX = 1000000n;
  const frac = (s) => {
    const [n, d] = String(s || "0/1").split("/");
    return [BigInt(n), BigInt(d || "1")];
  };
  const gcd = (a, b) => {
    a = a < 0n ? -a : a;
    while (b) [a, b] = [b, a % b];
    return a || 1n;
  };
  // add returns a + b for fractions [num, den], reduced.
  const add = (a, b) => {
    const n = a[0] * b[1] + b[0] * a[1], d = a[1] * b[1], g = gcd(n, d);
    return [n / g, d / g];
  };
  // round is num / den rounded half-up (half away from zero), in minor units.
  const round = (num, den) => {
    if (num < 0n) return -round(-num, den);
    const q = num / den, r = num % den;
    return 2n * r >= den ? q + 1n : q;
  };
  const format = (c, prefix, decimals) => {
    const neg = c < 0n;
    if (neg) c = -c;
    const unit = 10n ** BigInt(decimals);
    const whole = (c / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    let s = prefix + whole;
    if (decimals > 0) s += "." + (c % unit).toString().padStart(decimals, "0");
    return neg ? "-" + s : s;
  };
  // count reads a customers input: a whole number from 0 to MAX, else null.
  const count = (input) => {
    const v = input.value.trim();
    if (!/^\d+$/.test(v) || BigInt(v) > MAX) return null;
    return BigInt(v);
  };
  const setup = (fig) => {
    // A page with two calculators loads this script twice: set each up once.
    if (fig.dataset.calcReady) return;
    fig.dataset.calcReady = "true";
    const prefix = fig.dataset.prefix, decimals = Number(fig.dataset.decimals);
    const rows = [...fig.querySelectorAll("tr[data-calc-row]")];
    const recompute = () => {
      let year = [0n, 1n], year2 = [0n, 1n], ok = true;
      for (const row of rows) {
        const input = row.querySelector("input[data-calc-count]");
        const sel = row.querySelector("select[data-calc-billing]");
        const terms = sel ? sel.selectedOptions[0] : row;
        const n = count(input);
        input.setAttribute("aria-invalid", n === null ? "true" : "false");
        const cells = {};
        for (const [key, attr] of [["year", "year"], ["tier2-year", "tier2Year"]]) {
          if (terms.dataset[attr] === undefined) continue;
          const one = frac(terms.dataset[attr]);
          cells[key] = n === null ? null : [n * one[0], one[1]];
        }
        for (const key of Object.keys(cells)) {
          const y = cells[key];
          const out = (k, f) => {
            const el = row.querySelector(`[data-calc-out="${k}"]`);
            if (el) el.textContent = f === null ? "—" : format(round(f[0], f[1]), prefix, decimals);
          };
          out(key, y);
          out(key.replace("year", "month"), y === null ? null : [y[0], y[1] * 12n]);
          if (y === null) ok = false;
          else if (key === "year") year = add(year, y);
          else year2 = add(year2, y);
        }
      }
      const total = (k, f) => {
        const el = fig.querySelector(`[data-calc-total="${k}"]`);
        if (el) el.textContent = ok ? format(round(f[0], f[1]), prefix, decimals) : "—";
      };
      total("year", year);
      total("month", [year[0], year[1] * 12n]);
      total("tier2-year", year2);
      total("tier2-month", [year2[0], year2[1] * 12n]);
    };
    for (const el of fig.querySelectorAll("[data-calc-static]")) {
      if (el.nextElementSibling) el.hidden = true;
    }
    for (const el of fig.querySelectorAll("input[data-calc-count], select[data-calc-billing], [data-calc-howto]")) el.hidden = false;
    fig.addEventListener("input", recompute);
    fig.addEventListener("change", recompute);
    recompute();
  };
  document.querySelectorAll("figure[data-calculator]").forEach(setup);
})();
