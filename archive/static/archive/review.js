// The review queue from the keyboard. Optional: every key presses a real button of the page's forms,
// which work without this script; the server checks each POST.
//   j / k (or the arrows): next / previous row (one record at a time: skip / back)
//   a accept · u unsure · r reject, then 1-6 the reason (Escape closes) · s skip · z undo the last decision
//   x select the row · * select all or none · o open the record
// With rows selected, a, r and u decide for all of them (the bar above the list).
(function () {
  "use strict";
  var table = document.getElementById("result_list");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-key]"));
  var focusLayout = table.getAttribute("data-layout") === "one";
  var cursor = 0;
  var openMenu = null;

  function startAt() {
    var record = /record=([a-z]+:\d+)/.exec(location.hash);
    if (record) {
      for (var i = 0; i < rows.length; i++) { if (rows[i].getAttribute("data-key") === record[1]) { return i; } }
    }
    var at = /cursor=(\d+)/.exec(location.hash);
    return at ? parseInt(at[1], 10) : 0;
  }

  function show(i) {
    if (!rows.length) { return; }
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (row, j) {
      row.classList.toggle("cursor", j === cursor);
      if (j === cursor) { row.setAttribute("aria-current", "true"); } else { row.removeAttribute("aria-current"); }
    });
    rows[cursor].scrollIntoView({ block: "nearest" });
  }

  function selected() {
    return rows.filter(function (row) { var box = row.querySelector("input.select"); return box && box.checked; });
  }

  function press(button) {
    if (!button) { return; }
    var next = button.form && button.form.querySelector("input[name=next]");
    if (next) { next.value = location.pathname + location.search + "#cursor=" + cursor; }
    button.click();
  }

  function decideButton(selector, bulkSelector) {
    if (selected().length) { return document.querySelector(bulkSelector); }
    return rows.length ? rows[cursor].querySelector(selector) : null;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) { location.href = link.href; }
  }

  function openReasons() {
    openMenu = selected().length ? document.getElementById("bulk-reject")
      : (rows.length ? rows[cursor].querySelector(".row-reject") : null);
    if (openMenu) { openMenu.open = true; }
  }

  function closeReasons() {
    if (openMenu) { openMenu.open = false; }
    openMenu = null;
  }

  function toggle(row, value) {
    var box = row.querySelector("input.select");
    if (box) { box.checked = value === undefined ? !box.checked : value; }
  }

  var keys = {
    j: function () { if (focusLayout) { follow("queue-next"); } else { show(cursor + 1); } },
    k: function () { if (focusLayout) { follow("queue-prev"); } else { show(cursor - 1); } },
    s: function () { if (focusLayout) { follow("queue-next"); } else { show(cursor + 1); } },
    a: function () { press(decideButton(".do-verify", "#queue-verify")); },
    u: function () { press(decideButton(".do-unsure", "#queue-unsure")); },
    r: openReasons,
    z: function () { press(document.getElementById("queue-undo")); },
    x: function () { if (rows.length) { toggle(rows[cursor]); } },
    "*": function () {
      var all = selected().length < rows.length;
      rows.forEach(function (row) { toggle(row, all); });
      var box = document.getElementById("select-all");
      if (box) { box.checked = all; }
    },
    o: function () { var link = rows.length && rows[cursor].querySelector("a.open"); if (link) { location.href = link.href; } }
  };
  keys.ArrowDown = keys.j;
  keys.ArrowUp = keys.k;

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.matches("input[type=text], input[type=date], input[type=number], textarea, select")) { return; }
    if (openMenu) {
      if (event.key === "Escape") { closeReasons(); event.preventDefault(); return; }
      var choice = openMenu.querySelector('button[data-key="' + event.key + '"]');
      if (choice) { event.preventDefault(); press(choice); return; }
    }
    var action = keys[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  rows.forEach(function (row, i) {
    row.addEventListener("click", function () { show(i); });
  });
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () { rows.forEach(function (row) { toggle(row, all.checked); }); });
  }
  document.querySelectorAll(".reject-menu").forEach(function (menu) {
    menu.addEventListener("toggle", function () { if (menu.open) { openMenu = menu; } else if (openMenu === menu) { openMenu = null; } });
  });
  show(startAt());
  document.documentElement.setAttribute("data-review-keys", "ready");  // the keys work from here on
})();
