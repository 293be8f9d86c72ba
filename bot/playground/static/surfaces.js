// The surfaces that belong to the person acting: the app's Home tab and its modals.
import { act } from "./app.js";
import { FormState, renderBlocks } from "./blockkit.js";
import { blockContext } from "./messages.js";
import { h, plainText } from "./mrkdwn.js";

function formFor(app, viewId) {
  if (!app.forms.has(viewId)) app.forms.set(viewId, new FormState());
  return app.forms.get(viewId);
}

function viewContext(app, view, errors) {
  const form = formFor(app, view.id);
  return blockContext(app, form, (blockId, el, choice) =>
    act("click", { source: { view_id: view.id }, block_id: blockId, action_id: el.action_id, choice, values: form.values }), errors);
}

export function renderHome(app, body) {
  const home = app.state.homes[app.ui.actor];
  const signature = home ? `${home.id}/${home.hash}` : "none";
  if (body.dataset.home === signature && body.firstChild) return;
  body.dataset.home = signature;
  body.dataset.channel = "";
  if (!home) {
    body.replaceChildren(h("div", { class: "empty" }, "Loop Coach hasn't shown anything on its Home tab yet: Slack asks it to when you open the tab."));
    return;
  }
  body.replaceChildren(h("div", { class: "home" }, renderBlocks(home.blocks, viewContext(app, home, {}))));
}

// Drawn again only when the view, its errors or its banner change, so typing is never interrupted.
export function renderModal(app, root) {
  const stack = app.state.modals[app.ui.actor] || [];
  const view = stack[stack.length - 1];
  for (const key of [...app.forms.keys()]) {
    if (key.startsWith("V") && !stack.some((v) => v.id === key) && !Object.values(app.state.homes).some((v) => v.id === key)) app.forms.delete(key);
  }
  const signature = view ? JSON.stringify([view.id, view.hash, view.errors, view.trouble, app.ui.actor]) : "";
  if (root.dataset.signature === signature) return;
  root.dataset.signature = signature;
  if (!view) {
    root.replaceChildren();
    return;
  }
  const form = formFor(app, view.id);
  const submit = async (event) => {
    event.preventDefault();
    if (app.busy) return;
    await act("submit", { view_id: view.id, values: form.values });
  };
  const close = () => act("close", { view_id: view.id });
  const dialog = h(
    "form",
    { class: "modal", role: "dialog", "aria-modal": "true", "aria-label": plainText(view.title), onsubmit: submit, novalidate: true },
    h("div", { class: "modal-header" },
      h("span", { class: "avatar bot small", "aria-hidden": "true" }),
      h("h2", {}, plainText(view.title)),
      stack.length > 1 ? h("span", { class: "stack-depth" }, `${stack.length} of ${stack.length}`) : null,
      h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: close }, "×")),
    view.trouble ? h("div", { class: "trouble", role: "alert" }, view.trouble) : null,
    h("div", { class: "modal-body" }, renderBlocks(view.blocks, viewContext(app, view, view.errors || {}))),
    h("div", { class: "modal-footer" },
      h("button", { type: "button", class: "bk-button", onclick: close }, plainText(view.close) || (view.submit ? "Cancel" : "Close")),
      view.submit ? h("button", { type: "submit", class: "bk-button primary" }, plainText(view.submit)) : null)
  );
  root.replaceChildren(h("div", { class: "modal-backdrop" }, dialog));
  const firstError = dialog.querySelector(".has-error input, .has-error textarea, .has-error select");
  (firstError || dialog.querySelector("input, textarea, select"))?.focus();
}
