export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seatline API</title></head>
<body><main id="docs"><h1>Seatline API</h1><p>Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p></main>
<script src="/api/docs/app.js" defer></script></body></html>`;

export const DOCS_JS = `"use strict";
fetch("/api/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
  var main = document.getElementById("docs");
  main.textContent = "";
  var h1 = document.createElement("h1"); h1.textContent = spec.info.title + " " + spec.info.version; main.appendChild(h1);
  Object.keys(spec.paths).forEach(function (path) {
    Object.keys(spec.paths[path]).forEach(function (method) {
      var op = spec.paths[path][method];
      var h2 = document.createElement("h2"); h2.textContent = method.toUpperCase() + " " + path; main.appendChild(h2);
      var p = document.createElement("p"); p.textContent = op.summary || ""; main.appendChild(p);
    });
  });
});
`;
