/* Title completions for search boxes marked data-suggest; without JavaScript the form works the same. */
(function () {
  "use strict";
  var endpoint = "/api/v1/search/suggest/";
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), function (input) {
    var list = document.createElement("datalist");
    var timer = null;
    var last = "";
    list.id = input.id + "-sugerencias";
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < 3 || text === last) { return; }
      // Wait for a pause in typing: fewer requests on slow connections.
      timer = window.setTimeout(function () {
        last = text;
        fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.textContent = "";
            (data.suggestions || []).forEach(function (title) {
              var option = document.createElement("option");
              option.value = title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 250);
    });
  });
})();
