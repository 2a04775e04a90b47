/* Replace each chart's static SVG with the interactive Vega chart, from the spec stored beside it. */
(function () {
  "use strict";
  function embedAll() {
    document.querySelectorAll("figure.vega-chart").forEach(function (figure) {
      var specNode = figure.querySelector("script.vega-spec");
      if (!specNode || figure.dataset.embedded) { return; }
      var target = document.createElement("div");
      target.className = "vega-live";
      figure.insertBefore(target, specNode);
      window.vegaEmbed(target, JSON.parse(specNode.textContent), { actions: false, renderer: "svg" })
        .then(function () {
          figure.dataset.embedded = "true";
          var still = figure.querySelector(".vega-static");
          if (still) { still.hidden = true; }
        })
        .catch(function (error) { target.remove(); console.error("chart " + figure.id + ": " + error); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", embedAll);
  } else {
    embedAll();
  }
})();
