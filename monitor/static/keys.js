// Keyboard shortcuts on the review pages: c / r / u press Confirm / Reject / Unsure,
// j / k follow the next / previous link. Any element with data-key="x" answers to x.
// Keys typed into form fields are left alone.
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  var target = event.target;
  if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) {
    return;
  }
  var key = event.key && event.key.length === 1 ? event.key.toLowerCase() : "";
  if (!/^[a-z]$/.test(key)) {
    return;
  }
  var element = document.querySelector('[data-key="' + key + '"]');
  if (element) {
    event.preventDefault();
    element.click();
  }
});
