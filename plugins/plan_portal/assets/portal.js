/* Plan Portal: progressive enhancement only. Every page is complete without this script.
 * - statuses are recomputed from the embedded dates (a static page outlives its build);
 * - the plan list, the timeline and the agency list get filters;
 * - a chuyên trang counts down to its ceremony.
 */
(function () {
  "use strict";
  // The status table (labels, threshold, rules) is data emitted at build time from
  // plan_portal/core/status.py as assets/plan-portal/status.js; this script only computes facts.
  var STATUS = window.PlanPortalStatus || { labels: {}, closed: [], soon_days: 0, facts: [], rules: {} };
  var DAY = 86400000;

  // The period facts the rules are written with (the same as status.facts() in the core).
  var FACTS = {
    unreadable: function (p) { return !p.readable; },
    recurring: function (p) { return p.recurring; },
    undated: function (p) { return !p.start && !p.end; },
    continuing: function (p) { return p.continuing; },
    ended: function (p, now) { return !!p.end && p.end < now; },
    ends_soon: function (p, now) { return !!p.end && Math.round((p.end - now) / DAY) <= STATUS.soon_days; },
    started: function (p, now) { return !!p.start && p.start <= now; },
    over: function (p, now) { var last = p.end || p.start; return !!last && last < now; }
  };

  // A period fact is computed for the reader's day; any other fact is an editor's mark known at
  // build time (a result, a report, the plan's lifecycle), carried by the element (data-pp-marks).
  function holds(fact, p, now) {
    return FACTS[fact] ? FACTS[fact](p, now) : (p.marks || []).indexOf(fact) >= 0;
  }

  // The first rule of the subject ("task", "event") whose facts all hold.
  function statusOf(subject, p, now) {
    var rules = STATUS.rules[subject] || [];
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][1].every(function (fact) { return holds(fact, p, now); })) return rules[i][0];
    }
    return null;
  }

  function fold(text) {
    return (text || "").toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }
  function parseDay(iso) {
    if (!iso) return null;
    var p = iso.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]);
  }
  function today() {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function refreshStatuses(root) {
    var now = today();
    root.querySelectorAll("[data-pp-status]").forEach(function (el) {
      var status = el.getAttribute("data-pp-status");
      if (STATUS.closed.indexOf(status) >= 0 || el.hasAttribute("data-pp-done")) return;
      var period = {
        readable: el.hasAttribute("data-pp-start"),
        start: parseDay(el.getAttribute("data-pp-start")),
        end: parseDay(el.getAttribute("data-pp-end")),
        recurring: el.hasAttribute("data-pp-recurring"),
        continuing: el.hasAttribute("data-pp-ongoing"),
        marks: (el.getAttribute("data-pp-marks") || "").split(" ").filter(Boolean)
      };
      var next = statusOf(el.hasAttribute("data-pp-event") ? "event" : "task", period, now) || status;
      if (next !== status) {
        el.classList.remove("pp-status--" + status);
        el.classList.add("pp-status--" + next);
        el.setAttribute("data-pp-status", next);
        el.textContent = STATUS.labels[next] || next;
      }
    });
  }

  function readQuery(form) {
    var params = new URLSearchParams(window.location.search);
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });
  }
  function writeQuery(form) {
    var params = new URLSearchParams();
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      if (field.value) params.set(field.name, field.value);
    });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  function values(form) {
    var out = {};
    form.querySelectorAll("input[name], select[name]").forEach(function (field) { out[field.name] = field.value; });
    return out;
  }

  // Whether a space-separated data list ("2024 2023", "slug-a slug-b") has the value.
  function listHas(list, value) { return (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0; }

  function setupPlans(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".pp-plan-list > li[data-year]"));
    var count = form.querySelector("[data-pp-count]");
    var empty = document.querySelector("[data-pp-empty]");
    var TESTS = {
      year: function (li, v) { return listHas(li.dataset.year, v); },
      issuer: function (li, v) { return li.dataset.issuer === v; },
      doc_type: function (li, v) { return li.dataset.doc_type === v; },
      special: function (li, v) { return listHas(li.dataset.special, v); }
    };
    function matches(li, v, except) {
      var words = fold(v.q).split(/\s+/).filter(Boolean);
      if (!words.every(function (w) { return li.dataset.text.indexOf(w) >= 0; })) return false;
      return Object.keys(TESTS).every(function (key) { return key === except || !v[key] || TESTS[key](li, v[key]); });
    }
    function apply() {
      var v = values(form), shown = 0;
      items.forEach(function (li) {
        var ok = matches(li, v);
        li.hidden = !ok;
        if (ok) shown++;
      });
      // Each choice says how many plans it would show with the other filters as they are.
      form.querySelectorAll("select[name]").forEach(function (select) {
        var key = select.name;
        if (!TESTS[key]) return;
        var others = items.filter(function (li) { return matches(li, v, key); });
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var n = others.filter(function (li) { return TESTS[key](li, option.value); }).length;
          option.textContent = option.getAttribute("data-pp-label") + " (" + n + ")";
        });
      });
      if (count) count.textContent = shown;
      if (empty) empty.hidden = shown > 0;
      writeQuery(form);
    }
    readQuery(form);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function setupTimeline(form) {
    // Every entry of the page, the undated ("Định kỳ, thường xuyên") ones included.
    var entries = Array.prototype.slice.call(document.querySelectorAll(".pp-timeline-years .pp-tl-entry, .pp-tl-recurring .pp-tl-entry"));
    var count = form.querySelector("[data-pp-count]");
    var empty = document.querySelector("[data-pp-tl-empty]");
    function apply() {
      var v = values(form), shown = 0;
      entries.forEach(function (li) {
        var ok = (!v.kind || li.dataset.ppKind === v.kind) &&
          (!v.agency || listHas(li.dataset.ppAgencies, v.agency)) &&
          (!v.section || listHas(li.dataset.ppSections, v.section));
        li.hidden = !ok;
        if (ok) shown++;
      });
      // A box with nothing left to show goes; a box that stays counts what it shows.
      document.querySelectorAll(".pp-tl-month, .pp-tl-year, .pp-tl-recurring").forEach(function (box) {
        var n = box.querySelectorAll(".pp-tl-entry:not([hidden])").length;
        if (!box.querySelector(".pp-tl-entry")) return;  // a box that links elsewhere
        box.hidden = n === 0;
        var label = box.querySelector(":scope > h2 [data-pp-box-count]");
        if (label) label.textContent = n;
      });
      if (count) count.textContent = shown;
      if (empty) empty.hidden = shown > 0;
      writeQuery(form);
    }
    readQuery(form);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function setupAgencies(form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".pp-agency-row"));
    function apply() {
      var words = fold(values(form).q).split(/\s+/).filter(Boolean);
      function match(el) { return words.every(function (w) { return el.dataset.text.indexOf(w) >= 0; }); }
      rows.forEach(function (li) { li.hidden = !match(li); });
      // A group shows when its top agency or one under it matches; the top agency's heading stays as
      // context for what is shown under it. A province without a group shown goes too.
      document.querySelectorAll(".pp-agency-group").forEach(function (group) {
        var root = group.querySelector(".pp-agency-root");
        group.hidden = !(root && match(root)) && !group.querySelector(".pp-agency-row:not([hidden])");
      });
      document.querySelectorAll(".pp-agency-province").forEach(function (province) {
        province.hidden = !province.querySelector(".pp-agency-group:not([hidden])");
      });
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  function setupCountdown(el) {
    var target = parseDay(el.getAttribute("data-pp-countdown"));
    var text = el.querySelector("[data-pp-countdown-text]");
    var title = el.getAttribute("data-pp-title") || "";
    if (!target || !text) return;
    var days = Math.round((target - today()) / DAY);
    if (days > 0) text.textContent = "Còn " + days + " ngày đến " + title;
    else if (days === 0) text.textContent = "Hôm nay: " + title;
    else text.textContent = title + " đã diễn ra";
  }

  // "Sắp diễn ra" follows the clock: what is over by the reader's day leaves the list, and the next
  // entries kept aside (data-pp-upcoming-spare) take its place, up to the list's size.
  function followClock(list) {
    var limit = +list.getAttribute("data-pp-upcoming") || 8, now = today(), shown = 0;
    var box = list.parentNode;
    var spare = box.querySelector("[data-pp-upcoming-spare]");
    var items = Array.prototype.slice.call(list.children).concat(spare ? Array.prototype.slice.call(spare.children) : []);
    items.forEach(function (li) {
      var el = li.querySelector("[data-pp-start], [data-pp-end]");
      var last = el && (parseDay(el.getAttribute("data-pp-end")) || parseDay(el.getAttribute("data-pp-start")));
      if (li.parentNode !== list) list.appendChild(li);
      li.hidden = (!!last && last < now) || shown >= limit;
      if (!li.hidden) shown++;
    });
    var none = box.querySelector("[data-pp-upcoming-none]");
    if (none) none.hidden = shown > 0;
    list.hidden = shown === 0;
  }

  function init() {
    refreshStatuses(document);
    document.querySelectorAll("[data-pp-upcoming]").forEach(followClock);
    document.querySelectorAll("form[data-pp-filter]").forEach(function (form) {
      form.hidden = false;
      var kind = form.getAttribute("data-pp-filter");
      if (kind === "plans") setupPlans(form);
      else if (kind === "timeline") setupTimeline(form);
      else if (kind === "agencies") setupAgencies(form);
    });
    document.querySelectorAll("[data-pp-countdown]").forEach(setupCountdown);
  }
  window.PlanPortal = { statusOf: statusOf, facts: FACTS, parseDay: parseDay };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
