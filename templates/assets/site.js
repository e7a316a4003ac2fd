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

  // Chart tips: hovering, focusing or tapping a mark of a chart (a bar, a tile, a cell, a point) shows its entity and
  // year, its value as the figure's data table prints it, and links to its record and to its entity's page. The
  // marks carry their texts in data-tip-* attributes written at build time (scripts/render/charts/marks.ts), the
  // record's link is the data table's; without this script the chart is the same static SVG, and a province's or a
  // section's mark still links to its page.
  var tip = null;
  var tipMark = null;
  var tipTimer = null;
  var lastPointer = "mouse";
  var openAtPress = false;

  function markOf(node) {
    if (!node || !node.closest) return null;
    var link = node.closest("a.chart-link");
    var mark = link ? link.querySelector("[data-tip-record]") : node.closest("[data-tip-record]");
    return mark && mark.closest(".figure-panel") ? mark : null;
  }

  // The record's link as the figure's data table gives it; else built as the build builds it (recordHref in
  // scripts/render/eleventy/numbers.ts: records/<metric>-<scope>.html#r:<id>, from the edition folder).
  function recordLink(mark) {
    var id = mark.getAttribute("data-tip-record");
    var figure = mark.closest("figure");
    var cell = figure && figure.querySelector('.figure-data a.num[data-record="' + id + '"]');
    if (cell) return cell.getAttribute("href");
    var parts = id.split("/");
    return "records/" + parts[0] + "-" + parts[1] + ".html#" + encodeURI("r:" + id);
  }

  function closeTip() {
    window.clearTimeout(tipTimer);
    if (tip) tip.remove();
    if (tipMark) {
      tipMark.classList.remove("chart-mark-active");
      var owner = tipMark.closest("a.chart-link");
      if (owner) owner.removeAttribute("aria-describedby");
    }
    tip = null;
    tipMark = null;
  }

  function showTip(mark) {
    window.clearTimeout(tipTimer);
    if (mark === tipMark) return;
    closeTip();
    var box = el("div", "chart-tip");
    box.id = "chart-tip";
    box.setAttribute("role", "tooltip");
    var title = mark.getAttribute("data-tip-title") || "";
    box.appendChild(el("p", "chart-tip-title", title));
    var value = el("p", "chart-tip-value");
    value.appendChild(el("span", "chart-tip-label", (mark.getAttribute("data-tip-label") || "") + "："));
    value.appendChild(el("strong", "", mark.getAttribute("data-tip-value") || ""));
    box.appendChild(value);
    var record = el("a", "", "查看测算记录 →");
    record.href = recordLink(mark);
    var line = el("p");
    line.appendChild(record);
    box.appendChild(line);
    var owner = mark.closest("a.chart-link");
    if (owner) {
      var entity = el("a", "chart-tip-entity", "查看" + title.split(" · ")[0] + "的全部数据 →");
      entity.href = owner.getAttribute("href");
      var more = el("p");
      more.appendChild(entity);
      box.appendChild(more);
      owner.setAttribute("aria-describedby", "chart-tip");
    }
    box.addEventListener("mouseenter", function () {
      window.clearTimeout(tipTimer);
    });
    box.addEventListener("mouseleave", function () {
      tipTimer = window.setTimeout(closeTip, 300);
    });
    document.body.appendChild(box);
    // Above the mark, centred on it; below it when there is no room above; always inside the window.
    var rect = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = rect.left + rect.width / 2 - box.offsetWidth / 2;
    left = Math.max(8, Math.min(left, width - box.offsetWidth - 8));
    var top = rect.top - box.offsetHeight - 8;
    if (top < 8) top = rect.bottom + 8;
    box.style.left = window.scrollX + left + "px";
    box.style.top = window.scrollY + top + "px";
    mark.classList.add("chart-mark-active");
    tip = box;
    tipMark = mark;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    // A tap also fires mouseover before its click: whether the card was open before the tap is known only here.
    openAtPress = tipMark !== null && markOf(event.target) === tipMark;
  });
  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark) showTip(mark);
    else if (tip && !(event.target.closest && event.target.closest(".chart-tip"))) {
      window.clearTimeout(tipTimer);
      tipTimer = window.setTimeout(closeTip, 300);
    }
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) showTip(mark);
    else if (tip && !(event.target.closest && event.target.closest(".chart-tip"))) closeTip();
  });
  document.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    if (mark) {
      // A tap shows the card first (a touch has no hover); the card's links, or a second tap, lead on.
      if (lastPointer !== "mouse" && !openAtPress) {
        event.preventDefault();
        showTip(mark);
      } else if (!mark.closest("a.chart-link")) showTip(mark);
    } else if (tip && !(event.target.closest && event.target.closest(".chart-tip"))) closeTip();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeTip();
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
