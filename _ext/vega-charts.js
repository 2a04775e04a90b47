/* The book's charts: each shows its build-time SVG at once; Vega is loaded only when a chart comes near
 * the screen or is touched, and then draws the live chart at exactly the static picture's size, with
 * the same wrapped titles and legend layout (spec.usermeta.book holds them per width), so nothing moves.
 * In dark mode the live chart is drawn with Vega's dark theme and the book's dark colours (each colour of
 * the spec mapped as bistand.publishing.charts.DARK_COLOURS says; the build writes the map in below), and
 * drawn again when the reader switches the colour mode. */
(function () {
  "use strict";
  var DARK = /*BOOK_DARK_COLOURS*/{};
  var here = document.currentScript && document.currentScript.src;
  var bundleUrl = here ? here.replace(/[^/]*$/, "vega-bundle.js") : null;
  var loading = null;

  function loadVega() {
    if (window.vegaEmbed) { return Promise.resolve(); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("cannot load " + bundleUrl)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /* The static picture shown at this width (CSS picks it with a container query). */
  function shownVariant(figure) {
    var all = figure.querySelectorAll(".vega-variant");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getClientRects().length) { return all[i]; }
    }
    return all[all.length - 1];
  }

  function dark() { return document.documentElement.dataset.theme === "dark"; }

  /* The spec with each of its colours (a JSON string value) in its dark counterpart, on no background. */
  function darkSpec(text) {
    var mapped = text.replace(/"(#[0-9a-fA-F]{3,6}|white|black)"/g, function (whole, colour) {
      var dark = DARK.colours[colour.toLowerCase()];
      return dark ? JSON.stringify(dark) : whole;
    });
    var spec = JSON.parse(mapped);
    spec.background = "transparent";
    return spec;
  }

  function liveSpec(figure, variant) {
    var text = figure.querySelector("script.vega-spec").textContent;
    var spec = dark() && DARK.colours ? darkSpec(text) : JSON.parse(text);
    var changes = spec.usermeta.book[variant.dataset.width];
    Object.keys(changes).forEach(function (key) { if (key !== "aspect") { spec[key] = changes[key]; } });
    if (dark() && DARK.colours) {
      /* A legend symbol not coloured by the legend's own field (a shape legend) is drawn in a base colour, black. */
      spec.config = spec.config || {};
      spec.config.legend = Object.assign({ symbolBaseFillColor: DARK.colours.black, symbolBaseStrokeColor: DARK.colours.black },
                                         spec.config.legend);
    }
    /* A concatenated chart is drawn at its variant's own size and scaled to the box by CSS, like the picture. */
    if (spec.vconcat) { return spec; }
    var box = variant.getBoundingClientRect();
    spec.width = box.width;
    spec.height = box.width * changes.aspect[1] / changes.aspect[0];
    spec.autosize = { type: "fit", contains: "padding" };
    return spec;
  }

  function goLive(figure) {
    if (figure.dataset.state) { return; }
    figure.dataset.state = "loading";
    loadVega().then(function () {
      var variant = shownVariant(figure);
      var target = document.createElement("div");
      target.className = "vega-live";
      figure.insertBefore(target, figure.querySelector("script.vega-spec"));
      var options = { actions: false, renderer: "svg" };
      if (dark()) { options.theme = "dark"; }
      /* A Swedish chart carries Vega's Swedish number and time locales (bistand.publishing.charts.locales). */
      var meta = JSON.parse(figure.querySelector("script.vega-spec").textContent).usermeta || {};
      if (meta.locale) { options.formatLocale = meta.locale.format; options.timeFormatLocale = meta.locale.time; }
      figure.dataset.scheme = dark() ? "dark" : "light";
      return window.vegaEmbed(target, liveSpec(figure, variant), options)
        .then(function (result) {
          var inputs = figure.querySelectorAll(".vega-static-bindings input");
          inputs.forEach(function (input) { result.view.signal(input.name, Number(input.value)); });
          return (inputs.length ? result.view.runAsync() : Promise.resolve()).then(function () {
            figure.classList.add("is-live");
            figure.dataset.state = "live";
            figure.dataset.variant = variant.dataset.width;
            figure.bookView = result.view;
          });
        })
        .catch(function (error) { target.remove(); throw error; });
    }).catch(function (error) {
      figure.dataset.state = "failed";
      console.error("chart " + figure.id + ": " + error);
    });
  }

  /* After a resize, draw the live chart again at its new size (or show the static picture meanwhile). */
  function redraw(figure) {
    if (figure.dataset.state !== "live") { return; }
    figure.classList.remove("is-live");
    var variant = shownVariant(figure);
    var live = figure.querySelector(".vega-live");
    if (figure.bookView) { figure.bookView.finalize(); }
    if (live) { live.remove(); }
    delete figure.dataset.state;
    goLive(figure);
    return variant;
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.vega-chart"));
    if (!figures.length || !bundleUrl) { return; }
    figures.forEach(function (figure) {
      ["pointerenter", "pointerdown", "touchstart", "focusin", "input"].forEach(function (type) {
        figure.addEventListener(type, function () { goLive(figure); }, { passive: true });
      });
      figure.querySelectorAll(".vega-static-bindings input").forEach(function (input) {
        input.addEventListener("input", function () { input.nextElementSibling.textContent = input.value; });
      });
    });
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { seen.unobserve(entry.target); goLive(entry.target); }
        });
      }, { rootMargin: "200px 0px" });
      figures.forEach(function (figure) { seen.observe(figure); });
    } else {
      figures.forEach(goLive);
    }
    if ("ResizeObserver" in window) {
      var widths = new WeakMap();
      var resized = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var width = Math.round(entry.contentRect.width), before = widths.get(entry.target);
          widths.set(entry.target, width);
          if (before !== undefined && before !== width) { redraw(entry.target); }
        });
      });
      figures.forEach(function (figure) { resized.observe(figure); });
    }
    /* The reader switches the colour mode (the theme sets data-theme on <html>): live charts are drawn again. */
    if ("MutationObserver" in window) {
      new MutationObserver(function () {
        var scheme = dark() ? "dark" : "light";
        figures.forEach(function (figure) {
          if (figure.dataset.state === "live" && figure.dataset.scheme !== scheme) { redraw(figure); }
        });
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    }
    window.bookCharts = { load: goLive, loaded: function () { return Boolean(window.vegaEmbed); } };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
