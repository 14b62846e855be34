// The scoring and review screens: every answer saves as it is given. A
// question saves when it is complete (both scores, or N/A with a reason);
// the evidence note saves as the assessor types, a moment after they stop.
// A fieldset's data-url overrides where it saves (the lead's agreed scores).
(function () {
  "use strict";
  const root = document.querySelector("[data-assessment]");
  if (!root) return;
  const assessment = root.dataset.assessment;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const timers = new WeakMap();

  function body(fieldset) {
    const value = (name) => fieldset.querySelector(`[name="${name}"]`).value.trim();
    const na = fieldset.querySelector('[name="na"]').checked;
    const answer = { version: Number(fieldset.dataset.version) };
    const evidence = value("evidence");
    if (evidence) answer.evidence = evidence;
    if (na) {
      if (!value("na_reason")) return { incomplete: "Give a reason for N/A to save." };
      answer.not_applicable = true;
      answer.na_reason = value("na_reason");
      return answer;
    }
    if (value("intention") === "" || value("reality") === "") return { incomplete: "Choose Intention and Reality to save." };
    answer.intention = Number(value("intention"));
    answer.reality = Number(value("reality"));
    return answer;
  }

  function say(fieldset, text, kind) {
    const status = fieldset.querySelector(".save-state");
    status.textContent = text;
    status.dataset.kind = kind;
  }

  async function save(fieldset) {
    const answer = body(fieldset);
    if (answer.incomplete) return say(fieldset, answer.incomplete, "pending");
    say(fieldset, "Saving…", "pending");
    try {
      const url = fieldset.dataset.url || `/api/v1/assessments/${assessment}/scores/${encodeURIComponent(fieldset.dataset.question)}`;
      const response = await fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(answer),
        keepalive: true,
      });
      const result = await response.json().catch(() => ({ detail: `Not saved (${response.status})` }));
      if (response.ok) {
        fieldset.dataset.version = result.version;
        fieldset.dataset.answered = "true";
        if (fieldset.dataset.url) await refreshVersion();
        say(fieldset, "Saved", "saved");
        progress();
      } else {
        say(fieldset, result.detail || "Not saved", "error");
      }
    } catch (e) {
      say(fieldset, "Not saved: no connection. It will retry on your next change.", "error");
    }
  }

  // An agreed score changes the assessment's version: keep the finalise
  // button on the version the lead's own changes produced.
  async function refreshVersion() {
    const button = document.querySelector("[data-finalise]");
    if (!button) return;
    const response = await fetch(`/api/v1/assessments/${assessment}`);
    if (response.ok) button.dataset.version = (await response.json()).version;
  }

  function progress() {
    const all = root.querySelectorAll("fieldset.question");
    const done = root.querySelectorAll('fieldset.question[data-answered="true"]');
    const counter = document.querySelector("[data-progress]");
    if (counter) counter.textContent = `${done.length} of ${all.length} answered in this area`;
  }

  // One save at a time per question, each with the version the last one
  // returned: two quick changes must not trip over each other.
  const queues = new WeakMap();
  function queue(fieldset) {
    clearTimeout(timers.get(fieldset));
    const next = (queues.get(fieldset) || Promise.resolve()).then(() => save(fieldset));
    queues.set(fieldset, next);
  }

  root.addEventListener("change", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (fieldset) queue(fieldset);
  });
  root.addEventListener("input", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (!fieldset || event.target.tagName !== "TEXTAREA") return;
    clearTimeout(timers.get(fieldset));
    timers.set(fieldset, setTimeout(() => queue(fieldset), 800));
  });
  const finalise = document.querySelector("[data-finalise]");
  if (finalise) {
    finalise.addEventListener("click", async () => {
      const state = document.querySelector("[data-finalise-state]");
      state.textContent = "Finalising…";
      const response = await fetch(`/api/v1/assessments/${finalise.dataset.finalise}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ version: Number(finalise.dataset.version), status: "final" }),
      });
      if (response.ok) {
        window.location.reload();
      } else {
        const problem = await response.json();
        state.textContent = problem.detail || "Not finalised";
        state.dataset.kind = "error";
      }
    });
  }

  progress();
})();
