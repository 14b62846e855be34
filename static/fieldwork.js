// The interview notes autosave as they are typed, a moment after typing
// stops, with the version they were read at. Unsent notes wait in the
// browser's storage while the network is down and are sent when it returns;
// a change someone else made meanwhile is shown, never overwritten.
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  // What the page says, in its language: the page's #script-words block
  // holds the messages (script-… in reports/i18n/*/pages.ftl); English
  // when it is absent.
  const words = document.getElementById("script-words")?.dataset || {};
  const boxes = document.querySelectorAll("[data-interview]");
  const key = (box) => `cmas-notes:${box.dataset.assessment}:${box.dataset.interview}`;
  const say = (box, text, kind) => {
    const state = box.querySelector(".save-state");
    state.textContent = text;
    state.dataset.kind = kind;
  };

  async function send(box) {
    const notes = localStorage.getItem(key(box));
    if (notes === null) return;
    const body = { ...JSON.parse(box.dataset.body), notes, version: Number(box.dataset.version) };
    say(box, words.saving || "Saving…", "saving");
    let response;
    try {
      response = await fetch(`/api/v1/assessments/${box.dataset.assessment}/interviews/${box.dataset.interview}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body),
      });
    } catch (e) {
      say(box, words.offline || "Waiting for the network; kept in this browser.", "waiting");
      return;
    }
    const result = await response.json().catch(() => ({}));
    if (response.ok) {
      box.dataset.version = result.version;
      if (localStorage.getItem(key(box)) === notes) localStorage.removeItem(key(box));
      say(box, words.saved || "Saved", "saved");
    } else if (response.status === 409) {
      say(
        box,
        words.notesConflict ||
          "Someone else changed these notes since you opened the page; yours are still here. Copy them, then reload.",
        "conflict",
      );
    } else {
      say(box, result.detail || words.notSaved || "Not saved", "error");
    }
  }

  const timers = new Map();
  boxes.forEach((box) => {
    const area = box.querySelector("textarea");
    const kept = localStorage.getItem(key(box));
    if (kept !== null) {
      area.value = kept;
      send(box);
    }
    area.addEventListener("input", () => {
      localStorage.setItem(key(box), area.value);
      say(box, words.typing || "Typing…", "waiting");
      clearTimeout(timers.get(box));
      timers.set(box, setTimeout(() => send(box), 700));
    });
  });
  window.addEventListener("online", () => boxes.forEach(send));
  window.addEventListener("beforeunload", (event) => {
    if ([...boxes].some((box) => localStorage.getItem(key(box)) !== null)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
