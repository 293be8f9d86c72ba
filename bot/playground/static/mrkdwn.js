// Slack's mrkdwn to DOM nodes: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes,
// <links|labels>, <@mentions>, <#channels>, <!here>, <!date^…|fallback>, :emoji:. Built as nodes,
// never as HTML strings, so nothing an app or a person writes can inject markup.
import { emoji } from "./emoji.js";

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function unescapeSlack(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function safeUrl(url) {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

// `people` maps a user id to a display name; used for <@U…> mentions.
export function mrkdwn(text, people = {}) {
  const out = document.createDocumentFragment();
  const parts = String(text || "").split(/```/);
  parts.forEach((part, index) => {
    if (index % 2 === 1 && index < parts.length - 1) {
      out.append(h("pre", { class: "code-block" }, unescapeSlack(part.replace(/^\n/, ""))));
    } else {
      out.append(lines(index % 2 === 1 ? "```" + part : part, people));
    }
  });
  return out;
}

function lines(text, people) {
  const out = document.createDocumentFragment();
  let quote = null;
  text.split("\n").forEach((line, index, all) => {
    const quoted = line.match(/^(&gt;|>)\s?(.*)$/);
    if (quoted) {
      if (!quote) out.append((quote = h("blockquote")));
      else quote.append(h("br"));
      quote.append(inline(quoted[2], people));
      return;
    }
    if (quote) quote = null;
    out.append(inline(line, people));
    if (index < all.length - 1 && !(all[index + 1] || "").match(/^(&gt;|>)/)) out.append(h("br"));
  });
  return out;
}

const STYLES = { "*": "b", _: "i", "~": "s" };
const WORD = /[\p{L}\p{N}]/u;

export function inline(text, people) {
  const out = document.createDocumentFragment();
  let plain = "";
  const flush = () => {
    if (plain) out.append(unescapeSlack(plain));
    plain = "";
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const char = text[i];
    let match;
    if (char === "`" && (match = rest.match(/^`([^`]+)`/))) {
      flush();
      out.append(h("code", {}, unescapeSlack(match[1])));
      i += match[0].length;
    } else if (char === "<" && (match = rest.match(/^<([^<>]+)>/))) {
      flush();
      out.append(angle(match[1], people));
      i += match[0].length;
    } else if (char === ":" && (match = rest.match(/^:([a-z0-9_+'-]+):/)) && emoji(match[1])) {
      flush();
      out.append(h("span", { class: "emoji", title: `:${match[1]}:` }, emoji(match[1])));
      i += match[0].length;
    } else if (STYLES[char] && opens(text, i) && (match = closing(text, i))) {
      flush();
      out.append(h(STYLES[char], {}, inline(text.slice(i + 1, match), people)));
      i = match + 1;
    } else {
      plain += char;
      i += 1;
    }
  }
  flush();
  return out;
}

function opens(text, i) {
  const before = i > 0 ? text[i - 1] : " ";
  const after = text[i + 1] || " ";
  return !WORD.test(before) && !/\s/.test(after) && after !== text[i];
}

function closing(text, i) {
  const mark = text[i];
  for (let j = i + 2; j < text.length; j++) {
    if (text[j] === "\n") return null;
    if (text[j] === mark && !/\s/.test(text[j - 1]) && !WORD.test(text[j + 1] || " ")) return j;
  }
  return null;
}

function angle(body, people) {
  const [target, label] = splitOnce(body, "|");
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return h("span", { class: "mention", title: id }, "@" + (people[id] || label || id));
  }
  if (target.startsWith("#")) return h("span", { class: "mention" }, "#" + (label || target.slice(1)));
  if (target.startsWith("!subteam^")) return h("span", { class: "mention" }, label || "@group");
  if (target.startsWith("!date^")) return document.createTextNode(unescapeSlack(label || ""));
  if (target.startsWith("!")) return h("span", { class: "mention broadcast" }, "@" + target.slice(1));
  const url = safeUrl(unescapeSlack(target));
  const text = unescapeSlack(label || target);
  return url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text) : document.createTextNode(text);
}

function splitOnce(text, mark) {
  const at = text.indexOf(mark);
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

// plain_text objects: shown as written, with :emoji: when `emoji` is on (Slack's default).
export function plainText(object) {
  if (!object) return "";
  const text = String(object.text || "");
  if (object.emoji === false) return text;
  return text.replace(/:([a-z0-9_+'-]+):/g, (whole, name) => emoji(name) || whole);
}

// A text object of either kind.
export function textObject(object, people) {
  if (!object) return document.createDocumentFragment();
  if (object.type === "mrkdwn") return mrkdwn(object.text, people);
  return document.createTextNode(plainText(object));
}
