// The scoring and review screens: nothing typed is lost.
//
// Every change of a question (a score, the N/A box, a note as it is typed,
// a moment after the typing stops) goes into a queue that lives in the
// browser's storage before anything is sent. The queue is sent in order, one
// change at a time, each with the version of the answer it was made on; it
// waits while the network is down and resumes when it returns, and after a
// reload it puts the unsent changes back into the fields and sends them.
// A change someone else made meanwhile comes back as 409: the question shows
// the conflict and keeps what was typed until the user chooses.
//
// An assessor's answer may be partial (a draft); the lead's agreed scores
// (fieldsets with data-url) are sent only once complete.
(function () {
  "use strict";
  const root = document.querySelector("[data-assessment]");
  if (!root) return;
  const assessment = root.dataset.assessment;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const storeKey = `cmas-unsent:${location.pathname}`;
  const TYPING_PAUSE_MS = 700;
  const RETRY_MS = 3000;
  // What the page says, in its language: the page's #script-words block
  // holds the messages (script-… in reports/i18n/*/pages.ftl); English
  // when it is absent. {name} in a message is filled in by fill().
  const words = document.getElementById("script-words")?.dataset || {};
  const fill = (text, values) =>
    text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

  const fieldsets = () => root.querySelectorAll("fieldset.question");
  const fieldsetOf = (question) =>
    root.querySelector(`fieldset.question[data-question="${CSS.escape(question)}"]`);
  const urlOf = (fieldset) =>
    fieldset.dataset.url ||
    `/api/v1/assessments/${assessment}/scores/${encodeURIComponent(fieldset.dataset.question)}`;

  // The unsent changes, oldest first: { question, answer, force }.
  let queue = [];
  try {
    queue = JSON.parse(localStorage.getItem(storeKey) || "[]");
  } catch (e) {
    queue = [];
  }
  const persist = () => {
    if (queue.length) localStorage.setItem(storeKey, JSON.stringify(queue));
    else localStorage.removeItem(storeKey);
  };

  function say(fieldset, text, kind) {
    const status = fieldset.querySelector(".save-state");
    status.textContent = text;
    status.dataset.kind = kind;
    fieldset.dataset.state = kind;
  }

  // The question's fields as an answer; partial unless the fieldset is an agreed score.
  function read(fieldset) {
    const field = (name) => fieldset.querySelector(`[name="${name}"]`);
    const value = (name) => (field(name) ? field(name).value.trim() : "");
    const answer = {};
    const evidence = value("evidence");
    if (evidence) answer.evidence = evidence;
    const cited = fieldset.querySelectorAll('input[name="cite"]');
    if (cited.length) answer.evidence_ids = [...cited].filter((c) => c.checked).map((c) => Number(c.value));
    if (field("na").checked) {
      answer.not_applicable = true;
      if (value("na_reason")) answer.na_reason = value("na_reason");
    } else {
      if (value("intention") !== "") answer.intention = Number(value("intention"));
      if (value("reality") !== "") answer.reality = Number(value("reality"));
    }
    return answer;
  }

  function complete(answer) {
    return answer.not_applicable ? Boolean(answer.na_reason) : answer.intention !== undefined && answer.reality !== undefined;
  }

  // Puts an answer back into the fields (unsent changes after a reload).
  function write(fieldset, answer) {
    const field = (name) => fieldset.querySelector(`[name="${name}"]`);
    field("na").checked = Boolean(answer.not_applicable);
    field("na_reason").value = answer.na_reason || "";
    field("intention").value = answer.intention ?? "";
    field("reality").value = answer.reality ?? "";
    field("evidence").value = answer.evidence || "";
    if (answer.evidence_ids) {
      fieldset.querySelectorAll('input[name="cite"]').forEach((c) => {
        c.checked = answer.evidence_ids.includes(Number(c.value));
      });
    }
  }

  function enqueue(fieldset, force) {
    clearTimeout(timers.get(fieldset));
    timers.delete(fieldset);
    const answer = read(fieldset);
    if (fieldset.dataset.url && !complete(answer)) {
      say(fieldset, words.notSavedIncomplete || "Not saved yet: choose both scores, or N/A with a reason.", "waiting");
    }
    // Where and on which version it goes, kept with it: after a reload the
    // question may be on another area's page.
    const entry = {
      question: fieldset.dataset.question,
      url: urlOf(fieldset),
      version: Number(fieldset.dataset.version),
      completeOnly: Boolean(fieldset.dataset.url),
      answer,
      force: Boolean(force),
    };
    // A later change of a question waiting to be sent replaces it in place.
    const waiting = queue.findIndex((e, i) => e.question === entry.question && !(sending && i === 0));
    if (waiting >= 0) queue[waiting] = entry;
    else queue.push(entry);
    persist();
    if (!(fieldset.dataset.url && !complete(answer))) {
      const saving = navigator.onLine ? words.saving || "Saving…" : words.offline || "Waiting for the network; kept in this browser.";
      say(fieldset, saving, "saving");
    }
    send();
  }

  let sending = false;
  let retry;
  async function send() {
    if (sending) return;
    sending = true;
    clearTimeout(retry);
    try {
      while (queue.length) {
        const entry = queue[0];
        const fieldset = fieldsetOf(entry.question);
        if (entry.completeOnly && !complete(entry.answer)) {
          // Nothing to send for it yet: an agreed score waits until complete.
          queue.shift();
          persist();
          continue;
        }
        const body = { ...entry.answer };
        if (!entry.force) body.version = fieldset ? Number(fieldset.dataset.version) : entry.version;
        let response;
        try {
          response = await fetch(entry.url, {
            method: "PUT",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
            body: JSON.stringify(body),
          });
        } catch (e) {
          // No network: everything waits, in the browser's storage, in order.
          queue.forEach((e) => {
            const f = fieldsetOf(e.question);
            if (f) say(f, words.offline || "Waiting for the network; kept in this browser.", "waiting");
          });
          retry = setTimeout(send, RETRY_MS);
          return;
        }
        const result = await response
          .json()
          .catch(() => ({ detail: fill(words.notSavedStatus || "Not saved ({status})", { status: response.status }) }));
        if (response.status >= 500 || response.status === 401) {
          // The server could not take it now (or the session ended): it
          // stays first in the queue and is tried again.
          if (fieldset) say(fieldset, words.serverRetrying || "Not saved yet: the server did not take it; retrying.", "waiting");
          retry = setTimeout(send, RETRY_MS);
          return;
        }
        queue.shift();
        persist();
        // A question of another page: sent, and shown when that page opens.
        if (!fieldset) continue;
        if (response.ok) fieldset.dataset.version = result.version;
        // A newer change of the same question is next: it says how it went.
        if (queue.some((e) => e.question === entry.question)) continue;
        if (response.ok) saved(fieldset, result);
        else if (response.status === 409) conflict(fieldset, entry);
        else say(fieldset, result.detail || words.notSaved || "Not saved", "error");
      }
    } finally {
      sending = false;
    }
  }

  function saved(fieldset, result) {
    const done = result.complete !== false;
    fieldset.dataset.answered = String(done);
    if (fieldset.dataset.url) {
      say(fieldset, words.agreedSaved || "Agreed score saved", "saved");
      refreshVersion();
    } else {
      say(fieldset, done ? (words.saved || "Saved") : (words.savedDraft || "Saved as a draft: not complete yet"), "saved");
    }
    const status = document.querySelector("[data-status]");
    // The status's code (data-status) is compared; what replaces its words
    // is in the page's language.
    if (status && status.dataset.status === "draft") {
      status.dataset.status = "in_progress";
      status.textContent = words.statusInProgress || "in progress";
    }
    progress();
  }

  function conflict(fieldset, entry) {
    say(
      fieldset,
      words.conflict || "Someone else changed this answer since you opened the page. What you typed is still here.",
      "conflict",
    );
    const status = fieldset.querySelector(".save-state");
    const button = (label, action) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", action);
      status.append(" ", b);
    };
    button(words.keepMine || "Keep mine", () => enqueue(fieldset, true));
    button(words.showTheirs || "Show theirs", () => {
      queue = queue.filter((e) => e.question !== entry.question);
      persist();
      window.location.reload();
    });
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
    const all = fieldsets().length;
    const done = root.querySelectorAll('fieldset.question[data-answered="true"]').length;
    const counter = document.querySelector("[data-progress]");
    if (counter) {
      counter.textContent = fill(words.answeredInArea || "{answered} of {total} answered in this area", {
        answered: done,
        total: all,
      });
    }
    const tab = document.querySelector('.areas [aria-current="page"] + .muted');
    if (tab) tab.textContent = `${done}/${all}`;
  }

  const timers = new Map();
  root.addEventListener("change", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (fieldset) enqueue(fieldset);
  });
  root.addEventListener("input", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (!fieldset || !["TEXTAREA", "INPUT"].includes(event.target.tagName) || event.target.type === "checkbox") return;
    clearTimeout(timers.get(fieldset));
    say(fieldset, words.typing || "Typing…", "waiting");
    timers.set(fieldset, setTimeout(() => enqueue(fieldset), TYPING_PAUSE_MS));
  });
  window.addEventListener("online", send);
  // Leaving the page: whatever is still being typed goes into the stored
  // queue at once, and the browser asks before leaving with anything unsent.
  window.addEventListener("beforeunload", (event) => {
    [...timers.keys()].forEach((fieldset) => enqueue(fieldset));
    if (queue.length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  const finalise = document.querySelector("[data-finalise]");
  if (finalise) {
    finalise.addEventListener("click", async () => {
      const state = document.querySelector("[data-finalise-state]");
      // Disagreements still without an agreed score: the mean settles them.
      const unsettled = root.querySelectorAll('fieldset.question:not([data-answered="true"])').length;
      if (unsettled > 0 && !window.confirm(finalise.dataset.confirm.replace("{count}", unsettled))) return;
      state.textContent = words.finalising || "Finalising…";
      const response = await fetch(`/api/v1/assessments/${finalise.dataset.finalise}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ version: Number(finalise.dataset.version), status: "final" }),
      });
      if (response.ok) {
        window.location.reload();
      } else {
        const problem = await response.json();
        state.textContent = problem.detail || words.notFinalised || "Not finalised";
        state.dataset.kind = "error";
      }
    });
  }

  // Unsent changes from before a reload: back into their fields, then sent.
  queue.forEach((entry) => {
    const fieldset = fieldsetOf(entry.question);
    if (!fieldset) return;
    write(fieldset, entry.answer);
    say(fieldset, words.resending || "Not saved yet: sending what you typed before…", "waiting");
  });
  progress();
  send();
})();
