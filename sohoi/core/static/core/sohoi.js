// Small progressive enhancements; every page works without this file.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  // Phone menu (base.html): the button folds the main menu on narrow screens (CSS decides when it shows).
  var toggle = document.querySelector(".menu-toggle"), nav = document.getElementById("mainnav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("open", open);
    });
  }
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
  // The server's messages, shown inline beside each field, are the only validation: no browser bubbles
  // ("Please fill out this field.") in another language than the page's.
  document.querySelectorAll("form").forEach(function (f) { f.noValidate = true; });
  document.querySelectorAll("input[type=file]").forEach(filePicker);
  document.querySelectorAll("input[data-date]").forEach(dateField);
  document.querySelectorAll("select[data-lookup]").forEach(lookupField);
});

// Search-as-you-type choices (core/lookup.py SearchSelect): a search box above a list that holds the chosen row;
// typing asks the app's own endpoint (at most 20 rows, scoped on the server) and fills the list with the answers.
function lookupField(select) {
  var vi = (document.documentElement.lang || "vi") !== "en";
  var box = document.createElement("input");
  box.type = "search";
  box.className = "lookup";
  box.autocomplete = "off";
  box.placeholder = vi ? "Gõ vài chữ của tên để tìm…" : "Type a few letters of the name…";
  var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
  box.setAttribute("aria-label", (vi ? "Tìm: " : "Search: ") + (label ? label.textContent.replace(/:$/, "") : select.name));
  box.setAttribute("aria-controls", select.id || "");
  var status = document.createElement("span");
  status.className = "muted small lookup-status";
  status.setAttribute("aria-live", "polite");
  select.parentNode.insertBefore(box, select);
  select.parentNode.insertBefore(status, select.nextSibling);
  var timer = null, asked = 0;
  function fill(rows, n) {
    if (n !== asked) { return; }  // an older answer arriving late
    var keep = select.value;
    Array.prototype.slice.call(select.options).forEach(function (o) { if (o.value && o.value !== keep) { o.remove(); } });
    rows.forEach(function (row) {
      if (String(row.id) === keep) { return; }
      var o = document.createElement("option"); o.value = row.id; o.textContent = row.label; select.appendChild(o);
    });
    select.size = rows.length ? Math.min(rows.length + 1, 8) : 0;
    status.textContent = rows.length ? (vi ? rows.length + " kết quả; chọn trong danh sách." : rows.length + " results; pick one in the list.")
      : (vi ? "Không tìm thấy; thử tên khác." : "Nothing found; try another name.");
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    var text = box.value.trim();
    if (text.length < 2) { status.textContent = ""; return; }
    timer = setTimeout(function () {
      var n = ++asked;
      fetch(select.dataset.lookup + (select.dataset.lookup.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { fill(data.results || [], n); });
    }, 250);
  });
  box.addEventListener("keydown", function (e) { if (e.key === "ArrowDown" && select.options.length > 1) { e.preventDefault(); select.focus(); } if (e.key === "Enter") { e.preventDefault(); } });
}

// The one date widget (core/widgets.py DateWidget): a dd/mm/yyyy text field whatever the browser's locale, plus a
// calendar button. Keyboard: in the field, Alt+ArrowDown opens the calendar; in the calendar the arrows move by
// day/week, PageUp/PageDown by month, Enter picks, Escape closes and returns to the field.
function dateField(input) {
  var vi = (document.documentElement.lang || "vi") !== "en";
  var months = vi ? ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]
    : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var days = vi ? ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function show(d) { return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear(); }
  function parse(text) {
    var m = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{2,4})\s*$/.exec(text || "");
    var iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || "");
    var y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; if (y < 100) { y += 2000; } }
    else if (iso) { y = +iso[1]; mo = +iso[2]; d = +iso[3]; }
    else { return null; }
    var date = new Date(y, mo - 1, d);
    return date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
  }
  var wrap = document.createElement("span");
  wrap.className = "datewrap";
  input.parentNode.insertBefore(wrap, input);
  wrap.appendChild(input);
  var button = document.createElement("button");
  button.type = "button";
  button.className = "datebtn";
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-label", vi ? "Chọn ngày trên lịch" : "Pick a date");
  button.textContent = "📅";
  wrap.appendChild(button);
  var box = document.createElement("div");
  box.className = "calendar";
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-label", vi ? "Lịch" : "Calendar");
  box.hidden = true;
  wrap.appendChild(box);
  var current = null;
  function render() {
    box.textContent = "";
    var head = document.createElement("div");
    head.className = "calhead";
    var prev = document.createElement("button"); prev.type = "button"; prev.textContent = "‹";
    prev.setAttribute("aria-label", vi ? "Tháng trước" : "Previous month");
    var next = document.createElement("button"); next.type = "button"; next.textContent = "›";
    next.setAttribute("aria-label", vi ? "Tháng sau" : "Next month");
    var title = document.createElement("span"); title.setAttribute("aria-live", "polite");
    title.textContent = months[current.getMonth()] + " " + current.getFullYear();
    prev.addEventListener("click", function () { move(0, -1); });
    next.addEventListener("click", function () { move(0, 1); });
    head.appendChild(prev); head.appendChild(title); head.appendChild(next);
    box.appendChild(head);
    var grid = document.createElement("table");
    grid.setAttribute("role", "grid");
    var tr = document.createElement("tr");
    days.forEach(function (name) { var th = document.createElement("th"); th.textContent = name; tr.appendChild(th); });
    grid.appendChild(tr);
    var first = new Date(current.getFullYear(), current.getMonth(), 1);
    var offset = (first.getDay() + 6) % 7;
    var count = new Date(current.getFullYear(), current.getMonth() + 1, 0).getDate();
    var chosen = parse(input.value);
    tr = document.createElement("tr");
    for (var i = 0; i < offset; i++) { tr.appendChild(document.createElement("td")); }
    for (var d = 1; d <= count; d++) {
      if ((offset + d - 1) % 7 === 0 && d > 1) { grid.appendChild(tr); tr = document.createElement("tr"); }
      var td = document.createElement("td");
      var b = document.createElement("button");
      b.type = "button"; b.textContent = d; b.dataset.day = d;
      var day = new Date(current.getFullYear(), current.getMonth(), d);
      b.setAttribute("aria-label", show(day));
      b.tabIndex = d === current.getDate() ? 0 : -1;
      if (chosen && +chosen === +day) { b.setAttribute("aria-selected", "true"); }
      b.addEventListener("click", pick);
      td.appendChild(b); tr.appendChild(td);
    }
    grid.appendChild(tr);
    box.appendChild(grid);
  }
  function focusDay() { var b = box.querySelector('button[data-day="' + current.getDate() + '"]'); if (b) { b.focus(); } }
  function move(daysBy, monthsBy) {
    var d = new Date(current.getFullYear(), current.getMonth() + monthsBy, current.getDate() + daysBy);
    if (monthsBy && d.getDate() !== current.getDate()) { d = new Date(current.getFullYear(), current.getMonth() + monthsBy + 1, 0); }
    current = d; render(); focusDay();
  }
  function open() { current = parse(input.value) || new Date(); box.hidden = false; button.setAttribute("aria-expanded", "true"); render(); focusDay(); }
  function close(back) { box.hidden = true; button.setAttribute("aria-expanded", "false"); if (back) { input.focus(); } }
  function pick(e) {
    current = new Date(current.getFullYear(), current.getMonth(), +e.currentTarget.dataset.day);
    input.value = show(current);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    close(true);
  }
  button.addEventListener("click", function () { if (box.hidden) { open(); } else { close(true); } });
  input.addEventListener("keydown", function (e) { if (e.altKey && e.key === "ArrowDown") { e.preventDefault(); open(); } });
  // Typed text is tidied on leaving the field: 5/3/26 -> 05/03/2026; text that is not a date is left for the server's message.
  input.addEventListener("blur", function () { var d = parse(input.value); if (d) { input.value = show(d); } });
  box.addEventListener("keydown", function (e) {
    var steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [-7, 0], ArrowDown: [7, 0], PageUp: [0, -1], PageDown: [0, 1] };
    if (e.key === "Escape") { e.preventDefault(); close(true); }
    else if (steps[e.key] && e.target.dataset.day) { e.preventDefault(); move(steps[e.key][0], steps[e.key][1]); }
  });
  document.addEventListener("click", function (e) { if (!box.hidden && !wrap.contains(e.target)) { close(false); } });
}

// The native file picker says "Choose File" in an English-language browser: a labelled button in the page's
// language opens the same input (still focusable and keyboard-operable), with the chosen names beside it.
function filePicker(input) {
  var vi = (document.documentElement.lang || "vi") !== "en";
  if (!input.id) { input.id = "file-" + Math.random().toString(36).slice(2); }
  var wrap = document.createElement("span");
  wrap.className = "filepick";
  input.parentNode.insertBefore(wrap, input);
  var button = document.createElement("label");
  button.className = "btn secondary";
  button.htmlFor = input.id;
  button.textContent = input.multiple ? (vi ? "Chọn tệp (có thể nhiều tệp)…" : "Choose files…") : (vi ? "Chọn tệp…" : "Choose a file…");
  var names = document.createElement("span");
  names.className = "muted small";
  names.setAttribute("aria-live", "polite");
  names.textContent = vi ? "Chưa chọn tệp nào" : "No file chosen";
  wrap.appendChild(button); wrap.appendChild(input); wrap.appendChild(names);
  input.addEventListener("change", function () {
    var list = Array.prototype.map.call(input.files, function (f) { return f.name; });
    names.textContent = list.length ? list.join(", ") : (vi ? "Chưa chọn tệp nào" : "No file chosen");
  });
}
