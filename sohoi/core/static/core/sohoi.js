// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Tabs: <div class="tabs"> with buttons[data-tab] and sections[id]; keyboard arrows move between tabs.
  document.querySelectorAll("[data-tabs]").forEach(function (box) {
    var buttons = box.querySelectorAll("[role=tab]");
    function show(btn) {
      buttons.forEach(function (b) {
        var on = b === btn;
        b.setAttribute("aria-selected", on ? "true" : "false");
        b.tabIndex = on ? 0 : -1;
        document.getElementById(b.getAttribute("aria-controls")).hidden = !on;
      });
    }
    buttons.forEach(function (b, i) {
      b.addEventListener("click", function () { show(b); });
      b.addEventListener("keydown", function (e) {
        var next = e.key === "ArrowRight" ? buttons[(i + 1) % buttons.length] : e.key === "ArrowLeft" ? buttons[(i - 1 + buttons.length) % buttons.length] : null;
        if (next) { next.focus(); show(next); }
      });
    });
  });
  // Confirm buttons: data-confirm="..." asks before submitting.
  document.querySelectorAll("[data-confirm]").forEach(function (el) {
    el.addEventListener("click", function (e) { if (!window.confirm(el.dataset.confirm)) { e.preventDefault(); } });
  });
});
