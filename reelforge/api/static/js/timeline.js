// Draws a draft's tracks and segments to scale: video clips with thumbnails, audio with its
// volume, titles with their text, narration with its voice and words. Pure DOM (accessible, no canvas), redrawn after each turn.
import { t } from "./i18n.js";

const KINDS = { 0: "video", 1: "audio", 7: "text" };
const COLORS = { video: "var(--video)", audio: "var(--audio)", text: "var(--title)", voice: "var(--voice)" };

/** A track's kind; narration (the `voice` track, or audio marked with a voice) is its own kind. */
function kindOf(track) {
  if (track.tt === 1 && (track.id === "voice" || (track.sg || []).some((seg) => seg.m?.voice))) return "voice";
  return KINDS[track.tt] || "video";
}

function seconds(ms) {
  const s = ms / 1000;
  return s >= 60 ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}` : `${+s.toFixed(1)}s`;
}

function tickStep(totalMs) {
  const steps = [500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000];
  return steps.find((step) => totalMs / step <= 10) ?? 600000;
}

function mediaId(src) {
  return typeof src === "string" && src.startsWith("media:") ? src.slice(6) : null;
}

function segmentLabel(kind, seg, media) {
  const meta = seg.m || {};
  const item = media.get(mediaId(seg.src));
  if (kind === "text") return meta.text ?? "";
  if (kind === "voice") return `${meta.voice || ""} · “${meta.text ?? ""}”`;
  const name = meta.name || item?.name || (seg.src || "").split("/").pop() || kind;
  if (kind === "audio") return `${name} · ${t("volume", { pct: Math.round((meta.vol ?? 1) * 100) })}`;
  // a clip's camera move and fades, so the timeline shows what the chat did to it
  const notes = [];
  if (meta.motion) notes.push(t(meta.motion));
  if (meta.fi && meta.fo) notes.push(t("fadeBoth"));
  else if (meta.fi) notes.push(t("fadeIn"));
  else if (meta.fo) notes.push(t("fadeOut"));
  return [name, ...notes].join(" · ");
}

/** The row of each segment: the first row whose last segment has ended before this one starts. */
function stackRows(segments) {
  const rowEnds = [];
  return segments.map((seg) => {
    const start = seg.s || 0;
    let row = rowEnds.findIndex((end) => end <= start);
    if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
    rowEnds[row] = start + (seg.d || 0);
    return row;
  });
}

/** Render `draft` (wire form) into `root`; `media` maps media id -> {name, kind}. Returns the end in ms. */
export function drawTimeline(root, draft, media) {
  root.replaceChildren();
  const tracks = (draft?.t || []).filter((track) => (track.sg || []).length > 0);
  const total = Math.max(draft?.d || 0, ...tracks.flatMap((tr) => tr.sg.map((sg) => (sg.s || 0) + (sg.d || 0))), 0);
  if (!tracks.length || total <= 0) {
    const empty = document.createElement("p");
    empty.className = "timeline-empty";
    empty.textContent = t("emptyTimeline");
    root.append(empty);
    return 0;
  }
  const ruler = document.createElement("div");
  ruler.className = "ruler";
  ruler.setAttribute("aria-hidden", "true");
  const step = tickStep(total);
  for (let at = 0; at <= total; at += step) {
    const tick = document.createElement("span");
    tick.style.left = `${(at / total) * 100}%`;
    tick.textContent = seconds(at);
    ruler.append(tick);
  }
  root.append(ruler);
  const counts = {};
  for (const track of tracks) {
    const kind = kindOf(track);
    counts[kind] = (counts[kind] || 0) + 1;
    const row = document.createElement("div");
    row.className = "track";
    row.setAttribute("role", "listitem");
    row.dataset.kind = kind;
    const label = document.createElement("div");
    label.className = "track-label";
    const dot = document.createElement("i");
    dot.style.background = COLORS[kind];
    const name = { video: t("trackVideo"), audio: t("trackAudio"), text: t("trackText"), voice: t("trackVoice") }[kind];
    label.append(dot, `${name} ${counts[kind]}`);
    const lane = document.createElement("div");
    lane.className = "lane";
    lane.setAttribute("role", "list");
    lane.setAttribute("aria-label", `${name} ${counts[kind]}`);
    // texts may overlap in time (a title over a subtitle): stack them in rows instead of hiding one
    const rows = stackRows(track.sg);
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const laneHeight = 46 + (rowCount - 1) * 30;
    const rowHeight = (laneHeight - 6) / rowCount;
    lane.style.height = `${laneHeight}px`;
    track.sg.forEach((seg, index) => {
      const el = document.createElement("div");
      el.className = `seg ${kind}`;
      if (rowCount > 1) {
        el.style.top = `${3 + rows[index] * rowHeight}px`;
        el.style.bottom = "auto";
        el.style.height = `${rowHeight - 3}px`;
      }
      el.dataset.segmentId = seg.id;
      el.setAttribute("role", "listitem");
      el.tabIndex = 0;
      el.style.left = `${((seg.s || 0) / total) * 100}%`;
      el.style.width = `${((seg.d || 0) / total) * 100}%`;
      const text = segmentLabel(kind, seg, media);
      const span = document.createElement("span");
      span.textContent = text;
      el.append(span);
      const range = `${seconds(seg.s || 0)}–${seconds((seg.s || 0) + (seg.d || 0))}`;
      el.title = `${text} (${range})`;
      el.setAttribute("aria-label", `${name}: ${text}, ${range}`);
      const id = mediaId(seg.src);
      if (kind === "video" && id) {
        el.style.backgroundImage = `url("/studio/api/media/${encodeURIComponent(id)}/thumbnail?at=${seg.in || 0}")`;
      }
      lane.append(el);
    });
    row.append(label, lane);
    root.append(row);
  }
  const playhead = document.createElement("div");
  playhead.className = "playhead";
  playhead.id = "playhead";
  playhead.hidden = true;
  root.append(playhead);
  return total;
}

/** Move the playhead to `ms` on a timeline of `totalMs` (positions follow the lanes). */
export function movePlayhead(root, ms, totalMs) {
  const playhead = root.querySelector("#playhead");
  const lane = root.querySelector(".lane");
  if (!playhead || !lane || totalMs <= 0) return;
  const rootBox = root.getBoundingClientRect();
  const laneBox = lane.getBoundingClientRect();
  playhead.hidden = false;
  playhead.style.left = `${laneBox.left - rootBox.left + Math.min(1, ms / totalMs) * laneBox.width}px`;
}
