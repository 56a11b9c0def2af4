/* Plan Portal search page: a small UI over Pagefind's JavaScript API (see docs/search.md).
 * Loaded only on the search page. Pagefind fetches its index lazily: a search downloads the
 * few index chunks its words fall in and one small fragment per result shown.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-pp-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var status = root.querySelector("[data-pp-search-status]");
  var list = root.querySelector("[data-pp-search-results]");
  var more = root.querySelector("[data-pp-search-more]");
  var PAGE = 10;
  // Plans are long, agency names and articles short: soften Pagefind's preference for short pages,
  // and count a match in a plan's number or summary (its data-pagefind-meta) strongly.
  var RANKING = { pageLength: 0.1, metaWeights: { title: 6, summary: 6 } };
  var bundle = new URL(root.getAttribute("data-pp-bundle"), document.baseURI).href;
  // Pagefind's URLs start at the site root; prefix them with where the site is served (a sub-path or not).
  var siteRoot = new URL(root.getAttribute("data-pp-root"), document.baseURI).pathname;
  var pagefind = null, results = [], shown = 0, generation = 0, timer = 0;

  function say(text) { status.textContent = text; }

  // A big portal's index is built in parts (one Pagefind run each, to bound its memory): the first is
  // the bundle itself, parts.json lists the others, merged here so that one search covers them all.
  function parts() {
    return fetch(bundle + "parts.json").then(function (r) { return r.ok ? r.json() : { parts: [] }; })
      .then(function (data) { return data.parts || []; }, function () { return []; });
  }

  function load() {
    if (!pagefind) {
      var options = { baseUrl: siteRoot, excerptLength: 24, ranking: RANKING };
      pagefind = Promise.all([import(bundle + "pagefind.js"), parts()]).then(function (loaded) {
        var pf = loaded[0];
        return pf.options(options).then(function () {
          // .options() reaches only the first part: each merged part gets the same options.
          return Promise.all(loaded[1].map(function (dir) { return pf.mergeIndex(bundle + dir, options); }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // An excerpt with no Vietnamese letter comes from the hidden "đ → d" words: not worth showing.
  function readable(excerpt) {
    return /[^\x00-\x7f]/.test(excerpt.replace(/<[^>]*>/g, ""));
  }

  function paragraph(cls, text) {
    var p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function render(data) {
    var meta = data.meta || {};
    var li = document.createElement("li");
    li.className = "pp-search-result";
    var kind = paragraph("pp-search-result__kind", meta.kind || "Trang");
    var h2 = document.createElement("h2");
    h2.className = "pp-search-result__title";
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = meta.title || meta.name || data.url;
    h2.appendChild(a);
    li.appendChild(h2);
    li.appendChild(kind);
    if (meta.summary) li.appendChild(paragraph("pp-search-result__summary", meta.summary));
    var facts = [meta.issued, meta.issuer].filter(Boolean).join(" · ");
    if (facts) li.appendChild(paragraph("pp-search-result__meta", facts));
    if (data.excerpt && !meta.quiet && readable(data.excerpt)) {
      var ex = document.createElement("p");
      ex.className = "pp-search-result__excerpt";
      ex.innerHTML = "… " + data.excerpt + " …"; // Pagefind escapes the page text; only <mark> is markup
      li.appendChild(ex);
    }
    return li;
  }

  function showMore(gen) {
    var slice = results.slice(shown, shown + PAGE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
      if (gen !== generation) return;
      items.forEach(function (d) { list.appendChild(render(d)); });
      shown += items.length;
      more.hidden = shown >= results.length;
    });
  }

  function search(query) {
    var gen = ++generation;
    var q = query.trim();
    writeQuery(q);
    list.textContent = "";
    more.hidden = true;
    results = [];
    shown = 0;
    if (!q) { say(""); return Promise.resolve(); }
    say("Đang tìm…");
    // Plans first: the plans that match, then every other page that matches, each in Pagefind's order.
    return load().then(function (pf) {
      // A parted index has a page of every word in each part (plan_portal/search.py): never a result.
      return Promise.all([pf.search(q, { filters: { group: "ke-hoach" } }),
        pf.search(q, { filters: { not: { pp: "vocabulary" } } })]);
    }).then(function (found) {
      if (gen !== generation || !found[0] || !found[1]) return;
      var plans = found[0].results, ids = {};
      plans.forEach(function (r) { ids[r.id] = true; });
      results = plans.concat(found[1].results.filter(function (r) { return !ids[r.id]; }));
      if (!results.length) {
        say("Không tìm thấy kết quả nào cho «" + q + "». Thử gõ ít từ hơn, hoặc xem danh sách kế hoạch.");
        return;
      }
      return showMore(gen).then(function () {
        // Said once the first results are on the page: screen readers hear it when they can read them.
        if (gen === generation) say("Tìm thấy " + results.length + " kết quả cho «" + q + "».");
      });
    }).catch(function () {
      if (gen !== generation) return;
      say(location.protocol === "file:"
        ? "Tìm kiếm chỉ chạy khi cổng được mở qua máy chủ web (http:// hoặc https://), không chạy khi mở tệp trực tiếp."
        : "Chưa tải được chỉ mục tìm kiếm. Vui lòng tải lại trang.");
    });
  }

  function writeQuery(q) {
    var url = window.location.pathname + (q ? "?q=" + encodeURIComponent(q) : "");
    history.replaceState(null, "", url);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 250);
  });
  more.addEventListener("click", function () { showMore(generation); });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  if (initial) search(initial);
  else input.focus();
})();
