"""Uploaded photos and clips onto the timeline: "add all my photos", "make a slideshow of my photos with music",
"用我的照片做一个幻灯片", "把我上传的照片都加进去".

A slideshow is the photos in upload order, a few seconds each, each with a slow camera move (zooming in and
out by turns, so the set does not pulse the same way every time) and a short crossfade between them; music
said in the same breath ("with music", "配上音乐") goes to the music intent. Words against a part turn it off:
"no zoom"/"不要缩放", "no transitions"/"不要转场". One upload ("add my photo") is ``timeline.py``'s.
"""

from __future__ import annotations

import dataclasses
import re

from reelforge.agent._intents import music
from reelforge.agent._intents.motion import motion_said
from reelforge.agent._numbers import duration_ms
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause
from reelforge.agent.actions import MediaRef, Unknown
from reelforge.draft.edits import AddClip, SetMotion, SetMusic, SetTransition

__all__ = ["handle"]

_SLIDESHOW = r"\bslide ?shows?\b|\bphoto (?:montage|video|reel)\b|\bmontage of (?:my|the|all)\b|" \
             r"\bturn (?:all )?(?:my|the|these) (?:photos|pictures|images|pics) into a (?:video|movie|reel)\b|" \
             r"\b(?:video|movie|reel|film)\s+(?:from|out of|of|with|using) (?:all )?(?:of )?(?:my|the|these|those) (?:uploaded )?" \
             r"(?:photos|pictures|images|pics)\b|幻灯片|相册视频|照片视频|" \
             r"(?:照片|图片|相片)(?:都)?(?:做成|变成|拼成)(?:1)?(?:个|段)?(?:视频|短片)|(?:照片|图片|相片)(?:的)?(?:合集|集锦)"
_ALL_UPLOADS = r"\b(?:all|every|each)\b(?: of)? (?:my|the)? ?(?:(?:\d+|two|three|four|five) )?(?:uploaded )?(?:photos|pictures|images|pics|uploads|clips|videos|media)\b|" \
               r"\ball (?:the )?(?:photos|pictures|images|pics|uploads) i (?:uploaded|sent|added)\b|" \
               r"(?:所有|全部)(?:的)?(?:我)?(?:上传的)?(?:照片|图片|相片|素材|视频)|(?:照片|图片|相片)都(?:加|放|添加)|" \
               r"(?:^|把|将)(?:我的|\d+个|这\d+个|这些|那些)?素材(?:都|全部|全都|统统|全)(?:给我)?(?:加|放|添加|用|拖|弄|搞|塞)|" \
               r"上传的(?:素材|东西|文件|内容)?(?:都|全部|全都|统统)(?:加|放|添加|用|拖|弄|搞|塞)(?!.*[和跟与、])"  # "把我上传的全部加到时间线上"
# the user's photos and videos named together ("a montage of my photo and video"): the uploads, no slideshow of photos
_PHOTO_AND_VIDEO = r"(?:照片|图片|相片)\s*(?:和|跟|与|加|[+＋、])\s*(?:我的)?(?:视频|录像)|(?:视频|录像)\s*(?:和|跟|与|加|[+＋、])\s*(?:我的)?(?:照片|图片|相片)|" \
                   r"\b(?:photos?|pictures?|pics?)\s*(?:and|&|\+)\s*(?:my\s+)?(?:videos?|vids?|footage)\b|" \
                   r"\b(?:videos?|vids?|footage)\s*(?:and|&|\+)\s*(?:my\s+)?(?:photos?|pictures?|pics?)\b"
_NO_MOTION = r"\bno (?:zoom|motion|movement|ken ?burns)\b|\b(?:static|still)\b(?! photos?)|不要(?:缩放|运镜|动)|静止"
_NO_TRANSITIONS = r"\bno (?:transitions?|crossfades?|fades?)\b|\b(?:hard )?cuts? only\b|不要转场|不加转场|直接切"
_SECONDS_EACH = 3000
_COUNTS = {"two": "2", "three": "3", "four": "4", "five": "5"}


# said only as "照片变成视频" (Chinese has no plural): more than one photo, by a word or by the uploads
_SAID_AS_SHOW = r"\bslide ?shows?\b|\bmontage\b|合集|集锦|\b(?:photos|pictures|images|pics)\b|幻灯片|相册|都|所有|全部|这些|那些|几张|多张|(?<!1)张照片们"


def handle(clause: Clause, state: PlanState) -> bool:
    slideshow = clause.has(_SLIDESHOW) and not clause.has(r"(?:这|那|1)张(?!.*幻灯片)")  # one photo: image-to-video
    photos = [m for m in state.context.media if m.uploaded and m.kind == "image"]
    if slideshow and not clause.has(_SAID_AS_SHOW) and len(photos) == 1:
        return False  # "把我上传的照片变成视频" with one photo uploaded: that photo, animated (generate.py)
    if not slideshow and not clause.has(_ALL_UPLOADS):
        return False
    if not slideshow and clause.has(r"\b(?:photos?|pictures?|pics?)\b|照片|图片|相片") and clause.has(r"\b(?:videos?|vids?)\b|视频") or \
            clause.has(_PHOTO_AND_VIDEO):
        return False  # "照片和视频都加到后面", "a montage of my photo and video": the uploads named, in the order said (timeline.py)
    kinds = ("image",) if slideshow or clause.has(r"\b(?:photos|pictures|images|pics)\b|照片|图片|相片") else \
        ("image", "video")
    uploads = [m for m in state.context.media if m.uploaded and m.kind in kinds]
    if not uploads:
        what = "一组照片的幻灯片，但还没有上传照片" if clause.language == "zh" else \
            "a slideshow of your photos, but no photos are uploaded yet"
        state.actions.append(Unknown(clause.unquoted(), understood=what))
        return True
    each_ms = _each_ms(clause, len(uploads))
    songs = [m for m in state.context.media if m.uploaded and m.kind == "audio"]
    counted = re.search(r"\b(\d+|two|three|four|five) (?:uploaded )?(?:uploads|files)\b|(\d+)个素材", clause.text)
    # "三个素材都用上", "use all three uploads": as many as there are uploads, the song among them is the music
    song = songs[0] if counted and len(songs) == 1 and not slideshow and \
        _COUNTS.get(counted.group(1) or "", counted.group(1) or counted.group(2)) == str(len(uploads) + 1) else None
    added: list[tuple[str, MediaRef]] = []
    for media in uploads:
        length = each_ms if media.kind == "image" else (media.duration_ms or each_ms)
        for sid in state.edit(AddClip(src=media.src, duration_ms=length, name=media.name), focus_kind="clip"):
            added.append((sid, media))
    motion = motion_said(clause)
    if (slideshow or motion) and not clause.has(_NO_MOTION):
        for i, (sid, media) in enumerate(added):
            if media.kind == "image":  # a slow push in, then out, by turns; or the move that was asked for
                move = motion or ("zoom_in" if i % 2 == 0 else "zoom_out")
                state.edit(SetMotion(segment_id=sid, motion=move))  # type: ignore[arg-type]
    if slideshow and len(added) > 1 and not clause.has(_NO_TRANSITIONS):
        state.edit(SetTransition(segment_id=None, type="fade", duration_ms=500))
    if song is not None:
        state.edit(SetMusic(src=song.src, name=song.name, source_duration_ms=song.duration_ms), focus_kind="music")
    elif clause.has(r"\b(?:music|song|soundtrack|bgm)\b|音乐|配乐|歌"):
        # "... with music": the music intent picks the track; "my photos" says nothing about whose song
        words = re.sub(r"\b(?:my|mine|the|these|all|uploaded)\s+(?:uploaded\s+)?(?:photos|pictures|images|pics)\b|"
                       r"(?:我的|我上传的|上传的)(?:照片|图片|相片)", " ", clause.text)
        music.handle(dataclasses.replace(clause, text=words), state)
    return True


def _each_ms(clause: Clause, count: int) -> int:
    """"3 seconds each" / "每张2秒" is per photo; "a 20 second slideshow" is shared out; else 3 s."""
    said = duration_ms(clause.text)
    if said is None:
        return _SECONDS_EACH
    if clause.has(r"\b(?:each|apiece|per (?:photo|picture|image))\b|每张|每个|各"):
        return said
    return max(1000, said // max(1, count))
