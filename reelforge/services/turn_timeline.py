"""Export by chat to another editor ("export for Premiere", "导出给剪映"): the timeline as a file, with a link.

The file is the session's current draft through :func:`reelforge.services.timelines.export_session_timeline`
(the same as POST /api/timeline/export), kept as a blob under ``timelines/`` and handed out through a signed
download link. An editor without an open project format (CapCut / 剪映) gets no file: the reply says so and
names what does exist.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from reelforge.draft import Draft
from reelforge.errors import InvalidInput
from reelforge.interchange import TIMELINE_FORMATS, timeline_format
from reelforge.services.timelines import export_session_timeline
from reelforge.services.turn_draft import TurnScope

__all__ = ["TIMELINE_KEY_PREFIX", "run_timeline_export"]

TIMELINE_KEY_PREFIX = "timelines/"


def run_timeline_export(scope: TurnScope, index: int, action: Any, draft: Draft) -> dict[str, Any]:
    """Write the session's timeline in the action's format; the outcome's data says what was delivered."""
    call_id = scope.call_id(index)
    scope.call(call_id, "export_timeline", {"format": action.format, "editor": action.editor})
    if action.format is None:
        result: dict[str, Any] = {"ok": True, "delivered": False, "editor": action.editor,
                                  "formats": [info.label for info in TIMELINE_FORMATS.values()]}
        scope.respond(call_id, "export_timeline", result)
        return result
    if not draft.tracks or draft.end_ms == 0:
        raise InvalidInput("there is nothing on the timeline to export yet: generate or add a clip first",
                           field="draft")
    fmt = timeline_format(action.format)
    done = export_session_timeline(scope.svc, scope.principal, scope.session_id, fmt)
    name = f"{scope.session_id}-{scope.invocation_id}{TIMELINE_FORMATS[fmt].suffix}"
    with tempfile.TemporaryDirectory(dir=scope.svc.blobs.scratch()) as folder:
        path = Path(folder) / name
        path.write_text(done.text, encoding="utf-8")
        size = scope.svc.blobs.put_file(f"{TIMELINE_KEY_PREFIX}{scope.principal.user_id}/{name}", path)
    url = scope.svc.links.url("timeline", f"{scope.principal.user_id}/{name}")
    clips = sum(1 for track in draft.tracks for seg in track.segments if seg.src)
    result = {"ok": True, "delivered": True, "editor": action.editor, "format": fmt,
              "label": TIMELINE_FORMATS[fmt].label, "url": url, "size": size, "clips": clips, "notes": done.notes}
    scope.respond(call_id, "export_timeline", result)
    return result
