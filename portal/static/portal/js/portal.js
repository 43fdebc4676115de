/* Gode Historier: small progressive enhancements. Everything works without this file. */
(function () {
  "use strict";
  // Filter groups are rendered open (usable without JavaScript); enhanced, the unused ones start closed.
  document.querySelectorAll(".accordion-button[data-collapse-when-enhanced]").forEach(function (button) {
    button.setAttribute("aria-expanded", "false");
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (panel) panel.setAttribute("aria-hidden", "true");
  });
  // An error summary takes focus, so screen readers and keyboard users start from the list of errors.
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) errorSummary.focus();

  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }

  // Videos load from the video host only after the visitor clicks.
  document.querySelectorAll(".video-consent[data-embed-url]").forEach(function (figure) {
    var button = figure.querySelector(".js-load-video");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.dataset.embedUrl;
      frame.title = figure.dataset.title || "Video";
      frame.allow = "fullscreen; picture-in-picture";
      frame.loading = "lazy";
      frame.className = "video-frame";
      var box = figure.querySelector(".video-consent-box");
      box.replaceWith(frame);
      frame.focus();
    });
  });

  // Suggestions while typing in the search field, through the browser's own datalist (keyboard and screen reader
  // support come with it). Without JavaScript the field is a plain search field.
  document.querySelectorAll(".js-autocomplete[data-suggest-url]").forEach(function (input) {
    var list = document.getElementById("search-suggestions");
    if (!list || !window.fetch) return;
    input.setAttribute("list", list.id);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) return;
      timer = setTimeout(function () {
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (text) {
              var option = document.createElement("option");
              option.value = text;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; searching still works */ });
      }, 150);
    });
  });

  // A print button where printing is a real use (method pages).
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
