// The studio page: a cookie session, the chat (POST /run_sse), uploads, the timeline, the
// preview player, credits, export and past renders. Talks only HTTP to the server.
import { ApiError, getJson, postJson, runSse, uploadFile } from "./api.js";
import { ChatView } from "./chat.js";
import { apply, lang, t, toggle } from "./i18n.js";
import { drawTimeline, movePlayhead } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const studio = { sessionId: null, app: "reelforge", draft: null, version: 0, totalMs: 0, busy: false, media: new Map() };
const chat = new ChatView($("messages"));
const ATTRIBUTION = { "X-Skill-Source": "reelforge-studio", "X-Skill-Version": "1", "X-Skill-Platform": "web" };

function toast(message) {
  const el = $("toast");
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

function describeError(err) {
  if (!(err instanceof ApiError)) return t("errNetwork", { message: err?.message || String(err) });
  if (err.code === 2001) return t("errCredits");
  if (err.code === 1002) return t("errSession");
  if (err.code === 1001) return t("errAuth");
  return err.message;
}

function humanBytes(n) {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${Math.round(n / 1024)} KB`;
}

// -- session ------------------------------------------------------------------
async function openSession() {
  const wanted = new URLSearchParams(location.search).get("session");
  let body;
  try {
    body = await getJson("/studio/api/session");
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 1001) throw err;
    body = await postJson("/studio/api/session", { language: lang() });
  }
  studio.sessionId = body.data.session_id;
  studio.app = body.data.app;
  $("project-name").textContent = body.data.name || t("untitled");
  if (wanted !== studio.sessionId) history.replaceState(null, "", `/?session=${encodeURIComponent(studio.sessionId)}`);
}

// -- state: timeline, preview, credits, renders ---------------------------------
async function refreshState() {
  const body = await getJson(`/api/state/${studio.app}/me/${studio.sessionId}/latest`);
  const state = body.data.state;
  studio.draft = state.draft;
  studio.version = body.data.draft_version ?? 0;
  studio.media = new Map();
  for (const item of [...(state.generated_media || []), ...(state.uploaded_media || []), ...(state.library_media || []),
                      ...(state.video_infos || [])]) {
    studio.media.set(item.id, item);
  }
  studio.photos = (state.uploaded_media || []).filter((item) => item.kind === "image").length;
  studio.drawSuggestions?.();
  studio.totalMs = drawTimeline($("timeline"), studio.draft, studio.media);
  $("timeline-duration").textContent = studio.totalMs ? `${(studio.totalMs / 1000).toFixed(1)}s` : "";
  $("caption-style").value = state.captions?.style || "off";
  const canvas = state.canvas_config || {};
  $("player-wrap").classList.toggle("portrait", (canvas.h || 0) > (canvas.w || 1));
  await refreshPreview();
}

async function refreshPreview() {
  const player = $("player");
  if (!studio.totalMs) {
    $("player-empty").hidden = false;
    player.removeAttribute("src");
    return;
  }
  $("player-empty").hidden = true;
  $("player-busy").hidden = false;
  try {
    const body = await getJson(`/studio/api/sessions/${studio.sessionId}/preview`);
    if (body.data.url && player.dataset.version !== String(body.data.version)) {
      player.dataset.version = String(body.data.version);
      player.src = body.data.url;
    }
  } catch (err) {
    toast(describeError(err));
  } finally {
    $("player-busy").hidden = true;
  }
}

async function refreshCredits() {
  try {
    const body = await getJson("/api/credits/balance/simple");
    $("credits-value").textContent = body.data.available;
  } catch (err) {
    $("credits-value").textContent = "–";
  }
}

async function refreshRenders() {
  const list = $("renders");
  const body = await getJson(`/studio/api/sessions/${studio.sessionId}/renders`);
  list.replaceChildren();
  if (!body.data.renders.length) {
    const empty = document.createElement("li");
    empty.className = "muted";
    empty.textContent = t("noRenders");
    list.append(empty);
  }
  for (const render of body.data.renders) {
    const item = document.createElement("li");
    const label = document.createElement("span");
    const when = new Date(render.created_at).toLocaleString(lang() === "zh" ? "zh-CN" : "en");
    label.textContent = `${t("renderItem", { format: render.format.toUpperCase(), quality: t(render.quality) })} · ${when}`;
    item.append(label);
    if (render.url) {
      const link = document.createElement("a");
      link.href = render.url;
      link.download = "";
      link.textContent = t("download");
      item.append(link);
    } else {
      const status = document.createElement("span");
      status.className = "muted";
      status.textContent = t(`status_${render.status}`);
      item.append(status);
    }
    list.append(item);
  }
}

// -- music library ------------------------------------------------------------------
async function refreshLibrary() {
  const list = $("styles");
  const body = await getJson("/api/music/styles");
  list.replaceChildren();
  for (const style of body.data.styles) {
    const item = document.createElement("li");
    const title = lang() === "zh" ? `${style.names_zh.split("、")[0]} · ${style.title}` : style.title;
    const name = document.createElement("div");
    name.className = "style-name";
    const strong = document.createElement("strong");
    strong.textContent = title;
    const moods = document.createElement("span");
    moods.className = "muted";
    moods.textContent = `${style.tempo} bpm · ${lang() === "zh" ? style.moods_zh.slice(0, 4).join("、") : style.moods_en.slice(0, 4).join(", ")}`;
    name.append(strong, moods);
    const audio = document.createElement("audio");
    audio.controls = true;
    audio.preload = "none";
    audio.src = `/api/music/styles/${encodeURIComponent(style.name)}/sample`;
    audio.setAttribute("aria-label", t("listenLabel", { title: style.title }));
    const use = document.createElement("button");
    use.type = "button";
    use.textContent = t("useMusic");
    use.setAttribute("aria-label", t("useMusicLabel", { title: style.title }));
    use.addEventListener("click", () => send(t("useMusicMessage", { name: style.name, zh: style.names_zh.split("、")[0] })));
    item.append(name, audio, use);
    list.append(item);
  }
}

// -- chat -------------------------------------------------------------------------
async function send(text) {
  const message = text.trim();
  if (!message || studio.busy) return;
  studio.busy = true;
  $("send-btn").disabled = true;
  chat.add("user", message);
  const { onEvent, finish } = chat.reply();
  let error = null;
  try {
    await runSse({ app_name: studio.app, user_id: "me", session_id: studio.sessionId, new_message: { role: "user", parts: [{ text: message }] } }, onEvent);
  } catch (err) {
    error = describeError(err);
  }
  finish(error);
  studio.busy = false;
  $("send-btn").disabled = false;
  await Promise.allSettled([refreshState(), refreshCredits()]);
}

function setupChat() {
  const input = $("chat-input");
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("undo-btn").addEventListener("click", () => send("undo"));
  // the caption style goes through the chat like any edit: one version, undoable, described in the reply
  $("caption-style").addEventListener("change", (event) => send(t(`captionsMessage_${event.target.value}`)));
  $("redo-btn").addEventListener("click", () => send("redo"));
  const box = $("suggestions");
  const drawSuggestions = () => {
    box.replaceChildren();
    // with two or more photos uploaded, a slideshow is the likeliest next step
    const keys = (studio.photos || 0) >= 2 ? ["sugSlideshow", "sugTitle", "sugMusic"] : ["sugGenerate", "sugTitle", "sugMusic"];
    for (const key of keys) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = t(key);
      button.addEventListener("click", () => send(t(key)));
      box.append(button);
    }
  };
  studio.drawSuggestions = drawSuggestions;
  drawSuggestions();
  $("lang-btn").addEventListener("click", () => { toggle(); drawSuggestions(); studio.totalMs = drawTimeline($("timeline"), studio.draft, studio.media); refreshRenders(); refreshLibrary(); });
}

// -- uploads ------------------------------------------------------------------------
function uploadAll(files) {
  const list = $("uploads");
  return Promise.allSettled([...files].map(async (file) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = file.name;
    const status = document.createElement("span");
    status.className = "muted";
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    item.append(name, status, bar);
    list.append(item);
    try {
      await uploadFile(`/api/upload-video/${studio.app}/me/${studio.sessionId}`, file, (fraction) => {
        bar.value = Math.round(fraction * 100);
        status.textContent = `${bar.value}%`;
      });
      bar.value = 100;
      status.textContent = t("uploaded");
    } catch (err) {
      bar.remove();
      const message = document.createElement("span");
      message.className = "error";
      if (err.code === 4001) message.textContent = t("errUnsupported", { name: file.name, accepted: (err.data?.accepted || []).join(", ") });
      else if (err.code === 4002) message.textContent = t("errTooLarge", { name: file.name, limit: humanBytes(err.data?.limit_bytes || 0) });
      else message.textContent = t("errUpload", { name: file.name, message: describeError(err) });
      status.textContent = "";
      item.append(message);
    }
  })).then(() => refreshState());
}

function setupUploads() {
  const zone = $("dropzone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer?.files?.length) uploadAll(event.dataTransfer.files);
  });
  $("file-input").addEventListener("change", (event) => { uploadAll(event.target.files); event.target.value = ""; });
}

// -- export ------------------------------------------------------------------------------
function setupExport() {
  const bar = $("export-bar");
  const status = $("export-status");
  const link = $("download-link");
  // A preset fixes the container: show it in the format select and lock it.
  $("export-preset").addEventListener("change", () => {
    const chosen = $("export-preset").selectedOptions[0];
    if (chosen.dataset.format) $("export-format").value = chosen.dataset.format;
    $("export-format").disabled = Boolean(chosen.dataset.format);
  });
  $("export-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!studio.totalMs) { toast(t("exportEmpty")); return; }
    const button = $("export-btn");
    button.disabled = true;
    link.hidden = true;
    $("export-progress").hidden = false;
    bar.value = 0;
    status.textContent = t("exportQueued");
    const id = `render_${Date.now()}`;
    try {
      const output = { format: $("export-format").value, quality: $("export-quality").value };
      if ($("export-preset").value) output.preset = $("export-preset").value;
      let body = await postJson("/api/render/proxy/lambda", { id, sessionId: studio.sessionId, draft: studio.draft, output }, ATTRIBUTION);
      refreshRenders();
      while (body.data.status === "pending" || body.data.status === "processing") {
        await new Promise((resolve) => setTimeout(resolve, 700));
        body = await getJson(`/api/render/proxy/lambda/${encodeURIComponent(id)}`);
        const pct = Math.round((body.data.progress || 0) * 100);
        bar.value = pct;
        status.textContent = body.data.status === "pending" ? t("exportQueued") : t("exportRunning", { pct });
      }
      if (body.data.status === "completed") {
        bar.value = 100;
        status.textContent = t("exportDone");
        link.href = body.data.output.url;
        link.hidden = false;
        link.focus();
      } else {
        status.textContent = t("exportFailed", { message: body.data.error || "" });
      }
    } catch (err) {
      status.textContent = t("exportFailed", { message: describeError(err) });
    } finally {
      button.disabled = false;
      refreshRenders();
      refreshCredits();
    }
  });
}

function setupPlayer() {
  const player = $("player");
  const follow = () => movePlayhead($("timeline"), player.currentTime * 1000, studio.totalMs);
  player.addEventListener("timeupdate", follow);
  player.addEventListener("seeked", follow);
}

async function start() {
  apply();
  setupChat();
  setupUploads();
  setupExport();
  setupPlayer();
  try {
    await openSession();
  } catch (err) {
    toast(describeError(err));
    return;
  }
  await Promise.allSettled([refreshState(), refreshCredits(), refreshRenders(), refreshLibrary()]);
  if (!studio.totalMs) chat.add("agent", t("greeting"));
  document.body.dataset.ready = "true";
}

start();
