"""``GET /bind?bind=<user id>``: where the 2001 refusal's ``bind_url`` leads an anonymous user.

reelforge is self-hosted, so there is no sign-up form: the page tells the user to ask the
operator of this server to run ``reelforge users bind <id>`` (see
:mod:`reelforge.services.accounts`). It needs no token and reads nothing from the
database, so it reveals nothing about the account, not even whether it exists; the id,
which comes from the URL, is shown only when it has the form of a user id, and escaped.
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from reelforge.api.studio import _PAGE_HEADERS  # the studio's CSP and no-store: one copy of them
from reelforge.services.accounts import is_user_id

__all__ = ["preferred_language", "router"]

router = APIRouter()

_TEXT = {
    "en": {
        "title": "reelforge: out of free credits",
        "heading": "This account has used its free credits",
        "account": "Account id:",
        "ask": "To get more, ask the operator of this server to bind it to a registered account by running:",
        "self": "Running reelforge on your own machine? Then you are the operator: run the command above "
                "in a terminal where reelforge is installed, with the same data folder as the server.",
        "generic": "To get more credits, ask the operator of this server to bind your account "
                   "(<code>reelforge users list</code> shows the account ids, "
                   "<code>reelforge users bind &lt;id&gt; --credits 1000</code> binds one).",
        "back": "Back to the studio",
    },
    "zh": {
        "title": "reelforge：免费额度已用完",
        "heading": "此账户的免费额度已用完",
        "account": "账户 ID：",
        "ask": "如需更多额度，请联系本服务器的管理员运行以下命令，将此账户绑定为注册账户：",
        "self": "如果 reelforge 运行在你自己的电脑上，你就是管理员：在安装了 reelforge 的终端中运行上面的命令"
                "（使用与服务器相同的数据目录）。",
        "generic": "如需更多额度，请联系本服务器的管理员绑定你的账户"
                   "（<code>reelforge users list</code> 列出账户 ID，"
                   "<code>reelforge users bind &lt;id&gt; --credits 1000</code> 绑定账户）。",
        "back": "返回工作室",
    },
}

_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<link rel="stylesheet" href="/studio/static/css/studio.css"></head>
<body><main class="claim-error"><h1>{heading}</h1>{body}
<p><a href="/">{back}</a></p></main></body></html>"""


def preferred_language(accept_language: str | None) -> str:
    """``zh`` when the caller ranks Chinese above English in ``Accept-Language``, else ``en``."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in _TEXT and quality > 0:
            ranked.append((-quality, index, primary))
    return min(ranked)[2] if ranked else "en"


@router.get("/bind", include_in_schema=False)
def bind_page(request: Request, bind: str | None = None) -> HTMLResponse:
    """Tell an anonymous user out of credits how to get the account bound (HTML, English or Chinese)."""
    lang = preferred_language(request.headers.get("accept-language"))
    text = _TEXT[lang]
    if is_user_id(bind):
        user_id = html.escape(str(bind))
        body = (f"<p>{text['account']} <code>{user_id}</code></p><p>{text['ask']}</p>"
                f"<p><code>reelforge users bind {user_id} --credits 1000</code></p>"
                f"<p class=\"muted\">{text['self']}</p>")
        status = 200
    else:
        # a link that was not made by this server (or was cut short): say what to do, echo nothing
        body, status = f"<p>{text['generic']}</p>", 400
    page = _PAGE.format(lang=lang, title=text["title"], heading=text["heading"], body=body, back=text["back"])
    return HTMLResponse(page, status_code=status, headers={**_PAGE_HEADERS, "Vary": "Accept-Language"})
