// The playground page: keeps the workspace as the server reports it (long-polling for changes),
// and sends what the person does to the server, which turns it into what Slack would send the app.
import { h } from "./mrkdwn.js";
import { renderGuide } from "./guide.js";
import { renderMessageList, renderThread } from "./messages.js";
import { renderHome, renderModal } from "./surfaces.js";

export const app = {
  state: null,
  ui: { actor: null, place: null, tab: "messages", thread: null },
  forms: new Map(), // surface id -> FormState
  drafts: new Map(),
  seen: new Map(), // person/channel -> the newest message they have had on screen
  busy: 0,
};
const $ = (id) => document.getElementById(id);

// -- talking to the server ------------------------------------------------------------------------
export async function act(name, body = {}) {
  app.busy += 1;
  showWorking();
  try {
    const response = await fetch(`/try/api/${name}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ as: app.ui.actor, ...body }),
    });
    const result = await response.json().catch(() => ({ ok: false, error: `The playground answered ${response.status}.` }));
    if (result.error) toast(result.error, "error");
    if (result.notice) toast(result.notice, "notice");
    await refresh();
    return result;
  } catch (error) {
    toast("The playground is not answering: is `make try` still running?", "error");
    return { ok: false };
  } finally {
    app.busy -= 1;
    showWorking();
  }
}

async function refresh() {
  const response = await fetch("/try/api/state");
  if (response.ok) show(await response.json());
}

async function poll() {
  for (;;) {
    try {
      const after = app.state ? app.state.version : "";
      const response = await fetch(`/try/api/state?after=${after}`);
      if (!response.ok) throw new Error(String(response.status));
      show(await response.json());
      document.body.classList.remove("offline");
    } catch {
      document.body.classList.add("offline");
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

function show(state) {
  if (app.state && state.version < app.state.version) return; // an older answer arriving late
  app.state = state;
  if (!app.ui.actor) choose(state.people.find((p) => p.role === "candidate") || state.people[0]);
  render();
}

// -- who is who ------------------------------------------------------------------------------------
export function person(id) {
  const s = app.state;
  if (id === s.bot.id) return { id, real_name: s.bot.name, bot: true };
  if (id === "USLACKBOT") return { id, real_name: "Slackbot", bot: true, slackbot: true };
  return s.people.find((p) => p.id === id) || { id, real_name: id };
}

export function namesById() {
  const names = { [app.state.bot.id]: app.state.bot.name };
  for (const p of app.state.people) names[p.id] = p.real_name;
  return names;
}

export function dmOf(actor) {
  const found = app.state.conversations.find((c) => c.members.length === 1 && c.members[0] === actor);
  return found && found.id;
}

export function conversationsOf(actor) {
  return app.state.conversations.filter((c) => c.members.includes(actor));
}

export function conversationName(conversation) {
  if (conversation.members.length === 1) return app.state.bot.name;
  const others = conversation.members.filter((m) => m !== app.ui.actor).map((m) => person(m).real_name.split(" ")[0]);
  return [...others, app.state.bot.name].join(", ");
}

export function choose(actor) {
  saveDraft();
  app.ui.actor = actor.id;
  app.ui.place = null;
  app.ui.tab = "messages";
  app.ui.thread = null;
}

export function go(place, tab = "messages") {
  saveDraft();
  app.ui.place = place;
  app.ui.tab = tab;
  app.ui.thread = null;
  render();
  loadDraft();
  commandMenu();
  if (tab === "home") act("tab", { tab: "home" });
}

export function openThread(channel, ts) {
  app.ui.thread = { channel, ts };
  render();
  $("thread-text").focus();
}

// -- drawing ----------------------------------------------------------------------------------------
export function render() {
  const { state, ui } = app;
  if (!state) return;
  if (!ui.place || !conversationsOf(ui.actor).some((c) => c.id === ui.place)) ui.place = dmOf(ui.actor);
  $("clock").textContent = `🕘 ${state.now.label} (${state.now.zone})`;
  renderActors();
  renderMain();
  renderPlaces();
  renderThread(app, $("thread"), $("thread-where"), $("thread-body"));
  renderModal(app, $("modal-root"));
  renderGuide(app, $("guide"));
}

function renderActors() {
  $("actors").replaceChildren(
    ...app.state.people.map((p) =>
      h(
        "button",
        {
          type: "button",
          role: "radio",
          "aria-checked": String(p.id === app.ui.actor),
          class: p.id === app.ui.actor ? "actor current" : "actor",
          title: `Act as ${p.real_name}`,
          "aria-label": `Act as ${p.real_name}`,
          onclick: () => {
            choose(p);
            render();
            loadDraft();
          },
        },
        avatar(p),
        h("span", { class: "actor-name" }, p.real_name.split(" ")[0]),
        h("small", {}, p.role)
      )
    )
  );
}

export function avatar(p, size = "") {
  if (p.bot && !p.slackbot) return h("span", { class: `avatar bot ${size}`, "aria-hidden": "true" });
  const hue = [...p.id].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 360, 7);
  return h("span", { class: `avatar ${size}`, style: `--hue:${hue}`, "aria-hidden": "true" }, (p.real_name || "?")[0]);
}

// The newest message in a conversation from someone else: what makes it bold in the sidebar.
function newest(channel) {
  const others = (app.state.messages[channel] || []).filter((m) => m.user !== app.ui.actor);
  return others.reduce((max, m) => Math.max(max, parseFloat(m.ts)), 0);
}

function unread(channel) {
  return newest(channel) > (app.seen.get(`${app.ui.actor}/${channel}`) || 0);
}

function renderPlaces() {
  const { ui } = app;
  const dm = dmOf(ui.actor);
  const groups = conversationsOf(ui.actor).filter((c) => c.members.length > 1);
  const item = (id, label, icon, tab) => {
    const classes = ["place", id === ui.place ? "current" : "", unread(id) ? "unread" : ""].join(" ");
    return h("button", { type: "button", class: classes, onclick: () => go(id, tab) }, icon, h("span", {}, label));
  };
  $("places").replaceChildren(
    h("div", { class: "places-title" }, "Apps"),
    item(dm, app.state.bot.name, h("span", { class: "avatar bot small", "aria-hidden": "true" }), ui.place === dm ? ui.tab : "messages"),
    h("div", { class: "places-title" }, "Direct messages"),
    ...(groups.length
      ? groups.map((c) => item(c.id, conversationName(c), h("span", { class: "group-icon", "aria-hidden": "true" }, c.members.length + 1)))
      : [h("div", { class: "places-empty" }, "None yet: the bot opens a group DM with you and your reviewers.")])
  );
}

function renderMain() {
  const { ui } = app;
  const conversation = app.state.conversations.find((c) => c.id === ui.place);
  const isApp = conversation && conversation.members.length === 1;
  const header = [h("h1", {}, isApp ? app.state.bot.name : conversationName(conversation))];
  if (isApp) {
    const tab = (name, label) =>
      h("button", { type: "button", role: "tab", "aria-selected": String(ui.tab === name), class: ui.tab === name ? "tab current" : "tab", onclick: () => go(ui.place, name) }, label);
    header.push(h("div", { class: "tabs", role: "tablist" }, tab("home", "Home"), tab("messages", "Messages")));
  } else {
    header.push(h("span", { class: "members" }, conversation.members.map((m) => person(m).real_name).join(", "), " and ", app.state.bot.name));
  }
  $("main-header").replaceChildren(...header);
  const home = isApp && ui.tab === "home";
  $("composer").hidden = home;
  $("composer-text").placeholder = `Message ${isApp ? app.state.bot.name : conversationName(conversation)}`;
  if (home) renderHome(app, $("main-body"));
  else {
    renderMessageList(app, $("main-body"), ui.place);
    app.seen.set(`${ui.actor}/${ui.place}`, newest(ui.place));
  }
}

// -- the composers ------------------------------------------------------------------------------------
function saveDraft() {
  if (app.ui.place) app.drafts.set(`${app.ui.actor}/${app.ui.place}`, $("composer-text").value);
}

function loadDraft() {
  $("composer-text").value = app.drafts.get(`${app.ui.actor}/${app.ui.place}`) || "";
}

function wireComposer(form, textarea, target) {
  const send = async () => {
    const text = textarea.value;
    if (!text.trim()) return; // the server takes page actions one at a time, in order
    textarea.value = "";
    if (textarea.id === "composer-text") commandMenu();
    const where = target();
    const result = await act("send", { text, ...where });
    if (!result.ok && !textarea.value) textarea.value = text;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  textarea.addEventListener("keydown", (event) => {
    const first = $("command-menu").querySelector(".command-option");
    if (event.key === "Tab" && textarea.id === "composer-text" && first && !/\s/.test(textarea.value)) {
      event.preventDefault();
      first.click();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  textarea.addEventListener("input", () => {
    if (textarea.id === "composer-text") commandMenu();
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
  });
}

async function upload(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await act("upload", { channel: app.ui.place, name: file.name, content: btoa(binary) });
}

// Slack's slash-command menu: the app's commands as its manifest describes them, while you type one.
function commandMenu() {
  const text = $("composer-text").value;
  const menu = $("command-menu");
  const typed = text.match(/^(\/\S*)(\s?)/);
  const commands = (app.state && app.state.commands) || [];
  const matching = typed ? commands.filter((c) => (typed[2] ? c.command === typed[1] : c.command.startsWith(typed[1]))) : [];
  menu.hidden = !matching.length;
  menu.replaceChildren(
    ...matching.map((c) =>
      h(
        "button",
        {
          type: "button",
          class: "command-option",
          onclick: () => {
            $("composer-text").value = `${c.command} `;
            $("composer-text").focus();
            commandMenu();
          },
        },
        h("b", {}, c.command),
        c.usage_hint ? h("code", {}, c.usage_hint) : null,
        c.description ? h("span", {}, c.description) : null
      )
    )
  );
}

function showWorking() {
  $("working").hidden = app.busy === 0;
  document.body.classList.toggle("busy", app.busy > 0);
}

export function toast(text, kind = "notice") {
  const node = h("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  $("toasts").append(node);
  setTimeout(() => node.remove(), kind === "error" ? 9000 : 6000);
}

function start() {
  wireComposer($("composer"), $("composer-text"), () => ({ channel: app.ui.place }));
  wireComposer($("thread-composer"), $("thread-text"), () => ({ channel: app.ui.thread.channel, thread_ts: app.ui.thread.ts }));
  $("thread-close").addEventListener("click", () => {
    app.ui.thread = null;
    render();
  });
  $("file-picker").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (file) await upload(file);
  });
  document.addEventListener("keydown", (event) => {
    const top = app.state && (app.state.modals[app.ui.actor] || []).slice(-1)[0];
    if (event.key === "Escape" && top && !document.querySelector(".modal-backdrop.confirm")) act("close", { view_id: top.id });
  });
  $("next-morning").addEventListener("click", () => act("clock", { to: "morning" }));
  $("loop-day").addEventListener("click", () => act("clock", { to: "loop" }));
  refresh().then(poll);
}

start();
