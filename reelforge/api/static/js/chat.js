// The chat panel: user bubbles, and agent bubbles that fill in as ADK events stream in
// (text parts, tool calls and their results, progress from actions.stateDelta.progress).
import { t } from "./i18n.js";

export class ChatView {
  constructor(list) {
    this.list = list;
  }

  add(role, text) {
    const item = document.createElement("li");
    item.className = `msg ${role}`;
    item.textContent = text;
    this.list.append(item);
    this.scroll();
    return item;
  }

  scroll() {
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** Start an agent reply; returns a handler for its events and a finish function. */
  reply() {
    const bubble = document.createElement("li");
    bubble.className = "msg agent";
    bubble.setAttribute("aria-busy", "true");
    const text = document.createElement("div");
    text.className = "reply-text";
    const typing = document.createElement("span");
    typing.className = "typing";
    typing.setAttribute("aria-label", t("working"));
    typing.innerHTML = "<b></b><b></b><b></b>";
    text.append(typing);
    const tools = document.createElement("div");
    tools.className = "tools";
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.hidden = true;
    bar.setAttribute("aria-label", t("working"));
    bubble.append(text, tools, bar);
    this.list.append(bubble);
    this.scroll();
    const chips = new Map();
    let streamed = "";
    let finalText = "";
    let sawText = false;

    const onEvent = (event) => {
      if (!event || event.heartbeat) return;
      const progress = event.actions?.stateDelta?.progress;
      if (progress && typeof progress.fraction === "number") {
        bar.hidden = false;
        bar.value = Math.round(progress.fraction * 100);
      }
      for (const part of event.content?.parts || []) {
        if (typeof part.text === "string" && part.text) {
          sawText = true;
          if (event.partial) streamed += part.text;
          else finalText += (finalText ? "\n" : "") + part.text;
          text.textContent = finalText || streamed;
        } else if (part.functionCall) {
          const chip = document.createElement("span");
          chip.className = "tool";
          chip.textContent = `⚙ ${part.functionCall.name}`;
          chips.set(part.functionCall.id || part.functionCall.name, chip);
          tools.append(chip);
        } else if (part.functionResponse) {
          const chip = chips.get(part.functionResponse.id || part.functionResponse.name);
          if (chip) { chip.classList.add("done"); chip.textContent = `✓ ${part.functionResponse.name}`; }
        }
      }
      this.scroll();
    };

    const finish = (error) => {
      bubble.removeAttribute("aria-busy");
      bar.hidden = true;
      if (error) {
        bubble.classList.add("error");
        text.textContent = error;
      } else if (!sawText) {
        text.textContent = t("noText");
      }
      this.scroll();
    };
    return { onEvent, finish };
  }
}
