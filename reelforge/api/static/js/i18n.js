// English and Chinese strings; the language follows navigator.language unless the user switched it.
const STRINGS = {
  en: {
    skipToChat: "Skip to chat", untitled: "Untitled project", undo: "Undo", redo: "Redo", credits: "credits",
    switchLanguage: "切换到中文", preview: "Preview", previewPlayer: "Preview of the draft",
    emptyPreview: "Your video appears here. Describe a clip in the chat to begin.",
    previewRendering: "Rendering preview…", timeline: "Timeline", upload: "Upload",
    dropHere: "Drop videos, images, music or a prompt file here, or", browse: "browse",
    chat: "Chat", conversation: "Conversation", messageLabel: "Message",
    placeholder: "Describe a clip, or ask for an edit…", send: "Send", export: "Export", format: "Format",
    preset: "Preset", presetNone: "Draft as is",
    quality: "Quality", high: "High", medium: "Medium", low: "Low", exportVideo: "Export video",
    exportProgress: "Export progress", download: "Download", pastRenders: "Past renders",
    noRenders: "No renders yet.", emptyTimeline: "The timeline is empty.",
    trackVideo: "Video", trackAudio: "Audio", trackText: "Title", trackVoice: "Voice",
    captions: "Captions", captionsOff: "Off", captionsClean: "Clean lower third", captionsHighlight: "Word-by-word highlight",
    captionsMessage_off: "remove the subtitles", captionsMessage_clean: "clean captions",
    captionsMessage_highlight: "word by word captions",
    greeting: "Hi! Describe what to make — for example “a sunset over a mountain lake, 10 seconds, vertical, title 'Golden Hour', lo-fi music at 35%”. Then ask for titles, music, trims, fades or transitions.",
    working: "Working…", stillWorking: "Still working…", noText: "Done — the timeline shows the result.",
    errUnsupported: "{name}: this file type is not supported. Accepted: {accepted}.",
    errTooLarge: "{name}: the file is too large (limit {limit}).",
    errUpload: "{name}: upload failed ({message}).", uploaded: "uploaded",
    errCredits: "Not enough credits for this.", errSession: "This session is no longer available.",
    errAuth: "Your studio session expired. Reload the page.", errNetwork: "Network error: {message}",
    exportQueued: "Queued…", exportRunning: "Rendering {pct}%", exportDone: "Done", exportFailed: "Export failed: {message}",
    exportEmpty: "Add a clip before exporting.",
    sugGenerate: "generate a 5 second clip of a sunset over a lake", sugTitle: "add the title \"Golden Hour\"",
    sugMusic: "add calm background music", sugUndo: "undo", sugSlideshow: "make a slideshow of my photos with music",
    volume: "volume {pct}%", renderItem: "{format} · {quality}",
    zoom_in: "zoom in", zoom_out: "zoom out", pan_left: "pan left", pan_right: "pan right", pan_up: "pan up",
    pan_down: "pan down", fadeIn: "fade in", fadeOut: "fade out", fadeBoth: "fade in/out",
    status_pending: "pending", status_processing: "rendering", status_completed: "ready", status_failed: "failed",
    musicLibrary: "Music library", useMusic: "Use", useMusicLabel: "Use {title} as the background music",
    listenLabel: "Listen to {title}", useMusicMessage: "add {name} background music",
  },
  zh: {
    skipToChat: "跳到对话", untitled: "未命名项目", undo: "撤销", redo: "重做", credits: "积分",
    switchLanguage: "Switch to English", preview: "预览", previewPlayer: "草稿预览",
    emptyPreview: "视频会显示在这里。在对话中描述一个片段即可开始。",
    previewRendering: "正在渲染预览…", timeline: "时间线", upload: "上传",
    dropHere: "把视频、图片、音乐或提示词文件拖到这里，或", browse: "选择文件",
    chat: "对话", conversation: "对话记录", messageLabel: "消息",
    placeholder: "描述一个片段，或提出修改…", send: "发送", export: "导出", format: "格式",
    preset: "预设", presetNone: "按草稿原样",
    quality: "质量", high: "高", medium: "中", low: "低", exportVideo: "导出视频",
    exportProgress: "导出进度", download: "下载", pastRenders: "历史导出",
    noRenders: "还没有导出。", emptyTimeline: "时间线是空的。",
    trackVideo: "视频", trackAudio: "音频", trackText: "标题", trackVoice: "配音",
    captions: "字幕", captionsOff: "关闭", captionsClean: "简洁下三分之一", captionsHighlight: "逐字高亮",
    captionsMessage_off: "去掉字幕", captionsMessage_clean: "简洁字幕", captionsMessage_highlight: "逐字高亮字幕",
    greeting: "你好！描述你想要的视频，例如“湖上日落，10秒，竖屏，加上标题「黄金时刻」，配上轻快的音乐”。然后可以加标题、音乐、剪辑、淡入淡出或转场。",
    working: "处理中…", stillWorking: "仍在处理…", noText: "完成——时间线显示了结果。",
    errUnsupported: "{name}：不支持的文件类型。支持：{accepted}。",
    errTooLarge: "{name}：文件太大（上限 {limit}）。",
    errUpload: "{name}：上传失败（{message}）。", uploaded: "已上传",
    errCredits: "积分不足。", errSession: "该会话已不可用。",
    errAuth: "工作室会话已过期，请刷新页面。", errNetwork: "网络错误：{message}",
    exportQueued: "排队中…", exportRunning: "渲染中 {pct}%", exportDone: "完成", exportFailed: "导出失败：{message}",
    exportEmpty: "请先添加一个片段再导出。",
    sugGenerate: "生成一段5秒的湖上日落", sugTitle: "添加标题“黄金时刻”",
    sugMusic: "添加舒缓的背景音乐", sugUndo: "撤销", sugSlideshow: "用我的照片做一个幻灯片，配上音乐",
    volume: "音量 {pct}%", renderItem: "{format} · {quality}",
    zoom_in: "推近", zoom_out: "拉远", pan_left: "左移", pan_right: "右移", pan_up: "上移", pan_down: "下移",
    fadeIn: "淡入", fadeOut: "淡出", fadeBoth: "淡入淡出",
    status_pending: "等待中", status_processing: "渲染中", status_completed: "就绪", status_failed: "失败",
    musicLibrary: "音乐库", useMusic: "使用", useMusicLabel: "把 {title} 用作背景音乐",
    listenLabel: "试听 {title}", useMusicMessage: "加一段{zh}背景音乐",
  },
};

let current = pick();

function pick() {
  const saved = localStorage.getItem("reelforge.lang");
  if (saved === "en" || saved === "zh") return saved;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function lang() { return current; }

export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Fill every element marked with data-i18n / data-i18n-label / data-i18n-placeholder. */
export function apply(root = document) {
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  root.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll("[data-i18n-label]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); el.title = t(el.dataset.i18nLabel); });
  root.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  const button = document.getElementById("lang-btn");
  if (button) button.textContent = current === "zh" ? "EN" : "中文";
}

export function toggle() {
  current = current === "zh" ? "en" : "zh";
  localStorage.setItem("reelforge.lang", current);
  apply();
  return current;
}
