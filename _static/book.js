/* The book's own script (loaded with defer). Nothing in it changes the theme's files. */
(() => {
  "use strict";

  /* The ☰ and page-contents buttons. pydata-sphinx-theme 0.17 wires only the first element of class
     primary-toggle (secondary-toggle): the navbar button it draws itself, which sphinx-book-theme hides;
     the book theme's own buttons, the ones a reader sees, get no listener, so a tap opens nothing
     (pydata-sphinx-theme issue 2451, sphinx-book-theme issue 988). A tap on any other such button is passed
     to the wired one: on a phone the theme opens its drawer, on a wide screen the book theme folds the
     sidebar. Remove this when the pinned themes fix the issue (tests/test_browser.py taps both). */
  for (const kind of ["primary", "secondary"]) {
    const [wired, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
      });
    }
  }

  /* A wide table scrolls sideways in its output box. The theme makes such a box keyboard-focusable; the
     book names it, so a screen reader says what the scroll area holds: a region labelled by the table's
     caption or its first column headers. Measured at load, on a resize, and when a section is first drawn
     (content-visibility); all sizes are read before any attribute is written. */
  const nameScrollers = (root) => {
    const boxes = [...root.querySelectorAll(".cell_output > .output")].filter((box) => box.querySelector("table"));
    const wide = boxes.map((box) => box.scrollWidth > box.clientWidth);
    boxes.forEach((box, i) => {
      if (wide[i]) {
        const table = box.querySelector("table");
        const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim()).filter(Boolean);
        const what = table.caption ? table.caption.textContent.trim() : heads.slice(0, 3).join(", ");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", `Table, scrolls sideways: ${what}`);
        box.tabIndex = 0;
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  };
  let pending = 0;
  const later = (root) => { cancelAnimationFrame(pending); pending = requestAnimationFrame(() => nameScrollers(root)); };
  window.addEventListener("load", () => nameScrollers(document));
  window.addEventListener("resize", () => later(document));
  document.addEventListener("contentvisibilityautostatechange", (event) => {
    if (!event.skipped && event.target instanceof Element) requestAnimationFrame(() => nameScrollers(event.target));
  }, true);
})();
