"""An upload the user names that the session does not hold: "use my other song" with one song uploaded, "put my second
photo after the first" with one photo, "add my video of the waterfall" or "use my video from the beach" when no video
shows it (the beach one is a photo), "use my voice recording" when the one audio upload is a song.

Picking the only upload of that kind would put the wrong file in the video; the user is asked which upload they mean,
with the list of what is there, or to upload it first. Only a request to use an upload ("add", "use", "put", ...)
asks: "make my video slower" is about the timeline, whatever it shows.

An upload turned down ("don't use my upload, just some calm piano music", "不用我上传的视频，来点钢琴曲") is what is not
wanted: never added, the rest of the message is the request.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from reelforge.agent._refs import main_clips, names_upload, shown_words
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import MediaRef, Unknown

__all__ = ["after_upload_turned_down", "no_such_upload", "upload_turned_down"]

# the kind an upload is said to be, by the noun after "my" (never "clip": "my second clip" is the timeline's)
_KIND_NOUNS = {"audio": r"songs?|tracks?|tunes?|audio|music|recordings?|voice ?(?:over|memo|note)s?|mp3s?",
               "image": r"photos?|pictures?|pics?|images?|selfies?|stills?",
               "video": r"videos?|vids?|footage|movies?|mp4s?"}
_NOUN = "|".join(f"(?P<{kind}>{nouns})" for kind, nouns in _KIND_NOUNS.items())
_USED = re.compile(r"\b(?:add|use|put|insert|include|place|stick|play|bring in|throw in|drop in|swap in|i want|give me)\b")
# "my other song", "my second photo", "my waterfall video", "my video of the waterfall", "my video from the beach"
_MY_UPLOAD = re.compile(rf"\bmy (?P<said>(?:[a-z0-9'-]+ ){{0,2}}?)(?:{_NOUN})\b(?P<about> (?:(?:of|from|showing) "
                        r"(?:(?:the|a|an|my|me|us|very) )?|at the (?:very )?)[a-z-]+)?")
# a photo said with "the" is an upload too (the timeline's clips are videos): "use the mountain photo" with beach.jpg
_THE_PHOTO = re.compile(rf"\bthe (?P<said>(?:[a-z0-9'-]+ ){{0,2}}?)(?P<image>{_KIND_NOUNS['image']})\b(?P<about> (?:(?:of|from|showing) "
                        r"(?:(?:the|a|an|my|me|us|very) )?|at the (?:very )?)[a-z-]+)?")
_ORDINAL = {"other": 2, "another": 2, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# words that say nothing of what an upload shows: "my own song", "my new video", "my video from yesterday"
_GENERIC = frozenset("""own new latest recent newest last first uploaded favourite favorite little short long whole entire
    original full actual real raw old other that this one ones the a an my me us of from at with showing yesterday today
    earlier before morning night week weekend phone camera iphone gopro drone trip vacation holiday holidays start
    beginning end middle top second seconds sec secs chorus verse drop intro outro part bit point mark way
    and or but then too also please pls it so as in on to for very put make set add use play turn keep move place
    volume level speed"""
                     .split())


# the same by an ordinal in Chinese: "我的第二张照片", "我上传的另一个视频", "我另一首歌" (a use said: "用", "加", "放", "换成")
_KIND_ZH = {"audio": "歌|音乐|录音|音频", "image": "照片|图片|相片", "video": "视频|录像|素材"}
_NTH_ZH = {"另一": 2, "另外一": 2, "另1": 2, "另外1": 2, "第二": 2, "第2": 2, "第三": 3, "第3": 3}
_MY_NTH_ZH = re.compile(r"(?:用|加|放|换成|插|接|把)[^，,。]{0,3}?我(?:的|上传的|传的)?(?P<nth>另外一|另一|另外1|另1|第二|第2|第三|第3)(?:个|张|段|首|条)"
                        r"(?P<noun>歌|音乐|录音|音频|照片|图片|相片|视频|录像|素材)")


def no_such_upload(clause: Clause, media: Sequence[MediaRef]) -> Unknown | None:
    """A question when the clause asks to use an upload it describes (by "other", an ordinal, or what it shows) that no
    upload of the session fits; None when one fits or the clause names no upload so."""
    text = clause.unquoted().lower()
    uploads = [m for m in media if m.uploaded]
    if uploads and clause.language == "zh" and (said_zh := _MY_NTH_ZH.search(text)):
        kind = next(k for k, nouns in _KIND_ZH.items() if re.fullmatch(nouns, said_zh.group("noun")))
        same = [m for m in uploads if m.kind == kind]
        if same and _NTH_ZH[said_zh.group("nth")] > len(same):  # "把我的第二张照片加到最后" with one photo
            return _which(clause, said_zh.group(0), uploads)
    if not uploads or clause.language != "en" or not _USED.search(text):
        return None
    for match in [*_MY_UPLOAD.finditer(text), *_THE_PHOTO.finditer(text)]:
        kind = next(k for k in _KIND_NOUNS if match.groupdict().get(k))
        same = [m for m in uploads if m.kind == kind]
        said = match.group("said").split()
        wanted = max((_ORDINAL.get(word, 0) for word in said), default=0)
        if wanted > len(same) and same:
            return _which(clause, f"{' '.join(said)} {match.group(kind)}", uploads)
        described = [word for word in [*said, *(match.group("about") or "").split()] if word not in _GENERIC]
        # (a file named by the camera, IMG_2041.jpg, says nothing of what it shows: it may show anything)
        if described and same and all(_descriptive(m) for m in same) and \
                not any(_shows(word, m) for word in described for m in same):
            about = match.group("about") or ""  # ("the sunset photo at the end": where it goes says nothing of it)
            said_whole = match.group(0) if any(w not in _GENERIC for w in about.split()) else match.group(0)[:len(match.group(0)) - len(about)]
            return _which(clause, re.sub(r"^(?:my|the) ", "", said_whole), uploads)
    return None


# the words cameras, phones and recorders name files with
_CAMERA_WORDS = frozenset("""img vid dsc dscn dscf pxl mvimg gopr dji mov screenshot screen recording record photo video image
    movie clip audio voice track untitled download file export final copy edit new rec memo note whatsapp signal telegram
    snapchat insta instagram tiktok camera cam""".split())


def _descriptive(upload: MediaRef) -> bool:
    """Whether the upload's name may say what it shows ("hike.mp4", "summer.mp3"; not "IMG_2041.jpg", "VID-2024.mp4")."""
    stem = upload.name.lower().rsplit(".", 1)[0]
    return any(word not in _CAMERA_WORDS for word in re.findall(r"[a-z]{3,}", stem))


def _shows(word: str, upload: MediaRef) -> bool:
    """Whether ``word`` may describe ``upload``: it names it ("hike", "hiking"), its name holds it ("voice" in
    voiceover.mp3), or it is a word for what the name shows ("sea" for beach.jpg)."""
    stem = upload.name.lower().rsplit(".", 1)[0]
    return names_upload(word, upload) or (len(word) >= 4 and (word in stem or stem in word)) or word in shown_words(stem)


def _which(clause: Clause, said: str, uploads: list[MediaRef]) -> Unknown:
    kinds = {"video": ("video", "视频"), "image": ("photo", "照片"), "audio": ("audio", "音频"), "text": ("text", "文本")}
    listed_en = ", ".join(f"{m.name} ({kinds[m.kind][0]})" for m in uploads)
    listed_zh = "、".join(f"{m.name}（{kinds[m.kind][1]}）" for m in uploads)
    return Unknown(clause.unquoted(), understood="an uploaded file", question=ask(
        clause, f"I can't find your {said} among the uploads: you have {listed_en}. Which one do you mean? (Or upload "
                "it first.)",
        f"上传的文件里没找到这个：现在有 {listed_zh}。要用哪一个？（或者先上传它。）"))


# (a song turned down is the music area's: "not my song — something calm instead" is other music)
_UPLOADED_THING = r"(?:(?:my|the) (?:own |uploaded )?(?:uploads?|upload(?:ed)? (?:file|stuff|media|one)s?|files?|stuff|media|" \
                  r"videos?|vids?|footage|photos?|pictures?|pics?|images?)|[\w-]+\.(?:mp4|mov|jpe?g|png|webp|heic))"
_TURNED_DOWN_EN = (
    rf"(?:(?:no|nah|actually|and|but|so|ok(?:ay)?|please)[,\s]+)*(?:(?:don'?t|do not|dont|no need to|never) (?:use|add|put in|put|include|"
    rf"insert)(?: in)? (?:any of )?{_UPLOADED_THING}|i (?:don'?t|do not) (?:want|need) (?:any of )?{_UPLOADED_THING}|"
    rf"(?:leave|keep) {_UPLOADED_THING} out|(?:not|no need for|without|skip|forget(?: about)?|leave out) {_UPLOADED_THING}|"
    r"no (?:uploads?|uploaded (?:files?|stuff|media|videos?|photos?)))"
    r"(?: (?:here|in|in it|in there|in the video|this time|for this|please|pls))?")
_TURNED_DOWN_ZH = r"(?:不用|别用|不要用|不要加|别加|不加|不需要|不用加)(?:我)?(?:自己)?(?:的|传的|上传的|拍的)" \
                  r"(?:视频|照片|图片|相片|素材|文件|东西)(?:了|吧)?"
_TURNED_DOWN = re.compile(rf"^(?:{_TURNED_DOWN_EN}|{_TURNED_DOWN_ZH})$")
# the request said after it in the same clause: "don't use my upload, just some calm piano music"
_THEN_WANTED = re.compile(rf"^(?:{_TURNED_DOWN_EN})\s*[,;:—-]+\s*(?:(?:just|only|rather|instead|but|use|i want)\s+)?(?P<rest>\S.*)$|"
                          rf"^(?:{_TURNED_DOWN_ZH})\s*[，,；;]\s*(?:就|只|而是|换成|改成)?(?P<rest_zh>\S.*)$")


def _on_timeline(clause: Clause, state: PlanState) -> bool:
    """Whether an upload of the kind the clause says (any, for "my upload") is on the timeline."""
    said = [kind for kind, nouns in (("video", r"videos?|vids?|footage|视频|素材|\.(?:mp4|mov)"),
                                     ("image", r"photos?|pictures?|pics?|images?|照片|图片|相片|\.(?:jpe?g|png|webp|heic)"))
            if re.search(nouns, clause.text)]
    on = {seg.src for seg in main_clips(state.draft)}
    return any(m.uploaded and m.src in on and (not said or m.kind in said) for m in state.context.media)


def after_upload_turned_down(clause: Clause, state: PlanState) -> Clause:
    """The request after an upload turned down at the start of the clause ("don't use my upload, just some calm piano
    music": some calm piano music); the clause as it is otherwise."""
    then = _THEN_WANTED.match(clause.text)
    if then is None or _on_timeline(clause, state):
        return clause
    return dataclasses.replace(clause, text=then.group("rest") or then.group("rest_zh"))


def upload_turned_down(clause: Clause, state: PlanState, alone: bool) -> Unknown | bool:
    """Whether the clause only turns down the user's upload ("don't use my upload", "not my video", "别加我的照片"):
    beside other clauses it says what is not wanted (True: nothing to plan); alone it asks what is wanted instead.
    False when the clause is no such thing, or when such an upload is on the timeline already ("i don't want my photo"
    then takes it out)."""
    if not _TURNED_DOWN.match(clause.text) or _on_timeline(clause, state):
        return False
    if not alone:
        return True
    return Unknown(clause.unquoted(), understood="leaving your upload out", question=ask(
        clause, "OK, I won't use your upload. What would you like instead? For example: add calm piano music, or "
                "generate a clip of ...",
        "好的，不用你上传的文件。想换成什么？例如：加一段安静的钢琴曲，或者生成一段……的视频"))
