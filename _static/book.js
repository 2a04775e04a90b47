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
})();
