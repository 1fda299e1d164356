// The review card: one row with its sentence, the fields to edit, and
// keyboard shortcuts. Article text is only ever set through textContent, so
// markup in an article shows as text and never runs.
const KEYS = "a accept · r reject · e edit · Enter save · Esc leave field · j/→ next · k/← previous";

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function render({ model, el: host }) {
  const root = el("div", "nf-review");
  root.tabIndex = 0;
  host.appendChild(root);
  let fromKeyboard = false;

  const send = (action, extra) => {
    model.send({ action, ...(extra || {}) });
  };
  const values = () => {
    const out = {};
    root.querySelectorAll("[data-field]").forEach((input) => { out[input.dataset.field] = input.value; });
    return out;
  };

  function draw() {
    const row = model.get("row") || {};
    const spec = model.get("fields") || [];
    const options = model.get("options") || {};
    const hadFocus = root.contains(document.activeElement) || fromKeyboard;
    root.replaceChildren();
    const head = el("div", "nf-review-head");
    head.appendChild(el("span", "nf-review-status", model.get("status")));
    head.appendChild(el("span", "nf-review-position", row.position ? `row ${row.position} of ${row.total}` : "no rows"));
    root.appendChild(head);
    if (!row.row_id) {
      root.appendChild(el("p", "nf-review-empty", "No rows to review with these filters."));
      root.appendChild(el("div", "nf-review-message", model.get("message")));
      return;
    }
    root.appendChild(el("div", "nf-review-source", `${row.outlet || ""} · ${row.published || "undated"} · ${row.title || row.article_id}`));
    const sentence = el("p", "nf-review-sentence");
    sentence.appendChild(document.createTextNode(row.before || ""));
    sentence.appendChild(el("mark", "", row.span || ""));
    sentence.appendChild(document.createTextNode(row.after || ""));
    root.appendChild(sentence);
    const meta = el("div", "nf-review-meta");
    meta.appendChild(el("span", `nf-review-badge nf-review-${row.review}`, row.review));
    meta.appendChild(el("span", "nf-review-confidence", `confidence ${row.confidence ?? "–"}`));
    meta.appendChild(el("span", "nf-review-id", row.row_id));
    root.appendChild(meta);
    if (row.evidence && row.evidence.length) {
      const list = el("ul", "nf-review-evidence");
      row.evidence.forEach((e) => list.appendChild(el("li", "", e)));
      root.appendChild(list);
    }
    const form = el("div", "nf-review-fields");
    spec.forEach(([name, label]) => {
      const wrap = el("label", "nf-review-field");
      wrap.appendChild(el("span", "", label));
      const input = el("input");
      input.dataset.field = name;
      input.value = (row.fields || {})[name] ?? "";
      if (options[name]) {
        const list = el("datalist");
        list.id = `nf-review-${name}-${Math.random().toString(36).slice(2)}`;
        options[name].forEach((o) => { const opt = el("option"); opt.value = o; list.appendChild(opt); });
        wrap.appendChild(list);
        input.setAttribute("list", list.id);
      }
      wrap.appendChild(input);
      form.appendChild(wrap);
    });
    root.appendChild(form);
    const buttons = el("div", "nf-review-buttons");
    [["accept", "Accept (a)"], ["reject", "Reject (r)"], ["edit", "Save edit (Enter)"], ["prev", "← Previous (k)"],
     ["next", "Next (j) →"]].forEach(([action, label]) => {
      const b = el("button", `nf-review-button nf-review-${action}`, label);
      b.addEventListener("click", () => send(action, action === "edit" ? { fields: values() } : {}));
      buttons.appendChild(b);
    });
    root.appendChild(buttons);
    root.appendChild(el("div", "nf-review-message", model.get("message")));
    root.appendChild(el("div", "nf-review-keys", KEYS));
    if (hadFocus) root.focus({ preventScroll: true });
    fromKeyboard = false;
  }

  root.addEventListener("keydown", (event) => {
    const typing = event.target.tagName === "INPUT";
    if (typing) {
      if (event.key === "Enter") { event.preventDefault(); fromKeyboard = true; send("edit", { fields: values() }); }
      else if (event.key === "Escape") { event.preventDefault(); root.focus(); }
      event.stopPropagation();  // JupyterLab must not run its own shortcuts while the analyst types
      return;
    }
    const action = { a: "accept", r: "reject", j: "next", ArrowRight: "next", k: "prev", ArrowLeft: "prev" }[event.key];
    if (action) {
      event.preventDefault(); event.stopPropagation(); fromKeyboard = true; send(action);
    } else if (event.key === "e") {
      event.preventDefault(); event.stopPropagation();
      const first = root.querySelector("[data-field]");
      if (first) { first.focus(); first.select(); }
    }
  });
  model.on("change:row", draw);
  model.on("change:status", draw);
  model.on("change:message", draw);
  draw();
}

export default { render };
