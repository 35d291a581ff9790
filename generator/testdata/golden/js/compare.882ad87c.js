// compare.js makes the compare shortcode's table sortable: each column
// heading becomes a button; the first press puts the best value first
// (data-sort is a number in which larger is better), the next reverses.
// Without this script the table is complete, in the author's order.
(() => {
  for (const table of document.querySelectorAll("figure[data-compare] table.compare-table")) {
    if (table.dataset.sortable) continue;
    table.dataset.sortable = "1";
    const body = table.tBodies[0];
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((th, col) => {
      const text = th.dataset.sortType === "text";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "compare-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", () => {
        // Text columns go A to Z first, figures best first.
        const first = text ? "ascending" : "descending";
        const dir = th.getAttribute("aria-sort") === first ? (first === "ascending" ? "descending" : "ascending") : first;
        for (const h of heads) h.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", dir);
        const key = (row) => {
          const v = row.cells[col].dataset.sort;
          if (v === undefined || v === "") return null;
          return text ? v.toLowerCase() : Number(v);
        };
        const rows = [...body.rows].map((row, i) => ({ row, i, k: key(row) }));
        rows.sort((a, b) => {
          if (a.k === null || b.k === null) return (a.k === null) - (b.k === null) || a.i - b.i; // no value: last
          const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
          return (dir === "ascending" ? c : -c) || a.i - b.i;
        });
        for (const r of rows) body.appendChild(r.row);
      });
    });
  }
})();
