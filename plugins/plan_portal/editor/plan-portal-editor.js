/* The web editor at /bien-tap/: Decap CMS (bundled, no CDN) with the configuration generated from the
 * model (config.json, written by the plan-portal plugin), previews in the portal's own styles, the
 * agency registry's YAML list format, and the results of `plan-portal check` shown after each save
 * (kiem-tra.json, rewritten by every build). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;

  // -- the agency registry: co-quan.yml is a YAML list; Decap edits mappings -------------------------
  var HEADER_KEY = "_header";  // the comment block at the top of co-quan.yml, kept as it was
  CMS.registerCustomFormat("yaml-list", "yml", {
    fromFile: function (content) {
      var header = (content.match(/^(?:[ \t]*(?:#.*)?\r?\n)*/) || [""])[0];
      var data = window.jsyaml.load(content) || [];
      var out = { agencies: Array.isArray(data) ? data : [] };
      out[HEADER_KEY] = header;
      return out;
    },
    toFile: function (data) {
      var list = (data && data.agencies) || [];
      var clean = list.map(function (item) {
        var out = {};
        Object.keys(item || {}).forEach(function (key) {
          var value = item[key];
          if (value === null || value === undefined || value === "") return;
          out[key] = value;
        });
        return out;
      });
      var body = clean.length ? window.jsyaml.dump(clean, { lineWidth: -1, noRefs: true }) : "[]\n";
      return ((data && data[HEADER_KEY]) || "") + body;
    },
  });

  // -- front matter saved with the smallest change: untouched keys keep their text and comments ------------
  // Decap's own "yaml-frontmatter" rewrites the whole block (comments dropped, quotes and line breaks
  // changed). This format re-writes only the top-level keys whose value changed; every other key keeps
  // its lines byte for byte, with the comments above it, and an unchanged body is kept as it was.
  var SOURCE_KEY = "_source";  // the file as read, carried in the entry's data, never written
  var YAML = { schema: window.jsyaml.JSON_SCHEMA };  // dates and "on"/"yes" stay text, as the portal reads them
  var FRONT = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

  function same(a, b) {
    if (a === b) return true;
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(function (x, i) { return same(x, b[i]); });
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]); });
    }
    return false;
  }

  function blocks(front) {
    // Each top-level key with the lines under it; comments and blank lines go with the key that follows.
    var out = [], pending = [];
    front.split(/(?<=\n)/).forEach(function (line) {
      if (/^(#|\s*$)/.test(line)) { pending.push(line); return; }
      if (/^\S/.test(line)) { out.push({ lead: pending.join(""), text: line }); pending = []; return; }
      if (!out.length) { pending.push(line); return; }
      out[out.length - 1].text += pending.join("") + line;
      pending = [];
    });
    return { blocks: out, tail: pending.join("") };
  }

  function dumpKey(key, value) {
    var one = {};
    one[key] = value;
    return window.jsyaml.dump(one, { schema: window.jsyaml.JSON_SCHEMA, lineWidth: -1, noRefs: true });
  }

  // A changed list (tasks, basis…): its unchanged items keep their text and comments, a changed item keeps
  // the comments above it; only new and changed items are written anew.
  function listBlock(text, key, oldList, newList) {
    var lines = text.split(/(?<=\n)/);
    var first = lines.slice(1).filter(function (l) { return !/^(\s*#|\s*$)/.test(l); })[0];
    var indent = first && /^(\s*)- /.exec(first);
    if (!/:\s*\n$/.test(lines[0]) || !indent || !Array.isArray(oldList) || !Array.isArray(newList)) return null;
    var prefix = indent[1];
    var items = [], pending = [];
    lines.slice(1).forEach(function (line) {
      if (/^(\s*#|\s*$)/.test(line)) { pending.push(line); return; }
      if (line.indexOf(prefix + "- ") === 0) { items.push({ lead: pending.join(""), text: line }); pending = []; return; }
      if (!items.length || line.indexOf(prefix) !== 0) { items = null; return; }
      items[items.length - 1].text += pending.join("") + line;
      pending = [];
    });
    if (!items || items.length !== oldList.length) return null;
    var used = [];
    var out = lines[0];
    newList.forEach(function (value, i) {
      var j = -1;
      for (var k = 0; k < items.length; k++) if (!used[k] && same(oldList[k], value)) { j = k; break; }
      if (j >= 0) { used[j] = true; out += items[j].lead + items[j].text; return; }
      var lead = i < items.length && !used[i] && !newList.some(function (v) { return same(oldList[i], v); }) ? items[i].lead : "";
      if (lead) used[i] = true;
      out += lead + window.jsyaml.dump([value], { schema: window.jsyaml.JSON_SCHEMA, lineWidth: -1, noRefs: true })
        .split(/(?<=\n)/).map(function (l) { return prefix + l; }).join("");
    });
    return out + pending.join("");
  }

  CMS.registerCustomFormat("frontmatter-keep", "md", {
    fromFile: function (content) {
      var m = FRONT.exec(content);
      var data = m ? (window.jsyaml.load(m[1] || "", YAML) || {}) : {};
      data.body = m ? m[2] : content;
      data[SOURCE_KEY] = content;
      return data;
    },
    toFile: function (data) {
      var values = {};
      Object.keys(data || {}).forEach(function (k) { if (k !== "body" && k !== SOURCE_KEY) values[k] = data[k]; });
      var body = data && typeof data.body === "string" ? data.body : "";
      var m = data && data[SOURCE_KEY] ? FRONT.exec(data[SOURCE_KEY]) : null;
      if (!m) {  // a new file
        return "---\n" + Object.keys(values).map(function (k) { return dumpKey(k, values[k]); }).join("") + "---\n" + body;
      }
      var old = blocks(m[1] || "");
      var parts = [];  // [key, text] in the file's order
      old.blocks.forEach(function (b) {
        var parsed = window.jsyaml.load(b.text, YAML) || {};
        var key = Object.keys(parsed)[0];
        if (key === undefined || !Object.prototype.hasOwnProperty.call(values, key)) return;  // removed
        parts.push([key, b.lead + (same(parsed[key], values[key]) ? b.text
          : (listBlock(b.text, key, parsed[key], values[key]) || dumpKey(key, values[key])))]);
      });
      // A new key goes after the key that precedes it in the model's order (the order of `values`).
      var order = Object.keys(values);
      order.forEach(function (k, i) {
        if (parts.some(function (p) { return p[0] === k; })) return;
        var at = 0;
        for (var j = i - 1; j >= 0 && !at; j--) {
          for (var n = 0; n < parts.length; n++) if (parts[n][0] === order[j]) at = n + 1;
        }
        parts.splice(at, 0, [k, dumpKey(k, values[k])]);
      });
      var text = parts.map(function (p) { return p[1]; }).join("");
      var front = m[0].slice(0, m[0].length - m[2].length);
      var close = front.slice(front.lastIndexOf("---"));
      var oldBody = m[2];
      return "---\n" + text + old.tail + close + (body === oldBody.replace(/\r\n/g, "\n") || body === oldBody ? oldBody : body);
    },
  });

  // -- previews that look like the site ----------------------------------------------------------------
  function names(value) {
    if (!value) return "";
    if (value.toJS) value = value.toJS();
    return Array.isArray(value) ? value.join("; ") : String(value);
  }

  function plain(entry) {
    var data = entry.get("data");
    return data && data.toJS ? data.toJS() : {};
  }

  var STATUS = {};  // filled from config.json: value -> Vietnamese label

  var PlanPreview = createClass({
    render: function () {
      var d = plain(this.props.entry);
      var tasks = Array.isArray(d.tasks) ? d.tasks : [];
      return h("div", { className: "md-typeset" },
        h("article", { className: "pp-plan" },
          h("header", { className: "pp-doc-header" },
            h("div", { className: "pp-doc-header__left" },
              h("p", { className: "pp-doc-issuer" }, d.issuer || ""),
              d.number ? h("p", { className: "pp-doc-number" }, "Số: " + d.number) : null),
            h("div", { className: "pp-doc-header__right" },
              h("p", { className: "pp-doc-place-date" }, [d.place, d.issued].filter(Boolean).join(", "))),
            h("h1", { className: "pp-doc-title" },
              h("span", { className: "pp-doc-type" }, (d.doc_type || "Kế hoạch").toUpperCase()), " ",
              h("span", { className: "pp-doc-summary" }, d.summary || ""))),
          tasks.length ? h("section", { className: "pp-tasks" },
            h("h2", null, "Nhiệm vụ"),
            h("div", { className: "pp-table-wrap" },
              h("table", { className: "pp-table pp-task-table" },
                h("thead", null, h("tr", null,
                  ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Trạng thái"].map(function (t) {
                    return h("th", { key: t, scope: "col" }, t);
                  }))),
                h("tbody", null, tasks.map(function (task, i) {
                  var status = task.status || "planned";
                  return h("tr", { key: i },
                    h("td", null, String(i + 1)), h("td", null, task.title || ""),
                    h("td", null, names(task.lead)), h("td", null, names(task.support)),
                    h("td", null, task.due || ""),
                    h("td", { className: "pp-status--" + status }, STATUS[status] || status));
                }))))) : null,
          h("section", { className: "pp-fulltext" }, this.props.widgetFor("body"))));
    },
  });

  var SectionPreview = createClass({
    render: function () {
      var d = plain(this.props.entry);
      return h("div", { className: "md-typeset" },
        h("h1", null, d.title || ""), d.summary ? h("p", null, d.summary) : null, this.props.widgetFor("body"));
    },
  });

  // The site's own stylesheets (Material's and portal.css), read from the home page's <link>s.
  function siteStyles() {
    return fetch("../", { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : ""; }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var base = new URL("../", location.href);
      return Array.prototype.map.call(doc.querySelectorAll('link[rel="stylesheet"]'), function (link) {
        return new URL(link.getAttribute("href"), base).href;
      });
    }).catch(function () { return []; });
  }

  // -- the same errors as the build, after each save -----------------------------------------------------
  var CHECK_URL = "kiem-tra.json";
  var before = null;

  function fetchCheck() {
    return fetch(CHECK_URL, { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; })
      .catch(function () { return null; });
  }

  function panel() {
    var box = document.getElementById("pp-check");
    if (!box) {
      box = document.createElement("aside");
      box.id = "pp-check";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      document.body.appendChild(box);
    }
    box.textContent = "";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Đóng";
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(close);
    return box;
  }

  function show(state, title, lines) {
    var box = panel();
    box.setAttribute("data-state", state);
    var head = document.createElement("h2");
    head.textContent = title;
    box.appendChild(head);
    if (lines && lines.length) {
      var ul = document.createElement("ul");
      lines.forEach(function (line) {
        var li = document.createElement("li");
        li.textContent = line;
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
  }

  function report(text, repoPath) {
    var data = JSON.parse(text);
    var prefix = data.content_dir ? data.content_dir.replace(/\/$/, "") + "/" : "";
    var mine = data.problems.filter(function (p) { return prefix + p.path === repoPath; });
    var lines = mine.map(function (p) { return prefix + p.text; });
    if (!mine.length) {
      show("ok", "Đã lưu. Kiểm tra: không có lỗi hay cảnh báo nào trong tệp " + repoPath + ".",
        data.problems.length ? ["(Các tệp khác còn " + data.problems.length + " vấn đề: xem trang Báo cáo nội dung.)"] : []);
    } else {
      var errors = mine.filter(function (p) { return p.severity === "error"; }).length;
      show("problems", "Đã lưu. Kiểm tra tệp " + repoPath + ": " + errors + " lỗi, " + (mine.length - errors) + " cảnh báo.", lines);
    }
  }

  function revision(text) {
    try { return JSON.parse(text).revision; } catch (e) { return undefined; }
  }

  function rebuilt(text) {
    if (text === null) return false;
    var was = before === null ? undefined : revision(before);
    // Under `mkdocs serve` each rebuild has a number; elsewhere any change of the results will do.
    return was !== undefined ? revision(text) !== was : text !== before;
  }

  function poll(repoPath, tries) {
    fetchCheck().then(function (text) {
      if (rebuilt(text)) {
        before = text;
        report(text, repoPath);
      } else if (tries > 0) {
        setTimeout(function () { poll(repoPath, tries - 1); }, 1000);
      } else {
        show("waiting", "Đã lưu. Kết quả kiểm tra sẽ có khi cổng được dựng lại.",
          ["Nếu tệp có lỗi, trang Báo cáo nội dung (/bao-cao/) và yêu cầu hợp nhất (pull request) sẽ ghi rõ tệp, dòng và cách sửa."]);
      }
    });
  }

  // -- what is saved: keys in the model's order, empty optional values left out -----------------------------
  var FIELDS = {};  // "collection" or "collection/file" -> the fields of config.json
  var COLLECTIONS = {};  // name -> its configuration

  function isEmpty(v) {
    return v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length) ||
      (typeof v === "object" && !Array.isArray(v) && !Object.keys(v).length);
  }

  function onlyDefaults(value, fields) {
    return !!value && typeof value === "object" && Object.keys(value).every(function (k) {
      var f = fields.filter(function (x) { return x.name === k; })[0];
      return f && (isEmpty(value[k]) || (f.default !== undefined && JSON.stringify(f.default) === JSON.stringify(value[k])));
    });
  }

  function tidy(value, fields) {
    var out = {};
    var known = {};
    fields.forEach(function (f) {
      known[f.name] = true;
      if (!Object.prototype.hasOwnProperty.call(value, f.name)) return;
      var v = value[f.name];
      if (f.fields && Array.isArray(v)) {
        v = v.map(function (item) { return item && typeof item === "object" ? tidy(item, f.fields) : item; });
      } else if (f.fields && v && typeof v === "object") {
        v = tidy(v, f.fields);
      }
      if (f.name !== "body" && !f.required && isEmpty(v)) return;
      if (f.widget === "object" && !f.required && onlyDefaults(v, f.fields)) return;  // e.g. lifecycle: {state: active}
      out[f.name] = v;
    });
    Object.keys(value).forEach(function (k) { if (!known[k]) out[k] = value[k]; });  // keys the model does not know
    return out;
  }

  function toImmutable(v, emptyMap, emptyList) {
    if (Array.isArray(v)) return v.reduce(function (l, x) { return l.push(toImmutable(x, emptyMap, emptyList)); }, emptyList);
    if (v && typeof v === "object") {
      return Object.keys(v).reduce(function (m, k) { return m.set(k, toImmutable(v[k], emptyMap, emptyList)); }, emptyMap);
    }
    return v;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var fields = FIELDS[entry.get("collection") + "/" + entry.get("slug")] || FIELDS[entry.get("collection")];
      return fetchCheck().then(function (text) {
        before = text;
        if (!fields) return undefined;
        var data = entry.get("data");
        var empty = data.clear();
        return toImmutable(tidy(data.toJS(), fields), empty, empty.toList());
      });
    },
  });
  CMS.registerEventListener({
    name: "postSave",
    handler: function (event) {
      var entry = event.entry;
      // A new entry has no path yet: Decap opens it right after saving, at #/collections/<name>/entries/<slug>.
      setTimeout(function () {
        var path = entry.get("path");
        var found = /#\/collections\/([^/]+)\/entries\/(.+)$/.exec(location.hash);
        var collection = COLLECTIONS[entry.get("collection")];
        if (!path && found && collection && collection.folder) {
          path = collection.folder + "/" + decodeURIComponent(found[2]) + "." + (collection.extension || "md");
        }
        show("waiting", "Đã lưu. Đang kiểm tra tệp " + path + "…", []);
        poll(path, 90);
      }, 300);
    },
  });

  // -- Vietnamese: Decap's own "vi" locale, completed by vi-bo-sung.js ----------------------------------
  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra || {}).forEach(function (k) {
      out[k] = extra[k] && typeof extra[k] === "object" ? merge(out[k], extra[k]) : (out[k] === undefined ? extra[k] : out[k]);
    });
    return out;
  }
  CMS.registerLocale("vi", merge(CMS.getLocale("vi"), window.PLAN_PORTAL_VI));

  // -- start -------------------------------------------------------------------------------------------------
  Promise.all([fetch("config.json", { cache: "no-store" }).then(function (r) { return r.json(); }), siteStyles()])
    .then(function (results) {
      var config = results[0];
      var local = config.local_backend;
      if (local && local.url && (location.hostname === "localhost" || location.hostname === "127.0.0.1")) {
        local.url = local.url.replace("//127.0.0.1:", "//" + location.hostname + ":");  // same host as the page
        config.publish_mode = "simple";  // the local proxy writes files; there is no pull request to open
      }
      (config.collections || []).forEach(function (c) {
        COLLECTIONS[c.name] = c;
        if (c.fields) FIELDS[c.name] = c.fields;
        (c.files || []).forEach(function (f) { FIELDS[c.name + "/" + f.name] = f.fields; });
        (c.fields || []).forEach(function (f) {
          (f.fields || []).forEach(function (sub) {
            if (f.name === "tasks" && sub.name === "status") {
              (sub.options || []).forEach(function (o) { STATUS[o.value] = o.label; });
            }
          });
        });
      });
      results[1].forEach(function (href) { CMS.registerPreviewStyle(href); });
      CMS.registerPreviewTemplate("ke-hoach", PlanPreview);
      (config.collections || []).forEach(function (c) {
        if (c.name === "chuyen-trang") (c.files || []).forEach(function (f) { CMS.registerPreviewTemplate(f.name, SectionPreview); });
      });
      config.load_config_file = false;
      CMS.init({ config: config });
    });
})();
