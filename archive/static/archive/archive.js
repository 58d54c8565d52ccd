// The reading pages' only script, and optional: everything works without it.
// 1. Name boxes for the id fields (people, organizations): suggest records as you type and
//    fill the id in. The id field works without this script; the name box is shown only with it.
// 2. Filter forms leave empty fields and defaults out of the URL, so shared links stay short.
(function () {
  "use strict";
  function setup(box) {
    var idInput = box.querySelector("input[type=number]");
    var nameInput = box.querySelector(".suggest-name");
    var list = box.querySelector("datalist");
    var chosen = box.querySelector(".chosen");
    var url = box.getAttribute("data-suggest-url");
    var timer = null;
    var controller = null;
    nameInput.hidden = false;
    // With the name box working, the bare id box is only the form's value: keep it out of sight.
    idInput.classList.add("visually-hidden");
    idInput.tabIndex = -1;

    function pick() {
      var options = list.querySelectorAll("option");
      for (var i = 0; i < options.length; i++) {
        if (options[i].value === nameInput.value) {
          idInput.value = options[i].getAttribute("data-id");
          chosen.textContent = options[i].getAttribute("data-name");
          nameInput.value = "";
          return true;
        }
      }
      return false;
    }

    nameInput.addEventListener("input", function () {
      if (pick()) { return; }
      window.clearTimeout(timer);
      var text = nameInput.value.trim();
      if (text.length < 2) { return; }
      timer = window.setTimeout(function () {
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(url + "?q=" + encodeURIComponent(text), {
          signal: controller.signal, headers: { Accept: "application/json" }, credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.results.forEach(function (record) {
              var option = document.createElement("option");
              option.value = record.label + " · #" + record.id;
              option.setAttribute("data-id", record.id);
              option.setAttribute("data-name", record.label);
              list.appendChild(option);
            });
          })
          .catch(function () { /* aborted by newer typing, or offline: the id field still works */ });
      }, 200);
    });
    idInput.addEventListener("input", function () { chosen.textContent = ""; });
  }
  function shortenUrl(form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        var isDefault = field.hasAttribute("data-default") && field.value === field.getAttribute("data-default");
        if (field.name && (field.value === "" || isDefault)) { field.disabled = true; }
      });
      // Re-enable after the browser has read the form, for the back button.
      window.setTimeout(function () {
        form.querySelectorAll("[disabled]").forEach(function (field) { field.disabled = false; });
      }, 0);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".suggest").forEach(setup);
    document.querySelectorAll("form.filters").forEach(shortenUrl);
    // 3. On a phone the filters start folded so the results are on the first screen.
    if (window.matchMedia("(max-width: 46rem)").matches) {
      document.querySelectorAll("details.filter-toggle:not([data-keep-open])").forEach(function (d) { d.open = false; });
    }
  });
})();
