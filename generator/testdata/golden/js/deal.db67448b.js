// The deal box's copy button: shown only when this script runs (without
// it the code stays selectable text), it copies the code and says so.
// Every deal box includes this file; it binds each button once.
(function () {
  "use strict";
  function bind(button) {
    if (button.dataset.bound) return;
    button.dataset.bound = "1";
    var status = button.parentNode.querySelector(".deal-copied");
    button.hidden = false;
    button.addEventListener("click", function () {
      var code = button.dataset.copy;
      var done = function (ok) {
        if (status) status.textContent = ok ? "Copied" : "Select the code to copy it";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code).then(function () { done(true); }, function () { done(false); });
      } else {
        done(false);
      }
    });
  }
  function init() {
    document.querySelectorAll("button.deal-copy[data-copy]").forEach(bind);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
