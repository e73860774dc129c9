// One-click copy for citation blocks. The buttons start hidden, so without this script the
// citation is still there to select by hand.
(function () {
  "use strict";

  function copyBySelection(element) {
    // Plain-http sites have no navigator.clipboard; selecting and copying still works there.
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = document.execCommand && document.execCommand("copy");
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(element) {
    var text = element.innerText.replace(/\s+/g, " ").trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return copyBySelection(element);
  }

  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copyTarget);
    var status = button.parentElement.querySelector(".copy-status");
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(source).then(function () {
        status.textContent = "Citation copied.";
      }, function () {
        status.textContent = "Could not copy; select the citation and copy it instead.";
      });
    });
  });
})();
