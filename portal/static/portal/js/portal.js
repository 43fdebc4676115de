/* Gode Historier: small progressive enhancements. Everything works without this file. */
(function () {
  "use strict";
  // Filter groups are rendered open (usable without JavaScript); enhanced, the unused ones start closed.
  document.querySelectorAll(".accordion-button[data-collapse-when-enhanced]").forEach(function (button) {
    button.setAttribute("aria-expanded", "false");
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (panel) panel.setAttribute("aria-hidden", "true");
  });
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

  // A print button where printing is a real use (method pages).
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
