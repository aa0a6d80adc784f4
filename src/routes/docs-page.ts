// The human API reference: a static page with the parts that never change (auth, errors), a script
// that renders /api/openapi.json into it, and its stylesheet. All three are served from /api/docs
// because the page CSP allows scripts and styles from the same origin only (no inline, no CDN).

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seatline API reference</title>
<link rel="stylesheet" href="/api/docs/app.css">
<script src="/api/docs/app.js" defer></script>
</head>
<body>
<a class="skip" href="#reference">Skip to the reference</a>
<header>
<h1>Seatline API reference</h1>
<p>A JSON REST API under <code>/api</code>. This page is generated from the
<a href="/api/openapi.json">OpenAPI 3.1 document</a>, which tools can read directly.</p>
</header>
<main>
<section aria-labelledby="auth">
<h2 id="auth">Authentication</h2>
<p>Sign in with <code>POST /api/auth/login</code> (or finish a sign-up with <code>POST /api/auth/signup/confirm</code>).
The answer carries a <code>token</code>. Send it with every request that needs one, and only in this header:</p>
<pre><code>Authorization: Bearer &lt;token&gt;</code></pre>
<p>A token belongs to a session on the server. The session ends after 24 hours without a request, after
30 days in any case, at <code>POST /api/auth/logout</code>, and when the password changes; after that the
token answers <code>401</code>. Operations marked <strong>Public</strong> need no token.</p>
</section>
<section aria-labelledby="errors">
<h2 id="errors">Errors</h2>
<p>Request bodies are JSON, sent with <code>Content-Type: application/json</code>, at most 64 KiB.
Every error, whatever the status, has the same shape:</p>
<pre><code>{
  "error": {
    "code": "validation_failed",
    "message": "The request body is not valid.",
    "details": [{ "path": "email", "message": "Enter a valid email address." }]
  }
}</code></pre>
<p><code>code</code> is stable and meant for programs; <code>message</code> is meant for people;
<code>details</code> lists what was wrong, field by field (it may be empty). Common codes:</p>
<dl class="codes">
<dt><code>validation_failed</code> (400)</dt><dd>The input is not valid: malformed JSON, a missing or wrong field.</dd>
<dt><code>unauthorized</code> (401)</dt><dd>No token, or its session has ended. Sign in again.</dd>
<dt><code>forbidden</code> (403)</dt><dd>Your role (owner, admin or host) may not do this.</dd>
<dt><code>not_found</code> (404)</dt><dd>Nothing there, including anything that belongs to another account.</dd>
<dt><code>method_not_allowed</code> (405)</dt><dd>The path exists; the <code>Allow</code> header lists its methods.</dd>
<dt><code>conflict</code> (409), <code>gone</code> (410)</dt><dd>The request clashes with the current state, or a link is used up or expired.</dd>
<dt><code>payload_too_large</code> (413), <code>unsupported_media_type</code> (415)</dt><dd>The body is over 64 KiB, or not sent as JSON.</dd>
<dt><code>rate_limited</code> (429)</dt><dd>Too many attempts; wait for the seconds in the <code>Retry-After</code> header.</dd>
</dl>
</section>
<div id="reference" tabindex="-1"><p role="status">Loading the reference from <a href="/api/openapi.json">/api/openapi.json</a>…</p></div>
<noscript><p>The operation reference needs JavaScript. The same information is in <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
</main>
</body>
</html>
`;

// Plain JS for the browser. view() turns the OpenAPI document into a tree of {tag, attrs, children}
// (pure, so tests can run it); mount() builds DOM from that tree with text nodes only, never HTML.
// Written without backticks or "${" so it can live in this template string.
export const DOCS_JS = String.raw`"use strict";
var SeatlineDocs = (function () {
  var METHODS = ["get", "post", "put", "patch", "delete"];

  function h(tag, attrs) {
    var children = Array.prototype.slice.call(arguments, 2).flat(Infinity).filter(function (c) {
      return c !== null && c !== undefined && c !== false && c !== "";
    });
    return { tag: tag, attrs: attrs || {}, children: children };
  }

  // "#/components/schemas/User" → the object it points at in the document.
  function pointer(spec, ref) {
    return ref.replace(/^#\//, "").split("/").reduce(function (node, key) {
      return node == null ? undefined : node[key.replace(/~1/g, "/").replace(/~0/g, "~")];
    }, spec);
  }
  function deref(spec, schema) {
    var name, hops = 0;
    while (schema && schema.$ref && hops++ < 20) {
      name = schema.$ref.split("/").pop();
      schema = pointer(spec, schema.$ref);
    }
    return { schema: schema || {}, name: name };
  }
  // allOf parts merged into one object schema (properties and required lists combined).
  function resolve(spec, schema) {
    var s = deref(spec, schema).schema;
    if (!s.allOf) return s;
    var out = { type: "object", properties: {}, required: [], description: s.description };
    s.allOf.forEach(function (part) {
      var p = resolve(spec, part);
      Object.assign(out.properties, p.properties || {});
      out.required = out.required.concat(p.required || []);
      if (!out.description) out.description = p.description;
    });
    return out;
  }

  function typeText(spec, schema) {
    var d = deref(spec, schema), s = resolve(spec, schema);
    var t;
    if (s.oneOf || s.anyOf) t = (s.oneOf || s.anyOf).map(function (x) { return typeText(spec, x); }).join(" or ");
    else if (s.const !== undefined) t = JSON.stringify(s.const);
    else if (Array.isArray(s.type)) t = s.type.map(function (x) { return x === "array" ? "array of " + typeText(spec, s.items || {}) : x; }).join(" or ");
    else if (s.type === "array") t = "array of " + typeText(spec, s.items || {});
    else t = s.type || (s.properties ? "object" : "any");
    if (s.format && s.format !== "password") t += " (" + s.format + ")";
    return d.name ? d.name + " (" + t + ")" : t;
  }

  function notes(spec, schema) {
    var s = resolve(spec, schema), out = [];
    if (s.description) out.push(/[.!?)]$/.test(s.description) ? s.description : s.description + ".");
    if (s.enum) out.push("One of: " + s.enum.map(function (v) { return JSON.stringify(v); }).join(", ") + ".");
    if (s.minLength !== undefined && s.maxLength !== undefined) out.push(s.minLength + " to " + s.maxLength + " characters.");
    else if (s.maxLength !== undefined) out.push("At most " + s.maxLength + " characters.");
    else if (s.minLength !== undefined) out.push("At least " + s.minLength + " characters.");
    if (s.minimum !== undefined) out.push("Minimum " + s.minimum + ".");
    if (s.maximum !== undefined) out.push("Maximum " + s.maximum + ".");
    if (s.pattern) out.push("Pattern: " + s.pattern);
    if (s.default !== undefined) out.push("Default: " + JSON.stringify(s.default) + ".");
    if (s.example !== undefined) out.push("Example: " + JSON.stringify(s.example));
    return out.join(" ");
  }

  // One row per field, nested objects and arrays as "user.id" and "locations[].name".
  function fieldRows(spec, schema, prefix, depth, seen) {
    prefix = prefix || ""; depth = depth || 0; seen = seen || [];
    var d = deref(spec, schema), s = resolve(spec, schema);
    if (d.name) { if (seen.indexOf(d.name) >= 0 || depth > 5) return []; seen = seen.concat(d.name); }
    if (s.type === "array" && s.items) return fieldRows(spec, s.items, prefix + "[].", depth + 1, seen);
    var required = s.required || [];
    return Object.keys(s.properties || {}).flatMap(function (key) {
      var prop = s.properties[key], p = resolve(spec, prop), name = prefix + key;
      var row = { name: name, type: typeText(spec, prop), required: required.indexOf(key) >= 0, notes: notes(spec, prop) };
      var nested = p.properties ? fieldRows(spec, prop, name + ".", depth + 1, seen)
        : p.type === "array" && p.items ? fieldRows(spec, p.items, name + "[].", depth + 1, seen) : [];
      return [row].concat(nested);
    });
  }

  function example(spec, schema, depth) {
    depth = depth || 0;
    var s = resolve(spec, schema);
    if (s.example !== undefined) return s.example;
    if (s.examples && s.examples.length) return s.examples[0];
    if (s.default !== undefined) return s.default;
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (depth > 5) return null;
    if (s.oneOf || s.anyOf) return example(spec, (s.oneOf || s.anyOf)[0], depth + 1);
    var type = Array.isArray(s.type) ? s.type.filter(function (t) { return t !== "null"; })[0] : s.type;
    if (s.properties || type === "object") {
      var out = {};
      Object.keys(s.properties || {}).forEach(function (k) { out[k] = example(spec, s.properties[k], depth + 1); });
      return out;
    }
    if (type === "array") return [example(spec, s.items || {}, depth + 1)];
    if (type === "integer" || type === "number") return s.minimum !== undefined ? s.minimum : 1;
    if (type === "boolean") return true;
    if (type === "null") return null;
    var byFormat = { email: "ana@example.com", uuid: "7d3f0c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f", "date-time": "2026-01-01T12:00:00.000Z", password: "Correct-Horse-9", uri: "https://example.com" };
    return byFormat[s.format] || "string";
  }

  // The request body's media type (JSON first) and its schema, or null.
  function requestBody(op) {
    var content = op.requestBody && op.requestBody.content;
    if (!content) return null;
    var type = content["application/json"] ? "application/json" : Object.keys(content)[0];
    return type ? { type: type, schema: content[type].schema || {}, example: content[type].example } : null;
  }
  // The document's own example for a body when it has one, else one made from the schema.
  function bodyExample(spec, body) { return body.example !== undefined ? body.example : example(spec, body.schema); }
  function encode(type, value) {
    if (type !== "application/x-www-form-urlencoded" || !value || typeof value !== "object") return JSON.stringify(value);
    return Object.keys(value).map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(value[k]); }).join("&");
  }
  function needsToken(spec, op) {
    var security = op.security || spec.security || [];
    return security.length > 0 && security.every(function (req) { return Object.keys(req).length > 0; });
  }
  function shellQuote(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }
  function curl(spec, path, method, op) {
    var origin = (spec.servers && spec.servers[0] && spec.servers[0].url) || "";
    var lines = ["curl -X " + method.toUpperCase() + " " + shellQuote(origin + path)];
    if (needsToken(spec, op)) lines.push("  -H \"Authorization: Bearer $TOKEN\"");
    var body = requestBody(op);
    if (body) {
      lines.push("  -H " + shellQuote("Content-Type: " + body.type));
      lines.push("  -d " + shellQuote(encode(body.type, bodyExample(spec, body))));
    }
    return lines.join(" \\\n");
  }

  function slug(s) { return String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""); }
  function opId(method, path) { return "op-" + method + "-" + slug(path); }

  function fieldTable(spec, schema, caption) {
    var rows = fieldRows(spec, schema);
    if (!rows.length) return h("p", null, "A JSON value of type ", h("code", null, typeText(spec, schema)), ".");
    return h("table", { class: "fields" },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", null, h("tr", null, ["Field", "Type", "Required", "Description"].map(function (c) { return h("th", { scope: "col" }, c); }))),
      h("tbody", null, rows.map(function (r) {
        return h("tr", null, h("td", null, h("code", null, r.name)), h("td", null, r.type),
          h("td", null, r.required ? "required" : "optional"), h("td", null, r.notes));
      })));
  }

  function paramSection(spec, title, params, op) {
    if (!params.length) return null;
    return h("section", null, h("h4", null, title),
      h("table", { class: "fields" },
        h("caption", { class: "visually-hidden" }, title + " of " + op),
        h("thead", null, h("tr", null, ["Name", "Type", "Required", "Description"].map(function (c) { return h("th", { scope: "col" }, c); }))),
        h("tbody", null, params.map(function (p) {
          return h("tr", null, h("td", null, h("code", null, p.name)), h("td", null, typeText(spec, p.schema || {})),
            h("td", null, p.required ? "required" : "optional"), h("td", null, p.description || notes(spec, p.schema || {})));
        }))));
  }

  function bodySection(spec, op, label) {
    var body = requestBody(op);
    if (!body) return null;
    var value = bodyExample(spec, body);
    return h("section", null, h("h4", null, "Request body"),
      h("p", null, h("code", null, "Content-Type: " + body.type), op.requestBody.required ? ", required." : ", optional.",
        op.requestBody.description ? " " + op.requestBody.description : ""),
      fieldTable(spec, body.schema, "Request body of " + label),
      h("p", { class: "example-label" }, "Example:"),
      h("pre", null, h("code", null, body.type === "application/json" ? JSON.stringify(value, null, 2) : encode(body.type, value))));
  }

  function response(spec, r) { return (r && r.$ref ? pointer(spec, r.$ref) : r) || {}; }

  function responsesSection(spec, op, label) {
    var responses = op.responses || {};
    var codes = Object.keys(responses).sort();
    var ok = codes.filter(function (c) { return c.charAt(0) !== "4" && c.charAt(0) !== "5"; });
    var failed = codes.filter(function (c) { return ok.indexOf(c) < 0; });
    return h("section", null, h("h4", null, "Responses"),
      ok.map(function (code) {
        var r = response(spec, responses[code]);
        var content = r.content && (r.content["application/json"] || r.content[Object.keys(r.content)[0]]);
        return h("div", { class: "response" },
          h("h5", null, h("span", { class: "status status-ok" }, code), " ", r.description || ""),
          content && content.schema ? fieldTable(spec, content.schema, "Response " + code + " of " + label) : h("p", null, "No body."));
      }),
      failed.length ? h("table", { class: "errors" },
        h("caption", null, "Errors (the error shape above)"),
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "When"))),
        h("tbody", null, failed.map(function (code) {
          return h("tr", null, h("td", null, h("span", { class: "status status-error" }, code)), h("td", null, response(spec, responses[code]).description || ""));
        }))) : null);
  }

  // Text an operation is found by: method, path, summary, operationId and tag, lower case.
  function searchText(path, method, op) {
    return [method, path, op.summary || "", op.operationId || "", (op.tags || []).join(" ")].join(" ").toLowerCase();
  }
  // Every word of the query appears somewhere in the operation's search text.
  function matches(text, query) {
    return String(query).toLowerCase().split(/\s+/).filter(Boolean).every(function (w) { return text.indexOf(w) >= 0; });
  }
  // The URL "Try it" calls: always a path on this origin, with each path value percent-encoded.
  function tryUrl(path, pathValues, queryValues) {
    var url = path.replace(/\{(\w+)\}/g, function (_m, name) { return encodeURIComponent(pathValues[name] || ""); });
    var query = Object.keys(queryValues || {}).filter(function (k) { return queryValues[k] !== ""; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(queryValues[k]); }).join("&");
    url = "/" + url.replace(/^\/+/, "");
    return query ? url + "?" + query : url;
  }
  function paramExample(p) {
    var ex = p.example !== undefined ? p.example : p.schema && p.schema.example;
    return ex === undefined || ex === null ? "" : String(ex);
  }
  function tryIt(spec, path, method, op, id) {
    var params = (op.parameters || []).map(function (p) { return p.$ref ? pointer(spec, p.$ref) : p; })
      .filter(function (p) { return p && (p.in === "path" || p.in === "query"); });
    var body = requestBody(op);
    return h("details", { class: "try" }, h("summary", null, "Try it"),
      h("form", { class: "try-form", "data-path": path, "data-method": method, "data-body-type": body ? body.type : "" },
        params.map(function (p) {
          var fid = id + "-" + p.in + "-" + p.name;
          return h("p", { class: "try-field" }, h("label", { for: fid }, p.name, " (", p.in, p.required ? ", required" : "", ")"),
            h("input", { id: fid, name: p.in + ":" + p.name, value: p.in === "path" ? paramExample(p) : "", autocomplete: "off", spellcheck: "false" }));
        }),
        body && body.type === "application/json" ? h("p", { class: "try-field" }, h("label", { for: id + "-body" }, "Body (JSON)"),
          h("textarea", { id: id + "-body", name: "body", rows: "8", spellcheck: "false" }, JSON.stringify(bodyExample(spec, body), null, 2))) : null,
        needsToken(spec, op) ? h("p", { class: "try-note" }, "Sends the key or token from the top of the page.") : null,
        h("button", { type: "submit" }, "Send ", method.toUpperCase()),
        h("div", { class: "try-result", role: "status", "aria-live": "polite" })));
  }

  function operationView(spec, path, method, op) {
    var id = opId(method, path), label = method.toUpperCase() + " " + path, secured = needsToken(spec, op);
    var params = op.parameters || [];
    var resolved = params.map(function (p) { return p.$ref ? pointer(spec, p.$ref) : p; });
    var where = function (kind) { return resolved.filter(function (p) { return p && p.in === kind; }); };
    return h("article", { class: "op", id: id, "aria-labelledby": id + "-title", "data-search": searchText(path, method, op) },
      h("h3", { id: id + "-title" }, h("span", { class: "method method-" + method }, method.toUpperCase()), " ", h("code", { class: "path" }, path)),
      op.summary ? h("p", { class: "summary" }, op.summary) : null,
      h("p", { class: secured ? "auth auth-token" : "auth auth-public" },
        secured ? ["Needs a token: ", h("code", null, "Authorization: Bearer <token>"), "."] : [h("strong", null, "Public"), ": no token needed."]),
      op.description ? h("p", null, op.description) : null,
      paramSection(spec, "Path parameters", where("path"), label),
      paramSection(spec, "Query parameters", where("query"), label),
      paramSection(spec, "Header parameters", where("header"), label),
      bodySection(spec, op, label),
      responsesSection(spec, op, label),
      h("details", null, h("summary", null, "Example with curl"), h("pre", null, h("code", null, curl(spec, path, method, op)))),
      tryIt(spec, path, method, op, id));
  }

  // An outgoing webhook event: what Seatline POSTs to an endpoint, with the payload and an example.
  function eventView(spec, name, op) {
    var id = "event-" + slug(name), body = requestBody(op);
    return h("article", { class: "op", id: id, "aria-labelledby": id + "-title", "data-search": ("event webhook " + name + " " + (op.summary || "")).toLowerCase() },
      h("h3", { id: id + "-title" }, h("span", { class: "method method-event" }, "EVENT"), " ", h("code", { class: "path" }, name)),
      op.summary ? h("p", { class: "summary" }, op.summary) : null,
      op.description ? h("p", null, op.description) : null,
      paramSection(spec, "Headers", (op.parameters || []).filter(function (p) { return p.in === "header"; }), name),
      body ? h("section", null, h("h4", null, "Payload"), fieldTable(spec, body.schema, "Payload of " + name),
        h("p", { class: "example-label" }, "Example:"), h("pre", null, h("code", null, JSON.stringify(bodyExample(spec, body), null, 2)))) : null);
  }

  // Operations grouped by their first tag, in the order the document lists them.
  function groups(spec) {
    var byTag = {}, order = [];
    Object.keys(spec.paths || {}).forEach(function (path) {
      METHODS.forEach(function (method) {
        var op = spec.paths[path][method];
        if (!op) return;
        var tag = (op.tags && op.tags[0]) || "Other";
        if (!byTag[tag]) { byTag[tag] = []; order.push(tag); }
        byTag[tag].push({ path: path, method: method, op: op });
      });
    });
    return order.map(function (tag) { return { tag: tag, ops: byTag[tag] }; });
  }

  function view(spec) {
    var gs = groups(spec), schemas = (spec.components && spec.components.schemas) || {};
    return [
      h("p", { class: "version" }, (spec.info && spec.info.title) || "API", " ", (spec.info && spec.info.version) || "", " · OpenAPI ", spec.openapi || ""),
      h("form", { class: "tools", role: "search", id: "tools" },
        h("p", null, h("label", { for: "search" }, "Search operations and events"),
          h("input", { id: "search", type: "search", autocomplete: "off", spellcheck: "false", placeholder: "notify, reservations, party.moved" })),
        h("p", null, h("label", { for: "try-token" }, "API key or token for Try it (kept in this page only)"),
          h("input", { id: "try-token", type: "password", autocomplete: "off", spellcheck: "false", placeholder: "sl_live_…" })),
        h("p", { id: "search-count", role: "status", "aria-live": "polite" })),
      h("nav", { "aria-labelledby": "contents" }, h("h2", { id: "contents" }, "Contents"),
        h("ul", null, gs.map(function (g) {
          return h("li", null, h("a", { href: "#tag-" + slug(g.tag) }, g.tag),
            h("ul", null, g.ops.map(function (o) {
              return h("li", null, h("a", { href: "#" + opId(o.method, o.path) }, h("span", { class: "method method-" + o.method }, o.method.toUpperCase()), " ", h("code", null, o.path)));
            })));
        }), spec.webhooks ? h("li", null, h("a", { href: "#webhooks" }, "Webhooks (events Seatline sends)")) : null,
        Object.keys(schemas).length ? h("li", null, h("a", { href: "#schemas" }, "Schemas")) : null)),
      gs.map(function (g) {
        return h("section", { class: "tag", id: "tag-" + slug(g.tag), "aria-labelledby": "tag-" + slug(g.tag) + "-title" },
          h("h2", { id: "tag-" + slug(g.tag) + "-title" }, g.tag),
          g.ops.map(function (o) { return operationView(spec, o.path, o.method, o.op); }));
      }),
      spec.webhooks ? h("section", { class: "tag", id: "webhooks", "aria-labelledby": "webhooks-title" }, h("h2", { id: "webhooks-title" }, "Webhooks (events Seatline sends)"),
        Object.keys(spec.webhooks).map(function (name) { return spec.webhooks[name].post ? eventView(spec, name, spec.webhooks[name].post) : null; })) : null,
      Object.keys(schemas).length ? h("section", { id: "schemas", "aria-labelledby": "schemas-title" }, h("h2", { id: "schemas-title" }, "Schemas"),
        Object.keys(schemas).map(function (name) {
          return h("article", { class: "schema", id: "schema-" + slug(name) }, h("h3", null, name),
            schemas[name].description ? h("p", null, schemas[name].description) : null,
            fieldTable(spec, { $ref: "#/components/schemas/" + name }, "Fields of " + name));
        })) : null,
    ].flat(Infinity).filter(Boolean);
  }

  function mount(node) {
    if (typeof node !== "object") return document.createTextNode(String(node));
    var el = document.createElement(node.tag);
    Object.keys(node.attrs).forEach(function (k) { el.setAttribute(k, String(node.attrs[k])); });
    node.children.forEach(function (c) { el.appendChild(mount(c)); });
    return el;
  }

  // Search hides the operations (and their contents entries) that do not match; Try it sends the
  // form's request to this origin with the key from the top of the page, and shows the answer as text.
  function wire(root) {
    var search = document.getElementById("search"), count = document.getElementById("search-count");
    var tools = document.getElementById("tools");
    tools.addEventListener("submit", function (e) { e.preventDefault(); });
    search.addEventListener("input", function () {
      var shown = 0, q = search.value;
      root.querySelectorAll("article.op").forEach(function (a) {
        var hit = matches(a.getAttribute("data-search") || "", q);
        a.hidden = !hit;
        if (hit) shown += 1;
        var link = root.querySelector("nav a[href=\"#" + a.id + "\"]");
        if (link) link.parentElement.hidden = !hit;
      });
      root.querySelectorAll("section.tag").forEach(function (sec) { sec.hidden = !sec.querySelector("article.op:not([hidden])"); });
      count.textContent = q.trim() ? shown + (shown === 1 ? " match" : " matches") : "";
    });
    root.querySelectorAll("form.try-form").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var out = form.querySelector(".try-result"), pathValues = {}, queryValues = {}, init = { method: form.getAttribute("data-method").toUpperCase(), headers: { Accept: "application/json" } };
        form.querySelectorAll("input").forEach(function (i) {
          var parts = i.name.split(":");
          if (parts[0] === "path") pathValues[parts[1]] = i.value.trim();
          if (parts[0] === "query") queryValues[parts[1]] = i.value.trim();
        });
        var token = document.getElementById("try-token").value.trim();
        if (token) init.headers.Authorization = "Bearer " + token;
        var bodyField = form.querySelector("textarea");
        if (bodyField) { init.headers["Content-Type"] = "application/json"; init.body = bodyField.value; }
        var url = tryUrl(form.getAttribute("data-path"), pathValues, queryValues);
        out.textContent = "Sending " + init.method + " " + url + "…";
        fetch(url, init).then(function (res) {
          return res.text().then(function (text) {
            var shown = text;
            try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (_e) { /* not JSON: as it came */ }
            out.replaceChildren(mount(h("p", { class: res.ok ? "status status-ok" : "status status-error" }, res.status + " " + res.statusText)), mount(h("pre", null, h("code", null, shown || "(no body)"))));
          });
        }).catch(function (err) { out.textContent = "The request failed: " + err.message; });
      });
    });
  }

  if (typeof document !== "undefined") {
    var target = document.getElementById("reference");
    fetch("/api/openapi.json", { headers: { Accept: "application/json" } })
      .then(function (res) { if (!res.ok) throw new Error("HTTP " + res.status); return res.json(); })
      .then(function (spec) {
        target.replaceChildren.apply(target, view(spec).map(mount));
        wire(target);
        var hash = decodeURIComponent(location.hash.slice(1));
        var el = hash && document.getElementById(hash);
        if (el) el.scrollIntoView();
      })
      .catch(function (err) {
        target.replaceChildren(mount(h("p", { class: "error", role: "alert" }, "Could not load /api/openapi.json (" + err.message + ").")));
      });
  }

  return { view: view, fieldRows: fieldRows, typeText: typeText, example: example, curl: curl, needsToken: needsToken, matches: matches, searchText: searchText, tryUrl: tryUrl };
})();
`;

export const DOCS_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #4a4a4a; --line: #d0d0d0; --code-bg: #f3f4f6; --link: #0b57d0;
  --get: #0a6b35; --post: #0b4fa3; --put: #5b3c88; --patch: #7a4b00; --delete: #a1141b; --ok: #0a6b35; --err: #a1141b;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #121417; --fg: #e9e9e9; --muted: #b8b8b8; --line: #3a3f45; --code-bg: #1e2227; --link: #8ab4f8; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible, #reference:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h4 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
h5 { font-size: .95rem; margin: 1rem 0 .4rem; font-weight: 600; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
code { background: var(--code-bg); padding: .05em .3em; border-radius: 3px; }
pre { background: var(--code-bg); padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.version { color: var(--muted); }
nav ul { list-style: none; padding-left: 1rem; margin: .25rem 0; }
nav > ul { padding-left: 0; }
nav li { margin: .15rem 0; }
nav a { text-decoration: none; }
nav a:hover code, nav a:focus code, nav > ul > li > a:hover { text-decoration: underline; }
.op, .schema { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
.method { display: inline-block; min-width: 4.2em; text-align: center; color: #fff; font-size: .8rem; font-weight: 700; padding: .1rem .4rem; border-radius: 4px; font-family: ui-monospace, monospace; }
.method-get { background: var(--get); } .method-post { background: var(--post); } .method-put { background: var(--put); }
.method-patch { background: var(--patch); } .method-delete { background: var(--delete); }
.path { background: none; padding: 0; font-size: 1rem; }
.summary { font-weight: 600; margin: .25rem 0; }
.auth { margin: .25rem 0; color: var(--muted); }
.status { display: inline-block; color: #fff; font-weight: 700; font-size: .85rem; padding: 0 .4rem; border-radius: 4px; }
.status-ok { background: var(--ok); } .status-error { background: var(--err); }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .4rem .5rem; }
th { font-weight: 600; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
td:first-child { white-space: nowrap; }
.example-label { margin-bottom: 0; font-weight: 600; }
.codes dt { margin-top: .5rem; }
.codes dd { margin-left: 1.25rem; }
.error { color: var(--err); font-weight: 600; }
details { margin-top: 1rem; }
summary { cursor: pointer; font-weight: 600; }
.method-event { background: var(--muted); }
.tools { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
.tools label, .try-field label { display: block; font-weight: 600; margin-bottom: .2rem; }
input, textarea { width: 100%; max-width: 100%; font: inherit; padding: .45rem .55rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 3px solid var(--link); outline-offset: 1px; }
button { font: inherit; font-weight: 600; padding: .45rem 1rem; border-radius: 6px; border: 1px solid var(--link); background: var(--link); color: var(--bg); cursor: pointer; }
.try-result pre { max-height: 24rem; }
.try-note { color: var(--muted); }
[hidden] { display: none !important; }
/* A phone shows the page without sideways scrolling: long paths and codes wrap, wide tables become blocks. */
main, header { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  td:first-child { white-space: normal; } table { font-size: .85rem; }
  table.fields, table.fields thead, table.fields tbody, table.fields tr, table.fields td { display: block; width: 100%; }
  table.fields thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.fields tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.fields td { border: 0; padding: .1rem .25rem; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
}
`;
