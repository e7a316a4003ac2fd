// baipishu site script: progressive enhancement only. Without it, every number is still a link to its record on
// its records page (records/<metric>.html) and every chart is a static SVG.
(function () {
  "use strict";

  // Provenance cards: hovering or focusing a number shows its exact value, formula, inputs, sources and figure.
  var island = document.getElementById("provenance-data");
  var data = island ? JSON.parse(island.textContent || "{}") : {};
  var cards = data.cards || {};
  var formulas = data.formulas || {};
  // Shared by many cards, carried once per page: cards hold indexes into these lists.
  var inputs = data.inputs || [];
  var sources = data.sources || [];
  var figures = data.figures || [];
  var open = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function closeCard() {
    if (open) {
      open.remove();
      open = null;
    }
  }

  function showCard(anchor) {
    var card = cards[anchor.getAttribute("data-record")];
    if (!card) return;
    closeCard();
    var box = el("div", "num-card");
    box.setAttribute("role", "tooltip");
    box.id = "num-card";
    box.appendChild(el("h4", "", card.title));
    box.appendChild(el("p", "card-value", card.value + (card.forecast ? "（预测）" : "")));
    if (card.exact) box.appendChild(el("p", "card-exact", "精确值：" + card.exact));
    if (card.formula && formulas[card.formula]) {
      var formula = el("div", "card-formula");
      formula.innerHTML = formulas[card.formula]; // rendered by KaTeX at build time from the model's formula table
      box.appendChild(formula);
    }
    if (card.inputs.length) {
      box.appendChild(el("p", "", "输入："));
      var list = el("ul");
      card.inputs.forEach(function (i) {
        var input = inputs[i];
        var item = el("li");
        var link = el("a", "", input.text);
        link.href = input.href;
        item.appendChild(link);
        list.appendChild(item);
      });
      if (card.inputCount > card.inputs.length) list.appendChild(el("li", "", "……共 " + card.inputCount + " 项"));
      box.appendChild(list);
    }
    var names = card.sources.map(function (i) {
      return sources[i];
    });
    if (names.length) box.appendChild(el("p", "", "来源：" + names.join("；") + (card.estimated ? "（含估算）" : "")));
    var figure = card.figure === undefined ? null : figures[card.figure];
    if (figure) {
      var p = el("p", "", "见 ");
      var a = el("a", "", figure.label + " " + figure.title);
      a.href = figure.href;
      p.appendChild(a);
      box.appendChild(p);
    }
    var more = el("p");
    var all = el("a", "", "查看完整记录 →");
    all.href = anchor.getAttribute("href");
    more.appendChild(all);
    box.appendChild(more);
    document.body.appendChild(box);
    var rect = anchor.getBoundingClientRect();
    var left = Math.min(
      window.scrollX + rect.left,
      window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8
    );
    box.style.left = Math.max(8, left) + "px";
    box.style.top = window.scrollY + rect.bottom + 6 + "px";
    anchor.setAttribute("aria-describedby", "num-card");
    open = box;
  }

  document.addEventListener("mouseover", function (event) {
    var anchor = event.target.closest && event.target.closest("a.num");
    if (anchor) showCard(anchor);
    else if (open && !(event.target.closest && event.target.closest(".num-card"))) closeCard();
  });
  document.addEventListener("focusin", function (event) {
    var anchor = event.target.closest && event.target.closest("a.num");
    if (anchor) showCard(anchor);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeCard();
  });

  // Data pages: filter the record groups (data.html) or the records of a records page by name. The input names
  // what it filters (data-filter); a section left empty is hidden with its heading.
  var filter = document.getElementById("record-filter");
  var selector = filter && filter.getAttribute("data-filter");
  if (selector) {
    var items = Array.prototype.slice.call(document.querySelectorAll(selector));
    var count = document.getElementById("record-count");
    var apply = function () {
      var terms = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = (item.textContent || "").toLowerCase();
        var match = terms.every(function (t) {
          return text.indexOf(t) >= 0;
        });
        item.hidden = !match;
        if (match) shown++;
      });
      document.querySelectorAll(".record-group, .record-groups-section").forEach(function (group) {
        var members = group.querySelectorAll(selector);
        group.hidden =
          members.length > 0 &&
          !Array.prototype.some.call(members, function (m) {
            return !m.hidden;
          });
      });
      if (count) count.textContent = terms.length ? "显示 " + shown + " / " + items.length + " 项" : "";
    };
    filter.addEventListener("input", apply);
    if (location.hash.indexOf("#q=") === 0) {
      filter.value = decodeURIComponent(location.hash.slice(3));
      apply();
    }
  }
})();
