// Block Kit to DOM, for messages, modals and App Home, the way Slack lays them out. Nothing here
// knows the app: every block and element type is rendered from its own fields. Interactive elements
// report to `ctx.act(blockId, element, choice)`; inputs keep their values in `ctx.form`.
import { emoji } from "./emoji.js";
import { h, plainText, safeUrl, textObject, unescapeSlack } from "./mrkdwn.js";

// What a person has typed and picked on one surface, as Slack reports it in state.values.
export class FormState {
  constructor() {
    this.values = {};
  }
  get(blockId, actionId) {
    return (this.values[blockId] || {})[actionId];
  }
  set(blockId, actionId, value) {
    (this.values[blockId] = this.values[blockId] || {})[actionId] = value;
  }
  seed(blockId, element) {
    if (!element.action_id || this.get(blockId, element.action_id)) return;
    const value = initialState(element);
    if (value) this.set(blockId, element.action_id, value);
  }
}

const CHOICE = {
  plain_text_input: "value", email_text_input: "value", url_text_input: "value", number_input: "value",
  static_select: "selected_option", external_select: "selected_option", radio_buttons: "selected_option",
  multi_static_select: "selected_options", multi_external_select: "selected_options", checkboxes: "selected_options",
  users_select: "selected_user", multi_users_select: "selected_users",
  conversations_select: "selected_conversation", multi_conversations_select: "selected_conversations",
  channels_select: "selected_channel", multi_channels_select: "selected_channels",
  datepicker: "selected_date", timepicker: "selected_time", datetimepicker: "selected_date_time",
  rich_text_input: "rich_text_value",
};
const INITIAL = {
  value: "initial_value", selected_option: "initial_option", selected_options: "initial_options",
  selected_user: "initial_user", selected_users: "initial_users",
  selected_conversation: "initial_conversation", selected_conversations: "initial_conversations",
  selected_channel: "initial_channel", selected_channels: "initial_channels", selected_date: "initial_date",
  selected_time: "initial_time", selected_date_time: "initial_date_time", rich_text_value: "initial_value",
};
const MULTI = new Set(["selected_options", "selected_users", "selected_conversations", "selected_channels"]);

export function initialState(element) {
  const field = CHOICE[element.type];
  if (!field) return null;
  const initial = element[INITIAL[field]];
  const empty = MULTI.has(field) ? [] : null;
  return { type: element.type, [field]: initial === undefined ? empty : initial };
}

export function renderBlocks(blocks, ctx) {
  return h("div", { class: "blocks" }, (blocks || []).map((block) => renderBlock(block, ctx)));
}

function renderBlock(block, ctx) {
  const render = BLOCKS[block.type];
  if (!render) return h("div", { class: "block unsupported" }, `A “${block.type}” block (not shown here)`);
  return h("div", { class: `block block-${block.type}`, dataset: { blockId: block.block_id || "" } }, render(block, ctx));
}

const BLOCKS = {
  header: (block) => h("div", { class: "header-text" }, plainText(block.text)),
  divider: () => h("hr"),
  section: (block, ctx) => {
    const body = h("div", { class: "section-body" });
    if (block.text) body.append(h("div", { class: "section-text" }, textObject(block.text, ctx.people)));
    if (block.fields) {
      body.append(h("div", { class: "section-fields" }, block.fields.map((f) => h("div", {}, textObject(f, ctx.people)))));
    }
    const accessory = block.accessory ? h("div", { class: "accessory" }, element(block, block.accessory, ctx)) : null;
    return [body, accessory];
  },
  context: (block, ctx) =>
    (block.elements || []).map((e) =>
      e.type === "image" ? image(e.image_url, e.alt_text, "context-image") : h("span", {}, textObject(e, ctx.people))
    ),
  actions: (block, ctx) => (block.elements || []).map((e) => element(block, e, ctx)),
  image: (block) => [
    block.title ? h("div", { class: "image-title" }, plainText(block.title)) : null,
    image(block.image_url || (block.slack_file || {}).url, block.alt_text, "block-image"),
  ],
  rich_text: (block, ctx) => (block.elements || []).map((e) => richText(e, ctx)),
  input: (block, ctx) => {
    const error = (ctx.errors || {})[block.block_id];
    const label = plainText(block.label);
    return h(
      "div",
      { class: error ? "input has-error" : "input" },
      h("span", { class: "input-label" }, label, block.optional ? h("em", {}, " (optional)") : null),
      element(block, block.element || {}, ctx, { input: true, dispatch: block.dispatch_action, label }),
      block.hint ? h("span", { class: "input-hint" }, plainText(block.hint)) : null,
      error ? h("span", { class: "input-error", role: "alert" }, "⚠ " + error) : null
    );
  },
  file: (block) => h("div", { class: "file-card" }, "📄 A file from Slack (", block.external_id || "", ")"),
  video: (block) => h("div", { class: "file-card" }, "🎬 ", plainText(block.title) || "A video"),
  markdown: (block, ctx) => h("div", { class: "section-text" }, textObject({ type: "mrkdwn", text: block.text }, ctx.people)),
};

function image(url, alt, cls) {
  const safe = url && safeUrl(url);
  if (!safe) return h("span", { class: `${cls} image-missing` }, alt || "image");
  const img = h("img", { class: cls, src: safe, alt: alt || "", loading: "lazy" });
  img.addEventListener("error", () => img.replaceWith(h("span", { class: `${cls} image-missing`, title: safe }, "🖼 " + (alt || "image"))));
  return img;
}

// -- rich text -----------------------------------------------------------------------------------
function richText(part, ctx) {
  switch (part.type) {
    case "rich_text_section":
      return h("div", { class: "rt-section" }, (part.elements || []).map((e) => richInline(e, ctx)));
    case "rich_text_list": {
      const list = h(part.style === "ordered" ? "ol" : "ul", {
        class: `rt-list indent-${part.indent || 0}`,
        start: part.offset ? part.offset + 1 : undefined,
      });
      for (const item of part.elements || []) list.append(h("li", {}, (item.elements || []).map((e) => richInline(e, ctx))));
      return list;
    }
    case "rich_text_quote":
      return h("blockquote", {}, (part.elements || []).map((e) => richInline(e, ctx)));
    case "rich_text_preformatted":
      return h("pre", { class: "code-block" }, (part.elements || []).map((e) => e.text || e.url || ""));
    default:
      return h("span", {}, "");
  }
}

function richInline(part, ctx) {
  const style = part.style || {};
  let node;
  switch (part.type) {
    case "text":
      node = document.createTextNode(part.text || "");
      break;
    case "link": {
      const url = safeUrl(part.url || "");
      node = url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, part.text || part.url) : document.createTextNode(part.text || "");
      break;
    }
    case "emoji":
      node = h("span", { class: "emoji" }, part.unicode ? fromCodepoints(part.unicode) : emoji(part.name) || `:${part.name}:`);
      break;
    case "user":
      node = h("span", { class: "mention" }, "@" + (ctx.people[part.user_id] || part.user_id));
      break;
    case "usergroup":
      node = h("span", { class: "mention" }, "@" + part.usergroup_id);
      break;
    case "channel":
      node = h("span", { class: "mention" }, "#" + part.channel_id);
      break;
    case "broadcast":
      node = h("span", { class: "mention broadcast" }, "@" + part.range);
      break;
    case "date":
      node = document.createTextNode(unescapeSlack(part.fallback || ""));
      break;
    case "color":
      node = h("span", { class: "color-chip" }, h("i", { style: `background:${/^#[0-9a-f]{3,8}$/i.test(part.value) ? part.value : "#ccc"}` }), part.value);
      break;
    default:
      node = document.createTextNode(part.text || "");
  }
  if (style.code) node = h("code", {}, node);
  if (style.strike) node = h("s", {}, node);
  if (style.italic) node = h("i", {}, node);
  if (style.bold) node = h("b", {}, node);
  return node;
}

function fromCodepoints(hex) {
  try {
    return String.fromCodePoint(...hex.split("-").map((c) => parseInt(c, 16)));
  } catch {
    return "";
  }
}

// -- elements --------------------------------------------------------------------------------------
function element(block, el, ctx, where = {}) {
  const blockId = block.block_id;
  if (el.action_id && CHOICE[el.type]) ctx.form.seed(blockId, el);
  const field = CHOICE[el.type];
  const update = (value, dispatch) => {
    const choice = { type: el.type, [field]: value };
    ctx.form.set(blockId, el.action_id, choice);
    if (dispatch) ctx.act(blockId, el, choice);
  };
  const current = () => (ctx.form.get(blockId, el.action_id) || {})[field];
  const fires = !where.input || where.dispatch; // outside input blocks, every change is an action
  const invalid = where.input && (ctx.errors || {})[blockId] ? "true" : undefined;
  switch (el.type) {
    case "button":
      return h(
        "button",
        {
          type: "button",
          class: `bk-button ${el.style || ""}`,
          dataset: { actionId: el.action_id || "" },
          onclick: async () => {
            if (el.confirm && !(await ctx.confirm(el.confirm))) return;
            if (el.url && safeUrl(el.url)) window.open(el.url, "_blank", "noopener");
            ctx.act(blockId, el, {});
          },
        },
        plainText(el.text)
      );
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const attrs = {
        class: "bk-text",
        name: `${blockId}/${el.action_id}`,
        placeholder: plainText(el.placeholder) || undefined,
        maxlength: el.max_length,
        minlength: el.min_length,
        "aria-invalid": invalid,
        "aria-label": where.label,
        type: { email_text_input: "email", url_text_input: "url", number_input: "number" }[el.type] || "text",
      };
      const node = el.multiline ? h("textarea", { ...attrs, type: undefined, rows: 4 }) : h("input", attrs);
      node.value = current() || "";
      node.addEventListener("input", () => update(node.value || null, false));
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !el.multiline && fires) update(node.value || null, true);
      });
      return node;
    }
    case "rich_text_input": {
      const node = h("textarea", { class: "bk-text", rows: 4, name: `${blockId}/${el.action_id}`, "aria-label": where.label });
      node.value = richToText(current());
      node.addEventListener("input", () => update(textToRich(node.value), false));
      return node;
    }
    case "datepicker":
    case "timepicker":
    case "datetimepicker": {
      const kind = { datepicker: "date", timepicker: "time", datetimepicker: "datetime-local" }[el.type];
      const node = h("input", { class: "bk-text bk-picker", type: kind, name: `${blockId}/${el.action_id}`, "aria-invalid": invalid, "aria-label": where.label });
      const value = current();
      node.value = el.type === "datetimepicker" && value ? new Date(value * 1000).toISOString().slice(0, 16) : value || "";
      node.addEventListener("change", () => {
        const picked = el.type === "datetimepicker" ? Math.floor(Date.parse(node.value + "Z") / 1000) || null : node.value || null;
        update(picked, fires);
      });
      return node;
    }
    case "checkboxes":
    case "radio_buttons": {
      const multi = el.type === "checkboxes";
      const chosen = () => (multi ? current() || [] : current() ? [current()] : []).map((o) => o.value);
      return h(
        "div",
        { class: "bk-choices" },
        (el.options || []).map((option) => {
          const box = h("input", { type: multi ? "checkbox" : "radio", name: `${blockId}/${el.action_id}` });
          box.checked = chosen().includes(option.value);
          box.addEventListener("change", () => {
            if (multi) {
              const kept = (current() || []).filter((o) => o.value !== option.value);
              update(box.checked ? [...kept, option] : kept, fires);
            } else update(option, fires);
          });
          return h("label", { class: "bk-choice" }, box, h("span", {}, textObject(option.text, ctx.people)),
            option.description ? h("small", {}, textObject(option.description, ctx.people)) : null);
        })
      );
    }
    case "overflow":
      return overflow(el, (option) => ctx.act(blockId, el, { selected_option: option }));
    case "image":
      return image(el.image_url, el.alt_text, "accessory-image");
    default:
      if (field && field.startsWith("selected")) return select(el, field, current, update, fires, ctx, invalid, where.label);
      return h("span", { class: "unsupported" }, `A “${el.type}” element`);
  }
}

function optionsOf(el, ctx) {
  if (el.type.includes("users_select")) return ctx.peopleOptions;
  if (el.type.includes("conversations_select") || el.type.includes("channels_select")) return ctx.conversationOptions;
  if (el.option_groups) return el.option_groups.flatMap((group) => group.options || []);
  return el.options || [];
}

// Single selects are native; multi-selects show the picks as chips, with a menu to add more.
function select(el, field, current, update, fires, ctx, invalid, label) {
  const options = optionsOf(el, ctx);
  const multi = MULTI.has(field);
  const toValue = (option) => (field.endsWith("option") || field.endsWith("options") ? option : option.value);
  const keyOf = (value) => (value && typeof value === "object" ? value.value : value);
  const placeholder = plainText(el.placeholder) || (multi ? "Add…" : "Choose…");
  const menu = h("select", { class: "bk-select", name: `${el.action_id}`, "aria-invalid": invalid, "aria-label": label || placeholder },
    h("option", { value: "" }, placeholder));
  if (!multi) {
    for (const option of options) menu.append(h("option", { value: option.value }, plainText(option.text)));
    menu.value = keyOf(current()) || "";
    menu.addEventListener("change", () => {
      const option = options.find((o) => o.value === menu.value);
      update(option ? toValue(option) : null, fires);
    });
    return menu;
  }
  const box = h("div", { class: "bk-multi" });
  const draw = () => {
    const picked = current() || [];
    const keys = picked.map(keyOf);
    box.replaceChildren(
      ...picked.map((value) => {
        const option = options.find((o) => o.value === keyOf(value));
        return h("span", { class: "chip" }, option ? plainText(option.text) : keyOf(value),
          h("button", { type: "button", "aria-label": "Remove", onclick: () => { update(picked.filter((v) => keyOf(v) !== keyOf(value)), fires); draw(); } }, "×"));
      }),
      menu
    );
    menu.replaceChildren(h("option", { value: "" }, placeholder),
      ...options.filter((o) => !keys.includes(o.value)).map((o) => h("option", { value: o.value }, plainText(o.text))));
    menu.disabled = Boolean(el.max_selected_items && picked.length >= el.max_selected_items);
    menu.value = "";
  };
  menu.addEventListener("change", () => {
    const option = options.find((o) => o.value === menu.value);
    if (option) update([...(current() || []), toValue(option)], fires);
    draw();
  });
  draw();
  return box;
}

function overflow(el, choose) {
  const list = h("div", { class: "overflow-menu", hidden: true });
  for (const option of el.options || []) {
    list.append(h("button", { type: "button", onclick: () => { list.hidden = true; choose(option); } }, plainText(option.text)));
  }
  return h("span", { class: "overflow" },
    h("button", { type: "button", class: "bk-button overflow-toggle", "aria-label": "More actions", onclick: () => { list.hidden = !list.hidden; } }, "⋯"),
    list);
}

function richToText(value) {
  if (!value) return "";
  return (value.elements || []).map((s) => (s.elements || []).map((e) => e.text || "").join("")).join("\n");
}

function textToRich(text) {
  return { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] };
}
