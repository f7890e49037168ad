// The API docs page: Swagger UI (self-hosted, drf-spectacular-sidecar) over the schema named by #swagger-ui.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") {
      return;
    }
    window.SwaggerUIBundle({
      url: root.dataset.schemaUrl,
      domNode: root,
      deepLinking: true,
      // Read-only API: "Try it out" for GET only; no call to the public validator on another host.
      supportedSubmitMethods: ["get"],
      validatorUrl: null,
    });
  });
})();
