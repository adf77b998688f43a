// HTTP to the server. The page authenticates with an HttpOnly cookie; every state-changing
// request carries the double-submit CSRF token (the readable rf_csrf cookie) in X-CSRF-Token.

export class ApiError extends Error {
  constructor(code, message, data, status) {
    super(message);
    this.code = code;
    this.data = data;
    this.status = status;
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)rf_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

export function headers(extra = {}) {
  return { "X-CSRF-Token": csrfToken(), ...extra };
}

async function envelope(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  if (!response.ok || (body && typeof body.code === "number" && body.code !== 0)) {
    throw new ApiError(body?.code ?? response.status, body?.message ?? response.statusText, body?.data ?? null, response.status);
  }
  return body;
}

export async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: headers() });
  return envelope(response);
}

export async function postJson(url, payload, extra = {}) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: headers({ "Content-Type": "application/json", ...extra }), body: JSON.stringify(payload),
  });
  return envelope(response);
}

/** POST /run_sse and call onEvent for every `data:` JSON object as it arrives. */
export async function runSse(payload, onEvent) {
  const response = await fetch("/run_sse", {
    method: "POST", credentials: "same-origin",
    headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream" }),
    body: JSON.stringify(payload),
  });
  if (!response.ok || !response.body) await envelope(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
      const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      if (data) {
        try { onEvent(JSON.parse(data)); } catch (err) { if (!(err instanceof SyntaxError)) throw err; }
      }
    }
  }
}

/** Upload one file with XHR so the caller sees its progress (0..1). */
export function uploadFile(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); };
    xhr.onerror = () => reject(new ApiError(0, "network error", null, 0));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300 && body && body.code === 0) resolve(body);
      else reject(new ApiError(body?.code ?? xhr.status, body?.message ?? xhr.statusText, body?.data ?? null, xhr.status));
    };
    const form = new FormData();
    form.append("files", file, file.name);
    xhr.send(form);
  });
}
