// The document page's highlights: focusing a fact's label (Tab) or hovering its words shows the
// fact's card and outlines exactly its words; clicking words opens the innermost fact's page.
// Cards are cloned from the page's own list entries (no HTML strings are built here).
(function () {
  "use strict";
  var popup = document.getElementById("popup");
  var text = document.getElementById("text");
  if (!popup || !text) { return; }

  function marksOf(key) {
    return text.querySelectorAll('mark[data-facts~="' + CSS.escape(key) + '"]');
  }

  function setActive(keys, on) {
    keys.forEach(function (key) {
      marksOf(key).forEach(function (m) { m.classList.toggle("active", on); });
      var tag = document.getElementById("tag-" + key);
      var card = tag && document.getElementById(tag.getAttribute("aria-describedby"));
      if (card) { card.classList.toggle("active", on); }
    });
  }

  var shown = [];
  function hide() {
    setActive(shown, false);
    shown = [];
    popup.hidden = true;
    popup.replaceChildren();
  }

  function show(keys, anchor) {
    hide();
    var seen = {};
    keys.forEach(function (key) {
      var tag = document.getElementById("tag-" + key);
      var id = tag && tag.getAttribute("aria-describedby");
      var card = id && document.getElementById(id);
      if (!card || seen[id]) { return; }
      seen[id] = true;
      var copy = document.createElement("div");
      copy.className = "card";
      card.childNodes.forEach(function (n) { copy.appendChild(n.cloneNode(true)); });
      copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      popup.appendChild(copy);
    });
    if (!popup.childNodes.length) { return; }
    shown = keys;
    setActive(keys, true);
    popup.hidden = false;
    var box = anchor.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - popup.offsetWidth - 8);
    popup.style.left = Math.max(8, left + window.scrollX) + "px";
    popup.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  text.addEventListener("focusin", function (e) {
    if (e.target.classList.contains("tag")) { show([e.target.dataset.key], e.target); }
  });
  text.addEventListener("focusout", hide);
  function shownKeys(mark) {
    var keys = mark.dataset.facts.split(" ");
    if (!text.classList.contains("hide-actors")) { return keys; }
    return keys.filter(function (key) { return key.indexOf("actor-") !== 0; });
  }
  // A card dismissed with Escape stays closed while the pointer rests on the same words (the card
  // going away must not count as arriving on them again).
  var dismissed = null, hovered = null;
  text.addEventListener("mouseover", function (e) {
    var mark = e.target.closest("mark.hl");
    if (!mark || mark === dismissed || text.contains(document.activeElement)) { return; }
    dismissed = null;
    hovered = mark;
    show(shownKeys(mark), mark);
  });
  function leave(e) {
    var to = e.relatedTarget;
    // Into the card (to use its links) or back onto the text: still reading.
    if (to && (popup.contains(to) || text.contains(to))) { return; }
    if (!text.contains(document.activeElement)) { hide(); }
  }
  text.addEventListener("mouseleave", leave);
  popup.addEventListener("mouseleave", leave);
  text.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.hl");
    var keys = mark && !e.target.closest("a") ? shownKeys(mark) : [];
    var tag = keys.length && document.getElementById("tag-" + keys[0]);
    if (tag) { window.location.href = tag.getAttribute("href"); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { dismissed = hovered; hide(); }
  });
  var toggle = document.getElementById("show-actors");
  if (toggle) {
    document.getElementById("actor-toggle").hidden = false;
    toggle.addEventListener("change", function () {
      hide();
      text.classList.toggle("hide-actors", !toggle.checked);
    });
  }
  // Arriving from a fact's page (#tag-<fact>): that fact is focused, its card shown.
  var target = window.location.hash.indexOf("#tag-") === 0 && document.getElementById(window.location.hash.slice(1));
  if (target) { target.focus(); }
  // The list beside the text: pointing at an entry outlines its words.
  document.querySelectorAll("li.fact").forEach(function (li) {
    li.addEventListener("mouseenter", function () { setActive([li.dataset.key], true); });
    li.addEventListener("mouseleave", function () { setActive([li.dataset.key], false); });
  });
}());
