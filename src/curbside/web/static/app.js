/* curbside — small progressive enhancements. Every page works without this file.
   1. Ask forms stream progress over Server-Sent Events, then open the answer.
   2. Citation superscripts show the cited passage in a popover on hover and keyboard focus.
   3. A Print button on answer pages; details open for printing. */
(function () {
  "use strict";

  /* ---------- 1. asking with progress ---------- */
  var STAGES = ["retrieving", "composing", "verifying"];

  function setStage(box, stage) {
    var idx = STAGES.indexOf(stage);
    box.querySelectorAll("[data-stage]").forEach(function (li) {
      var i = STAGES.indexOf(li.getAttribute("data-stage"));
      li.classList.toggle("done", idx > i);
      li.classList.toggle("active", idx === i);
    });
  }

  function showError(form, message) {
    var el = form.querySelector(".form-error");
    if (!el) {
      el = document.createElement("p");
      el.className = "form-error";
      el.setAttribute("role", "alert");
      form.insertBefore(el, form.firstChild);
    }
    el.textContent = message;
  }

  function enhanceAskForm(form) {
    if (!window.EventSource || !window.URLSearchParams || !window.FormData) return;
    form.addEventListener("submit", function (event) {
      if (form.dataset.busy === "1") { event.preventDefault(); return; }
      var data;
      try { data = new FormData(form, event.submitter || undefined); } catch (e) { data = new FormData(form); }
      if (event.submitter && event.submitter.name && !data.has(event.submitter.name)) {
        data.append(event.submitter.name, event.submitter.value);
      }
      var question = (data.get("question") || "").toString().trim();
      if (!question) return; /* let the browser's own validation speak */
      event.preventDefault();
      var params = new URLSearchParams();
      params.set("question", question);
      params.set("audience", (data.get("audience") || "clinician").toString());
      if (data.get("follow_up_of")) params.set("follow_up_of", data.get("follow_up_of").toString());

      var box = form.querySelector("[data-progress]");
      var buttons = form.querySelectorAll("button");
      form.dataset.busy = "1";
      buttons.forEach(function (b) { b.disabled = true; });
      if (box) { box.hidden = false; setStage(box, "queued"); }

      var finished = false;
      var source = new EventSource("/api/v1/ask/stream?" + params.toString());
      function stop() {
        finished = true;
        source.close();
        form.dataset.busy = "";
        buttons.forEach(function (b) { b.disabled = false; });
      }
      source.addEventListener("progress", function (e) {
        try { if (box) setStage(box, JSON.parse(e.data).stage); } catch (err) { /* ignore */ }
      });
      source.addEventListener("answer", function (e) {
        var answer = JSON.parse(e.data);
        finished = true;
        source.close();
        if (box) setStage(box, "done");
        window.location.assign("/answers/" + encodeURIComponent(answer.id));
      });
      source.addEventListener("error", function (e) {
        if (finished) return;
        if (e.data) { /* an error event sent by the server */
          var message = "Something went wrong.";
          try { message = JSON.parse(e.data).error.message; } catch (err) { /* keep default */ }
          stop();
          if (box) box.hidden = true;
          showError(form, message);
          return;
        }
        /* the stream could not open (e.g. a 4xx): fall back to the plain form post,
           which shows the server's own error page */
        stop();
        if (event.submitter && event.submitter.name) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = event.submitter.name;
          hidden.value = event.submitter.value;
          form.appendChild(hidden);
        }
        HTMLFormElement.prototype.submit.call(form);
      });
    });
  }

  /* ---------- 2. citation popovers ---------- */
  var pop = null;
  var popOwner = null;

  function hidePop() {
    if (pop) { pop.remove(); pop = null; }
    if (popOwner) { popOwner.removeAttribute("aria-describedby"); popOwner = null; }
  }

  function showPop(link) {
    var text = link.getAttribute("data-tip");
    if (!text) return;
    hidePop();
    pop = document.createElement("div");
    pop.className = "cite-pop";
    pop.id = "cite-pop";
    pop.setAttribute("role", "tooltip");
    var head = document.createElement("strong");
    head.textContent = "Reference " + link.getAttribute("data-ref") + " — cited passage";
    var body = document.createElement("span");
    body.textContent = text;
    pop.appendChild(head);
    pop.appendChild(body);
    document.body.appendChild(pop);
    var r = link.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + r.left - 12, window.scrollX + document.documentElement.clientWidth - width - 8));
    var top = window.scrollY + r.bottom + 8;
    if (r.bottom + pop.offsetHeight + 16 > window.innerHeight && r.top > pop.offsetHeight + 16) {
      top = window.scrollY + r.top - pop.offsetHeight - 8;
    }
    pop.style.left = left + "px";
    pop.style.top = top + "px";
    link.setAttribute("aria-describedby", "cite-pop");
    popOwner = link;
  }

  function enhanceCites() {
    document.querySelectorAll("a.cite[title]").forEach(function (link) {
      link.setAttribute("data-tip", link.getAttribute("title"));
      link.removeAttribute("title"); /* our popover replaces the native tooltip */
      link.addEventListener("mouseenter", function () { showPop(link); });
      link.addEventListener("focus", function () { showPop(link); });
      link.addEventListener("mouseleave", hidePop);
      link.addEventListener("blur", hidePop);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hidePop(); });
    window.addEventListener("scroll", hidePop, { passive: true });
  }

  /* ---------- 3. printing ---------- */
  function enhancePrint() {
    var slot = document.querySelector("[data-print-slot]");
    if (slot) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "linklike";
      button.textContent = "Print";
      button.addEventListener("click", function () { window.print(); });
      slot.appendChild(button);
    }
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.provenance").forEach(function (d) { d.open = true; });
    });
  }

  function init() {
    document.querySelectorAll("form[data-ask-form]").forEach(enhanceAskForm);
    enhanceCites();
    enhancePrint();
    var cited = document.querySelector(".passage.cited");
    if (cited && !window.location.hash) cited.scrollIntoView({ block: "center" });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
