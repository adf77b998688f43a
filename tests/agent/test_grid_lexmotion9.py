"""A composition grid for transitions, picture fades, speed, camera motion and a clip's own sound (issue #14).

The vocabularies are written from the domain, not from any corpus: the transition names of Premiere, Final Cut,
iMovie and CapCut / 剪映 mapped to ours (draft/validate.TRANSITIONS), speeds said every way (half speed, 0.5x, 50%,
slo-mo, 2倍速, 慢放), camera moves as camera operators and phone editors name them (push in, dolly out, tilt up, 推, 拉,
摇), and a clip's sound (mute, kill the audio, 原声, 静音). Each template is phrased the way a newcomer types (fillers,
politeness, the odd typo). Every message runs through ``understand`` on the ``full`` fixture (city 10 s, dog 5 s) and
is checked with ``case_mismatch``.
"""

from __future__ import annotations

from typing import Any

from ._fixtures import grid_failures

# ---- transitions: what editors call them -> ours -------------------------------------------------------------
_TRANSITIONS_EN = {
    "fade": ("crossfade", "cross fade", "cross-fade", "fade", "blend", "soft fade", "smooth fade", "mix"),
    "dissolve": ("dissolve", "cross dissolve", "cross-dissolve", "film dissolve", "additive dissolve", "slow dissolve"),
    "fadeblack": ("dip to black", "fade to black", "fade through black", "dip through black", "black flash"),
    "fadewhite": ("dip to white", "fade to white", "fade through white", "white flash", "flash to white", "flash"),
    "fadegrays": ("fade through grey", "fade through gray"),
    "wipeleft": ("wipe", "wipe left", "wipe to the left", "linear wipe"),
    "wiperight": ("wipe right", "wipe to the right"),
    "slideleft": ("slide", "slide left", "push", "push left", "push slide"),
    "slideright": ("slide right", "push right", "slide to the right"),
    "slideup": ("slide up", "push up"),
    "slidedown": ("slide down", "push down"),
    "zoomin": ("zoom", "zoom transition", "cross zoom", "zoom in transition"),
    "circleopen": ("iris", "iris round", "circle", "circle wipe", "circle open", "iris wipe"),
    "radial": ("clock wipe", "radial wipe", "radial"),
    "pixelize": ("pixelate", "pixelize", "mosaic", "pixel"),
    "hblur": ("blur", "cross blur", "blur transition"),
    "squeezeh": ("squeeze",),
    "vertopen": ("barn door", "barn doors"),
    "hlslice": ("venetian blinds", "blinds"),
}
_TRANSITION_EN = ("add a {w} between the clips", "can you put a {w} between the two clips please",
                  "use a {w} transition", "i want a {w} on each cut", "{w} between every clip pls",
                  "could we get a {w} between clip 1 and 2", "make the transition a {w}", "add {w} transitions")
_TRANSITIONS_ZH = {
    "fade": ("淡入淡出", "交叉淡化", "渐变", "淡化", "交叉渐变", "叠化"),
    "dissolve": ("溶解", "交叉溶解", "溶化"),
    "fadeblack": ("闪黑", "黑场", "黑场过渡", "渐黑"),
    "fadewhite": ("闪白", "白场", "白闪"),
    "wipeleft": ("擦除", "划像", "向左擦除"),
    "wiperight": ("向右擦除",),
    "slideleft": ("滑动", "推移", "向左滑动"),
    "slideright": ("向右滑动",),
    "zoomin": ("缩放", "放大转场", "推近"),
    "circleopen": ("圆形", "圆形展开", "圆圈"),
    "pixelize": ("像素化", "马赛克"),
    "hblur": ("模糊", "模糊转场"),
    "hlslice": ("百叶窗",),
}
_TRANSITION_ZH = ("片段之间加个{w}", "两段之间用{w}转场", "帮我加一个{w}的转场", "每个镜头之间都加{w}",
                  "所有转场都换成{w}", "转场用{w}吧")
# transitions we have nothing like: asked about, never another kind, never a clip
_NO_SUCH_TRANSITION = ("spin", "glitch", "page curl", "page peel", "cube", "flip", "morph cut", "light leak",
                       "film burn", "whip pan", "shake", "swirl", "ripple")
_NO_SUCH_TRANSITION_ZH = ("旋转", "故障", "翻页", "立方体", "翻转", "漏光", "甩镜", "抖动", "水波纹")

# lengths said every way
_LENGTHS = {500: ("half a second", "0.5 seconds", "500ms", "0.5s"),
            1000: ("1 second", "one second", "1s", "1 sec", "1.0 seconds"),
            1500: ("1.5 seconds", "a second and a half", "one and a half seconds"),
            2000: ("2 seconds", "two seconds", "2s", "2 secs")}
_LENGTH_EN = ("add a {w} crossfade between the clips", "crossfade between the clips, {w} long",
              "make the transitions {w}")
_LENGTHS_ZH = {500: ("0.5秒", "半秒", "零点五秒"), 1000: ("1秒", "一秒", "一秒钟"), 1500: ("1.5秒", "一秒半", "一点五秒"),
               2000: ("2秒", "两秒", "二秒")}
_LENGTH_ZH = ("片段之间加个{w}的淡入淡出转场", "转场改成{w}", "加一个{w}的溶解转场")


def _transition_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for kind, words in _TRANSITIONS_EN.items():
        for word in words:
            for template in _TRANSITION_EN:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_transition", "type": kind}]})
    for kind, words in _TRANSITIONS_ZH.items():
        for word in words:
            for template in _TRANSITION_ZH:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_transition", "type": kind}]})
    for word in _NO_SUCH_TRANSITION:
        for template in _TRANSITION_EN[:4]:
            cases.append({"msg": template.format(w=word), "expect": [{"do": "unknown"}]})
    for word in _NO_SUCH_TRANSITION_ZH:
        for template in _TRANSITION_ZH[:3]:
            cases.append({"msg": template.format(w=word), "expect": [{"do": "unknown"}]})
    for ms, words in _LENGTHS.items():
        for word in words:
            for template in _LENGTH_EN:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_transition", "duration_ms": ms}]})
    for ms, words in _LENGTHS_ZH.items():
        for word in words:
            for template in _LENGTH_ZH:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_transition", "duration_ms": ms}]})
    return cases


# ---- picture fades -------------------------------------------------------------------------------------------
_FADES_EN = {  # what is said -> (fade_in_ms, fade_out_ms)
    (1000, None): ("fade in from black", "fade in at the start", "fade the video in", "add a fade in",
                   "can the video start from black", "fade up from black at the beginning", "start with a fade in please"),
    (None, 1000): ("fade out at the end", "fade to black at the end", "fade everything out at the end",
                   "add a fade out", "end with a fade to black", "fade out the ending pls", "let the video fade out"),
    (1000, 1000): ("fade in and out", "fade in at the start and fade out at the end",
                   "fade in from black at the beginning and fade out at the end", "add a fade in and a fade out",
                   "fade in and fade out please"),
    (2000, None): ("fade in over 2 seconds", "a 2 second fade in at the start", "fade in from black, 2 seconds"),
    (None, 3000): ("fade out over 3 seconds at the end", "a 3 second fade out", "fade to black at the end, 3 secs"),
    (2000, 2000): ("fade in and out, 2 seconds each", "2 second fade in and fade out"),
}
_FADES_ZH = {
    (1000, None): ("开头淡入", "视频开头加个淡入", "开头从黑屏慢慢出来", "片头淡入一下"),
    (None, 1000): ("结尾淡出", "结尾渐隐", "最后慢慢黑掉", "视频结尾加个淡出", "片尾淡出到黑"),
    (1000, 1000): ("开头淡入，结尾淡出", "开头淡入一秒，结尾淡出一秒", "头尾都加淡入淡出", "开头和结尾都淡一下"),
    (2000, None): ("开头淡入两秒", "开头淡入2秒"),
    (None, 3000): ("结尾淡出三秒", "最后三秒淡出", "结尾用3秒淡出"),
}


def _fade_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for (fade_in, fade_out), messages in (*_FADES_EN.items(), *_FADES_ZH.items()):
        for message in messages:
            want: dict[str, Any] = {"do": "set_fade", "segment_id": None}
            want.update({k: v for k, v in (("fade_in_ms", fade_in), ("fade_out_ms", fade_out)) if v is not None})
            cases.append({"msg": message, "expect": [want]})
    return cases


# ---- speed ---------------------------------------------------------------------------------------------------
_SPEEDS_EN = {
    0.5: ("half speed", "0.5x", "50% speed", "slo-mo", "slow mo", "slow motion", "slowmo", "0.5x speed", "half the speed"),
    2.0: ("2x", "double speed", "twice as fast", "2x speed", "200% speed", "2 times faster"),
    0.25: ("quarter speed", "0.25x", "25% speed"),
    1.5: ("1.5x", "1.5x speed", "150% speed", "one and a half times speed"),
    3.0: ("3x", "triple speed", "3x speed", "three times as fast"),
    0.75: ("0.75x", "75% speed", "three quarter speed"),
}
_SPEED_EN = ("make the dog clip {w}", "put the dog clip at {w}", "can you make the dog part {w} please",
             "the dog clip in {w}", "dog clip {w} pls", "i want the second clip {w}", "set clip 2 to {w}")
_SPEEDS_ZH = {0.5: ("0.5倍速", "半速", "慢动作", "零点五倍速", "0.5倍"), 2.0: ("2倍速", "两倍速", "二倍速", "双倍速度", "2倍"),
              1.5: ("1.5倍速", "一点五倍速", "1.5倍"), 3.0: ("3倍速", "三倍速")}
_SPEED_ZH = ("狗那段改成{w}", "把第二段调成{w}", "第二个片段{w}播放", "狗的那段视频变{w}", "帮我把狗那段弄成{w}")
_SPEED_PHRASES = {  # whole messages: (segment_id, speed)
    ("s2", 0.5): ("slow the dog clip down to half speed", "the dog clip in slow motion please", "slo-mo the dog clip",
                  "put the dog part in slow mo", "狗那段放慢一半", "狗那段慢放", "狗那段放慢到0.5倍", "狗那段改成慢镜头"),
    ("s2", 2.0): ("speed up the dog clip 2x", "double the speed of the dog clip", "make the dog clip twice as fast",
                  "fast forward the dog clip", "狗那段加速两倍", "狗那段快进", "狗那段加快一倍", "狗那段加速到2倍"),
    ("s2", 1.5): ("speed the dog clip up to 1.5x", "狗那段加速到1.5倍", "狗那段1.5倍速播放"),
    (None, 0.5): ("slow motion on everything", "make the whole video half speed", "整个视频放慢一半", "全部慢放",
                  "all clips at half speed"),
    (None, 2.0): ("speed up the whole video 2x", "make the whole thing twice as fast", "整个视频两倍速", "全部加速到2倍"),
    (None, 1.0): ("back to normal speed", "reset the speed", "恢复正常速度", "速度改回正常", "remove the slow motion"),
}


def _speed_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for speed, words in _SPEEDS_EN.items():
        for word in words:
            for template in _SPEED_EN:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_speed", "segment_id": "s2",
                                                                          "speed": speed}]})
    for speed, words in _SPEEDS_ZH.items():
        for word in words:
            for template in _SPEED_ZH:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_speed", "segment_id": "s2",
                                                                          "speed": speed}]})
    for (segment_id, speed), messages in _SPEED_PHRASES.items():
        for message in messages:
            cases.append({"msg": message, "expect": [{"do": "set_speed", "segment_id": segment_id, "speed": speed}]})
    return cases


# ---- camera motion -------------------------------------------------------------------------------------------
_MOTIONS_EN = {
    "zoom_in": ("zoom in", "slow zoom in", "push in", "slow push in", "dolly in", "ken burns effect", "punch in",
                "zoom in slowly", "creep in"),
    "zoom_out": ("zoom out", "slow zoom out", "pull out", "pull back", "dolly out", "zoom out slowly"),
    "pan_left": ("pan left", "slow pan to the left", "truck left", "pan to the left"),
    "pan_right": ("pan right", "slow pan to the right", "truck right", "pan to the right"),
    "pan_up": ("tilt up", "pan up", "slow tilt up"),
    "pan_down": ("tilt down", "pan down"),
}
_MOTION_EN = ("add a {w} on the dog clip", "can the dog clip have a {w} please", "i want a {w} on the second clip",
              "give the dog part a {w}", "do a {w} on the dog clip")
_MOTIONS_ZH = {
    "zoom_in": ("推镜头", "慢慢推近", "缓慢放大", "推进", "镜头推近", "放大效果"),
    "zoom_out": ("拉镜头", "慢慢拉远", "缓慢缩小", "拉远", "镜头拉远", "缩小效果"),
    "pan_left": ("向左摇", "往左平移", "镜头左移", "向左移动"),
    "pan_right": ("向右摇", "往右平移", "镜头右移", "向右移动"),
    "pan_up": ("往上摇", "向上移动", "镜头上移"),
    "pan_down": ("往下摇", "向下移动", "镜头下移"),
}
_MOTION_ZH = ("狗那段加个{w}", "给第二段加一个{w}的效果", "狗那段的画面{w}", "帮我把狗那段做成{w}")
_MOTION_PHRASES = {
    ("s2", "none"): ("remove the zoom on the dog clip", "stop the camera moving on the dog clip", "no camera motion on the dog clip",
                     "狗那段不要运镜", "去掉狗那段的缩放", "狗那段画面别动了"),
    (None, "none"): ("remove the camera motion", "no zoom", "turn off the ken burns", "去掉运镜效果", "所有片段都不要运镜"),
}


def _motion_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for motion, words in _MOTIONS_EN.items():
        for word in words:
            for template in _MOTION_EN:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_motion", "segment_id": "s2",
                                                                          "motion": motion}]})
    for motion, words in _MOTIONS_ZH.items():
        for word in words:
            for template in _MOTION_ZH:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_motion", "segment_id": "s2",
                                                                          "motion": motion}]})
    for (segment_id, motion), messages in _MOTION_PHRASES.items():
        for message in messages:
            cases.append({"msg": message, "expect": [{"do": "set_motion", "segment_id": segment_id, "motion": motion}]})
    return cases


# ---- a clip's own sound --------------------------------------------------------------------------------------
_MUTE_EN = ("mute the dog clip", "silence the dog clip", "kill the audio on the dog clip", "turn off the sound of the dog clip",
            "no sound on the dog clip please", "remove the audio from the dog clip", "the dog clip should be silent",
            "take the sound off the dog clip", "mute the second clip pls", "strip the audio from the dog part",
            "turn the dog clip's audio off", "get rid of the dog clip's original sound")
_MUTE_ZH = ("狗那段静音", "把狗那段的声音关掉", "狗那段原声去掉", "第二段消音", "狗的片段不要声音", "把狗那段的原音关了",
            "狗那段的声音去掉吧", "帮我把第二段静音一下")
_UNMUTE_EN = ("unmute the dog clip", "bring back the dog clip's sound", "turn the dog clip's audio back on",
              "put the sound back on the dog clip")
_UNMUTE_ZH = ("狗那段取消静音", "狗那段的声音开回来", "把狗那段的原声恢复", "狗那段声音打开")
_VOLUMES = {0.3: ("30%", "30 percent", "thirty percent"), 0.5: ("50%", "half", "half volume"), 0.2: ("20%", "twenty percent")}
_VOLUME_EN = ("turn the dog clip's sound down to {w}", "set the dog clip volume to {w}", "the dog clip's audio at {w}",
              "dog clip original sound {w}")
_VOLUMES_ZH = {0.3: ("30%", "百分之三十", "三成"), 0.5: ("50%", "一半", "百分之五十"), 0.2: ("20%", "两成")}
_VOLUME_ZH = ("狗那段原声调到{w}", "狗那段的声音调到{w}", "第二段音量改成{w}", "狗的片段原音调成{w}")


def _sound_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for message in _MUTE_EN + _MUTE_ZH:
        cases.append({"msg": message, "expect": [{"do": "set_clip_audio", "segment_id": "s2", "volume": 0.0}]})
    for message in _UNMUTE_EN + _UNMUTE_ZH:
        cases.append({"msg": message, "expect": [{"do": "set_clip_audio", "segment_id": "s2", "volume": 1.0}]})
    for volume, words in _VOLUMES.items():
        for word in words:
            for template in _VOLUME_EN:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_clip_audio", "segment_id": "s2",
                                                                          "volume": volume}]})
    for volume, words in _VOLUMES_ZH.items():
        for word in words:
            for template in _VOLUME_ZH:
                cases.append({"msg": template.format(w=word), "expect": [{"do": "set_clip_audio", "segment_id": "s2",
                                                                          "volume": volume}]})
    return cases


CASES = [*_transition_cases(), *_fade_cases(), *_speed_cases(), *_motion_cases(), *_sound_cases()]


def test_motion_grid_is_understood() -> None:
    failures = grid_failures(CASES)
    assert not failures, f"{len(failures)} of {len(CASES)}:\n" + "\n".join(failures)


if __name__ == "__main__":
    found = grid_failures(CASES)
    print("\n".join(found))
    print(f"{len(found)} of {len(CASES)} wrong")
