// A first-run guide: the steps of a prep, each one a click away. It only fills in the message box,
// switches person or place, or presses a page button: the app is driven exactly as by hand.
import { act, app, choose, dmOf, go, render } from "./app.js";
import { h } from "./mrkdwn.js";

function inDays(isoDate, days) {
  const day = new Date(`${isoDate}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function asPerson(role) {
  const found = app.state.people.find((p) => p.role === role);
  if (found && found.id !== app.ui.actor) choose(found);
}

function type(text) {
  asPerson("candidate");
  go(dmOf(app.ui.actor), "messages");
  const box = document.getElementById("composer-text");
  box.value = text;
  box.dispatchEvent(new Event("input"));
  box.focus();
}

function steps() {
  const reviewer = app.state.people.find((p) => p.role === "reviewer");
  const groupDm = () => app.state.conversations.find((c) => c.members.length > 1 && c.members.includes(app.ui.actor));
  return [
    ["Set your loop date", () => type(`/prep loop ${inDays(app.state.now.date, 15)}`)],
    ["Add an interview", () => type("/prep interview add Natesh: backbone, earn trust, hire & develop")],
    ["Invite a reviewer", () => type(`/prep reviewer add @${reviewer ? reviewer.name : "maria"}`)],
    ["Skip to the morning", () => act("clock", { to: "morning" })],
    ["Answer in the thread", () => {
      asPerson("candidate");
      const group = groupDm();
      go(group ? group.id : dmOf(app.ui.actor));
    }, "Hover the question, then “Reply in thread”."],
    [`Rate it as ${reviewer ? reviewer.real_name.split(" ")[0] : "a reviewer"}`, () => {
      asPerson("reviewer");
      const group = groupDm();
      render();
      if (group) go(group.id);
    }, "Open the thread, hover the answer, pick 1️⃣–5️⃣."],
    ["Save a story", () => type("/prep story add")],
    ["Import a prep note", () => {
      asPerson("candidate");
      go(dmOf(app.ui.actor));
      document.getElementById("file-picker").click();
    }, "A Markdown note, e.g. tests/fixtures/sample-prep-note.md."],
    ["See your dashboard", () => { asPerson("candidate"); go(dmOf(app.ui.actor), "home"); }],
    ["Jump to the loop day", () => act("clock", { to: "loop" })],
  ];
}

export function renderGuide(app_, section) {
  if (section.dataset.drawn) return;
  section.dataset.drawn = "yes";
  const list = h("ol", { class: "guide-steps" });
  for (const [title, run, hint] of steps()) {
    list.append(h("li", {}, h("button", { type: "button", class: "guide-step", onclick: run }, title), hint ? h("small", {}, hint) : null));
  }
  section.replaceChildren(
    h("div", { class: "places-title" }, "A prep in ten clicks"),
    list,
    h("p", { class: "guide-note" }, "Only the time and Slack itself are simulated: this is the real bot, its database and its clock.")
  );
}
