// Conversations and threads: messages with their blocks, files, reactions, edits, and the replies
// only you can see; a hover toolbar to react, reply in a thread, edit or delete.
import { act, avatar, namesById, openThread, person } from "./app.js";
import { FormState, renderBlocks } from "./blockkit.js";
import { emoji, QUICK_REACTIONS } from "./emoji.js";
import { h, mrkdwn } from "./mrkdwn.js";

const num = (ts) => parseFloat(ts);
const byTs = (a, b) => num(a.ts) - num(b.ts);

function format(app, ts, options) {
  return new Intl.DateTimeFormat("en-GB", { timeZone: app.state.now.zone, ...options }).format(new Date(num(ts) * 1000));
}

function isReply(message) {
  return message.thread_ts && message.thread_ts !== message.ts;
}

function visible(app, channel) {
  const history = app.state.messages[channel] || [];
  const mine = app.state.ephemeral.filter((m) => m.channel === channel && m.for_user === app.ui.actor);
  return { history, mine };
}

export function renderMessageList(app, body, channel) {
  const { history, mine } = visible(app, channel);
  const top = [...history.filter((m) => !isReply(m)), ...mine.filter((m) => !m.thread_ts)].sort(byTs);
  const stick = body.scrollHeight - body.scrollTop - body.clientHeight < 80 || body.dataset.channel !== channel;
  const list = h("div", { class: "messages", dataset: { channel } });
  let day = null;
  for (const message of top) {
    const label = format(app, message.ts, { weekday: "long", day: "numeric", month: "long" });
    if (label !== day) list.append(h("div", { class: "day-divider" }, h("span", {}, label)));
    day = label;
    list.append(messageNode(app, channel, message, history.filter((m) => m.thread_ts === message.ts && isReply(m))));
  }
  if (!top.length) list.append(emptyState(app, channel));
  const scroll = body.scrollTop;
  body.replaceChildren(list);
  body.dataset.channel = channel;
  body.dataset.home = "";
  body.scrollTop = stick ? body.scrollHeight : scroll;
}

function emptyState(app, channel) {
  const members = (app.state.conversations.find((c) => c.id === channel) || {}).members || [];
  if (members.length > 1) return h("div", { class: "empty" }, "No messages yet.");
  return h(
    "div",
    { class: "empty intro" },
    h("span", { class: "avatar bot large", "aria-hidden": "true" }),
    h("h2", {}, "Loop Coach"),
    h("p", {}, "Your coach for the weeks before an interview loop: one question each morning, your answers checked, your reviewers' ratings, your story bank, and a countdown."),
    h("p", {}, "Start with ", h("code", {}, "/prep help"), ", or follow the steps on the left.")
  );
}

export function renderThread(app, pane, where, body) {
  const thread = app.ui.thread;
  const parent = thread && (app.state.messages[thread.channel] || []).find((m) => m.ts === thread.ts);
  pane.hidden = !parent;
  document.body.classList.toggle("with-thread", Boolean(parent));
  if (!parent) return;
  const { history, mine } = visible(app, thread.channel);
  const replies = [...history.filter((m) => m.thread_ts === thread.ts && isReply(m)), ...mine.filter((m) => m.thread_ts === thread.ts)].sort(byTs);
  const conversation = app.state.conversations.find((c) => c.id === thread.channel);
  where.textContent = conversation && conversation.members.length > 1 ? "in the group DM" : "with Loop Coach";
  const stick = body.scrollHeight - body.scrollTop - body.clientHeight < 80 || body.dataset.ts !== thread.ts;
  body.replaceChildren(
    messageNode(app, thread.channel, parent, [], { inThread: true }),
    h("div", { class: "reply-count" }, replies.length === 1 ? "1 reply" : `${replies.length} replies`),
    ...replies.map((m) => messageNode(app, thread.channel, m, [], { inThread: true }))
  );
  body.dataset.ts = thread.ts;
  if (stick) body.scrollTop = body.scrollHeight;
}

function messageNode(app, channel, message, replies, { inThread = false } = {}) {
  const author = person(message.user);
  const own = message.user === app.ui.actor && !message.bot_id && !message.is_ephemeral;
  const node = h("div", {
    class: `message${message.is_ephemeral ? " ephemeral" : ""}${own ? " own" : ""}`,
    dataset: { ts: message.ts, channel, user: message.user || "" },
  });
  const content = h(
    "div",
    { class: "content" },
    h(
      "div",
      { class: "meta" },
      h("b", { class: "author" }, author.real_name),
      author.bot ? h("span", { class: "app-badge" }, "APP") : null,
      h("time", { title: format(app, message.ts, { dateStyle: "full", timeStyle: "short" }) }, format(app, message.ts, { hour: "2-digit", minute: "2-digit" })),
      message.is_ephemeral ? h("span", { class: "only-you" }, "👁 Only visible to you") : null
    ),
    message.in_reply_to ? h("div", { class: "invoked" }, "you typed ", h("code", {}, message.in_reply_to)) : null,
    body(app, channel, message),
    message.edited ? h("span", { class: "edited" }, "(edited)") : null,
    (message.files || []).map((file) => fileCard(file)),
    (message.attachments || []).map((attachment) => attachmentNode(app, channel, message, attachment)),
    reactions(app, channel, message),
    !inThread && replies.length ? threadSummary(app, channel, message, replies) : null,
    message.is_ephemeral ? h("button", { type: "button", class: "link-button", onclick: () => act("dismiss", { ts: message.ts }) }, "Dismiss message") : null
  );
  node.append(avatar(author), content);
  if (!message.is_ephemeral) node.append(toolbar(app, channel, message, own, inThread, node));
  return node;
}

function body(app, channel, message) {
  if (message.blocks && message.blocks.length) {
    const key = `${channel}/${message.ts}`;
    if (!app.forms.has(key)) app.forms.set(key, new FormState());
    const form = app.forms.get(key);
    return renderBlocks(message.blocks, blockContext(app, form, (blockId, el, choice) =>
      act("click", { source: { channel, ts: message.ts }, block_id: blockId, action_id: el.action_id, choice, values: form.values })
    ));
  }
  return h("div", { class: "text" }, mrkdwn(message.text, namesById()));
}

export function blockContext(app, form, onAction, errors = {}) {
  const peopleOptions = app.state.people.map((p) => ({ text: { type: "plain_text", text: p.real_name }, value: p.id }));
  const conversationOptions = app.state.conversations
    .filter((c) => c.members.includes(app.ui.actor))
    .map((c) => ({ text: { type: "plain_text", text: c.id }, value: c.id }));
  return { people: namesById(), peopleOptions, conversationOptions, form, errors, act: onAction, confirm: confirmDialog };
}

function fileCard(file) {
  return h("a", { class: "file-card", href: `/try/api/files/${encodeURIComponent(file.id)}`, download: file.name },
    h("span", { class: "file-icon" }, file.filetype === "markdown" ? "MD" : "📄"),
    h("span", {}, h("b", {}, file.title || file.name), h("small", {}, `${file.filetype || "file"} · ${size(file.size)}`)));
}

function size(bytes) {
  if (!bytes && bytes !== 0) return "";
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function attachmentNode(app, channel, message, attachment) {
  const color = /^#?[0-9a-f]{6}$/i.test(attachment.color || "") ? `#${attachment.color.replace("#", "")}` : "#dddddd";
  return h("div", { class: "attachment", style: `border-left-color:${color}` },
    attachment.pretext ? h("div", {}, mrkdwn(attachment.pretext, namesById())) : null,
    attachment.title ? h("b", {}, attachment.title) : null,
    attachment.blocks ? body(app, channel, { ...message, blocks: attachment.blocks }) : null,
    attachment.text ? h("div", {}, mrkdwn(attachment.text, namesById())) : null,
    (attachment.fields || []).map((f) => h("div", { class: "field" }, h("b", {}, f.title), h("div", {}, mrkdwn(f.value, namesById())))));
}

function reactions(app, channel, message) {
  if (!message.reactions || !message.reactions.length) return null;
  return h("div", { class: "reactions" }, message.reactions.map((r) => {
    const mine = r.users.includes(app.ui.actor);
    const who = r.users.map((u) => person(u).real_name).join(", ");
    return h("button", {
      type: "button",
      class: mine ? "reaction mine" : "reaction",
      title: `${who} reacted with :${r.name}:`,
      dataset: { name: r.name },
      onclick: () => act("react", { channel, ts: message.ts, name: r.name, on: !mine }),
    }, h("span", { class: "emoji" }, emoji(r.name) || `:${r.name}:`), h("span", { class: "count" }, String(r.count)));
  }));
}

function threadSummary(app, channel, message, replies) {
  const repliers = [...new Set(replies.map((m) => m.user))].slice(0, 4).map((u) => avatar(person(u), "tiny"));
  const last = replies[replies.length - 1];
  return h("button", { type: "button", class: "thread-summary", onclick: () => openThread(channel, message.ts) },
    repliers, h("b", {}, replies.length === 1 ? "1 reply" : `${replies.length} replies`),
    h("span", {}, `Last reply ${format(app, last.ts, { hour: "2-digit", minute: "2-digit" })}`));
}

function toolbar(app, channel, message, own, inThread, node) {
  const bar = h("div", { class: "toolbar", role: "toolbar", "aria-label": "Message actions" });
  for (const name of QUICK_REACTIONS) {
    bar.append(h("button", { type: "button", "aria-label": `React with :${name}:`, title: `:${name}:`, onclick: () => act("react", { channel, ts: message.ts, name, on: true }) }, emoji(name)));
  }
  if (!inThread && !isReply(message)) {
    bar.append(h("button", { type: "button", class: "wide", onclick: () => openThread(channel, message.ts) }, "💬 Reply in thread"));
  }
  if (own) {
    bar.append(h("button", { type: "button", class: "wide", onclick: () => startEdit(channel, message, node) }, "Edit"));
    bar.append(h("button", { type: "button", class: "wide danger", onclick: async () => {
      if (await confirmDialog({ title: { text: "Delete message" }, text: { type: "plain_text", text: "Are you sure you want to delete this message? This cannot be undone." }, confirm: { text: "Delete" }, style: "danger" })) {
        act("delete", { channel, ts: message.ts });
      }
    } }, "Delete"));
  }
  return bar;
}

function startEdit(channel, message, node) {
  const box = h("textarea", { class: "edit-box", rows: 3, "aria-label": "Edit message" });
  box.value = message.text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const save = () => act("edit", { channel, ts: message.ts, text: box.value });
  const editor = h("div", { class: "editor" }, box, h("div", { class: "editor-actions" },
    h("button", { type: "button", class: "bk-button", onclick: () => { editor.remove(); node.classList.remove("editing"); } }, "Cancel"),
    h("button", { type: "button", class: "bk-button primary", onclick: save }, "Save")));
  node.querySelector(".content").append(editor);
  node.classList.add("editing");
  box.focus();
}

export function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const close = (answer) => {
      backdrop.remove();
      resolve(answer);
    };
    const backdrop = h("div", { class: "modal-backdrop confirm" },
      h("div", { class: "modal small", role: "dialog", "aria-modal": "true" },
        h("div", { class: "modal-header" }, h("h2", {}, (confirm.title && confirm.title.text) || "Are you sure?")),
        h("div", { class: "modal-body" }, confirm.text ? mrkdwn(confirm.text.text, namesById()) : null),
        h("div", { class: "modal-footer" },
          h("button", { type: "button", class: "bk-button", onclick: () => close(false) }, (confirm.deny && confirm.deny.text) || "Cancel"),
          h("button", { type: "button", class: `bk-button ${confirm.style === "danger" ? "danger" : "primary"}`, onclick: () => close(true) }, (confirm.confirm && confirm.confirm.text) || "Yes"))));
    document.body.append(backdrop);
  });
}
