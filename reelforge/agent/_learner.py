"""English as a second language, read as meant: the grammar and vocabulary of a writer whose first language is not
English (or of dictation), rewritten to the plain English the rules read.

Each rewrite is a class of phrasing, not a message: a topicalised object ("the music put it in 20 percent"),
comparatives with "more"/"too much" ("more late", "too much fast", "2 times more loud"), "in"/"of" for place and time
("in the second 5", "in the final", "in the up part of the screen", "before of"), false friends and literal verbs
("quit the music", "eliminate", "return two steps back", "take away", "silence"), "i want that ...", "do for me",
"can you to", Indian English ("do the needful", "... itself", "little bigger only") and dictation slips ("the tidal"
for the title, "make it read" for red, "than" for then, "quite" for quiet, "the last to seconds", "half it" for halve it).

It runs on the lowercased message with its quotes already held as placeholders (``⟪0⟫``), before spelling and
number words: a title's or a narration's quoted words are never rewritten. Every rewrite is anchored on the editor's
own nouns (title, music, clip, ...) or on a grammar that a scene description does not use, so an unquoted generation
prompt ("a tidal wave at night", "a girl who quit her job") keeps its words; none turns an edit into a generation.

One table, one pass: the rewrites of clips, time and speed ("cut the two first seconds", "0.75 of speed", "in the
very end") sit beside the others, and the last few read what the table has already made plain (the object said
before its verb, "the last one" after "the first 2 seconds"). Number words may still be words here (``normalize``
runs after), so a rule that counts seconds takes both.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["learner_en", "wished_done"]

# the editor's nouns a learner's sentence is built around
_THING = (r"title|tidal|text|subtitles?|captions?|music|song|soundtrack|sound|audio|voice(?:-?over)?|narration|clips?|"
          r"video|videos|photo|picture|image|transitions?|crossfade|fade|speed|slow motion|zoom|camera|movement|"
          r"letters|words")
# an object named before its verb, then said again as a pronoun: "the music put it in 20 percent", "the subtitles put
# them white", "the sound original of city put it to 30 percent" (after a comma: ``_text._topic_first``)
_TOPICALISED = re.compile(
    rf"(^|[,;]\s*|\band\s+|\bplease\s+)((?:the|my|this|that|all the|all)\s+(?:[\w'-]+\s+){{0,4}}?(?:{_THING})"
    r"(?:\s+(?:of|from)\s+(?:the\s+|my\s+|me\b\s*)?[\w-]+(?:\s+clip)?)?)\s+"
    r"(put|make|set|change|turn|move|take|give|cut|trim|delete|remove|mute|leave|bring|do)\s+(?:it|them|him|her)\b")

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|"
                 r"thirty")

_COLOURS = r"red|white|black|yellow|blue|green|orange|purple|pink|gray|grey|gold|silver"

# "her" as the object a learner calls a clip ("cut her 4 seconds", "make her faster"), not "her" before a noun ("a boy
# hugging her mother", "a close-up of her face": a scene's words)
_HER_OBJECT = (r"her(?!\s+(?!(?:a|an|the|and|or|to|at|in|on|by|for|from|with|please|more|less|then|too|very|so|back|again|"
               r"off|out|up|down|a bit|faster|slower|bigger|smaller|louder|quieter|shorter|longer|earlier|later)\b)[a-z])")

_PRESENT = {"appearing": "appears", "starting": "starts", "coming": "comes", "beginning": "begins", "ending": "ends",
            "finishing": "ends"}
# a rewrite is a replacement string or a function of the match
_Replacement = str | Callable[[re.Match[str]], str]

_ACTIVE = {"slowed down": ("slow", "down"), "sped up": ("speed", "up"), "muted": ("mute", ""), "unmuted": ("unmute", "")}


# a wish said with the thing and what should be done to it: "i'd like the title removed", "i want the music turned down",
# "what i actually want right now is just the photo added at the end" (the request in the imperative)
_WISHED_DONE = {"added": "add", "removed": "remove", "deleted": "delete", "moved": "move", "muted": "mute", "unmuted": "unmute",
                "turned down": "turn down", "turned up": "turn up", "sped up": "speed up", "slowed down": "slow down",
                "trimmed": "trim", "shortened": "shorten", "changed": "change", "replaced": "replace", "swapped": "swap",
                "taken out": "take out", "faded out": "fade out", "faded in": "fade in", "lowered": "lower", "raised": "raise",
                "placed": "place", "put": "put", "cut": "cut", "made": "make", "brought": "bring", "exported": "export",
                "enlarged": "enlarge", "doubled": "double", "halved": "halve", "cropped": "crop", "reversed": "reverse"}
_WISHED = re.compile(r"^(?:(?:so|and|but|also|now|ok|okay)\s+)*(?:what )?(?:(?:i|we) (?:actually |really |just )?(?:want|need)|"
                     r"(?:i|we)(?:'d|’d| would) (?:actually |really |just )?(?:like|love|prefer|want))(?: right now| now| today)?(?: is)? "
                     r"(?:just |for |only )?((?:the|my|this|that|both|all the|all) [\w' -]+?) "
                     rf"({'|'.join(sorted(_WISHED_DONE, key=len, reverse=True))})\b", re.IGNORECASE)


def _wished_done(match: re.Match[str]) -> str:
    """"i'd like the title removed" as the request: "remove the title"."""
    return f"{_WISHED_DONE[match.group(2).lower()]} {match.group(1)}"


def wished_done(text: str) -> str:
    """``text`` with a wish said as the thing and its participle in the imperative ("i'd like the title removed"); the
    hedges read it before "i'd like the music to ..." becomes "have the music ..." (``_hedges.plain``)."""
    return _WISHED.sub(_wished_done, text)


def _active(passive: str, thing: str) -> str:
    """"slowed down" said of ``thing`` as the request: "slow down the dog clip", "slow it down"."""
    verb, particle = _ACTIVE[passive]
    if not particle:
        return f"{verb} {thing}"
    return f"{verb} {particle} {thing}" if thing.startswith("the ") else f"{verb} {thing} {particle}"


_REWRITES: tuple[tuple[re.Pattern[str], _Replacement], ...] = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    # --- punctuation dictated as words, before anything reads the clauses: "mute the dog clip comma make the title red
    # period", "remove the music full stop", "new line" (a phone's dictation writes them when it mishears the pause)
    (r"\s+comma\b\s*", ", "),
    (r"\s+(?:period|full stop|new line|new paragraph)(?=\s|$)\s*", ". "),
    (r"\s+question mark\b", "?"),
    (r"\s+exclamation (?:mark|point)\b", "!"),
    # a rambler telling what is uploaded before the wish: "so i uploaded a few things earlier, there's a photo from the beach
    # and a hiking video and a song, and what i actually want ..." (the list is what there is, never a request to add it)
    (r"^(?:so |ok so |okay so )?i(?:'ve| have)? (?:just |already )?uploaded (?:a few|some|several|a couple of|a bunch of) "
     r"(?:things|files|bits|clips|stuff|videos|photos)(?: earlier| already| before| just now| today)?,\s*there(?:'s| is| are) [^,]*,\s*"
     r"(?:(?:and|but|so)\s+)?", ""),
    # a wish said with the thing and what should be done to it, before anything reads "i'd like" (``_WISHED``)
    (_WISHED.pattern, _wished_done),
    # --- openers that ask nothing: "sorry my english is not good.", "kindly do one thing,", "do the needful and"
    (r"^(?:sorry,?\s+)?my english is (?:not (?:so |very )?good|bad|not perfect)[.,!]*\s*(?:but\s+)?", ""),
    (r"^sorry,?\s+(?:for )?my (?:bad )?english[.,!]*\s*", ""),
    (r"\b(?:kindly\s+)?do (?:one|1) thing[,:]?\s*", ""),
    (r"\b(?:please\s+)?do the needful(?:\s+and)?\s*", ""),
    (r"^dear,?\s+", ""),
    # someone else's wish, said before the request that makes it: "so my boss wants it shorter, can you cut the video to 12 s"
    (r"^(?:(?:so|and|ok|okay|well)\s+)*(?:my \w+|she|he|they|the client|people|everyone) (?:wants?|needs?|asked for|would like|says?) "
     r"(?:it|this|the video) (?:to be )?(?:a (?:bit|little) )?(?:shorter|longer|faster|slower|vertical|square|quicker)\s*[,.;]\s*"
     r"(?=(?:so |and )?(?:can you|could you|would you|please|pls|cut|trim|make|speed|slow|shorten))", ""),
    # someone else's judgement passed on: "so i showed this to my friend and she said the dog part is too fast, ..." (the
    # judgement is the request's reason, as the user's own would be)
    (r"(^|[.!]\s+)(?:(?:so|and|ok|okay|well)\s+)*(?:i (?:showed|sent|played) (?:it|this|the video) (?:to )?(?:my |a )?\w+(?: \w+)? and )?"
     r"(?:she|he|they|my \w+|people|everyone|someone|somebody|a friend) (?:said|says|thinks?|thought|told me|feels?|felt|mentioned)"
     r"(?: that)?\s+(?=(?:the|this|that|it|its|it's)\b)", r"\1"),
    (r"^(?:actually|basically),?\s+(?=the\b)", ""),
    # --- an article left out, as a hurried or a learner's message leaves it: "at start", "move title to top", "fade music
    # out", "dog clip only needs the first 3 seconds" (the editor's nouns only; "add music" and "make video of a cat" ask
    # for a new thing, and keep their words)
    (r"\b(at|from) (?=(?:start|end|beginning|ending)\b(?!\s+(?:it|them|the|my|this|with|on|by|at)\b))", r"\1 the "),
    (r"\b(at|to|on) (?=(?:top|bottom|middle)\b(?!\s+(?:of|it|them|the)\b)(?!-))", r"\1 the "),
    (r"\b(make|change|move|remove|delete|mute|unmute|fade|lower|raise|turn|set|loop|duck|shorten|trim|cut|speed up|slow down|"
     r"put|drop|swap|recolou?r|resize|center|centre) (?=(?:music|title|song|soundtrack|captions|subtitles|text|"
     r"crossfade|transitions?|voice-?over|narration)\b(?!\s+(?:of|about|that|which|for|with)\b))", r"\1 the "),
    (r"\b(mute|unmute|remove|delete|trim|cut|shorten|speed up|slow down|move|swap|fade|loop|crop|reverse) "
     r"(?=(?:first|second|third|last|dog|city|[a-z]+) clip\b(?!\s+(?:of|about|that|which|with)\b))(?!(?:a|an|the|my|this|that|each|"
     r"every|all|one|another|new|any|some) )", r"\1 the "),
    (r"(^|[,;.]\s*|\band\s+)(?=(?:(?:first|second|third|last|dog|city) clip|title|music|song|captions|subtitles)\s+"
     r"(?:only|just|needs|should|is|are|has|must|can|could|fades?|starts?|ends?|comes?)\b)", r"\1the "),
    # ("make whole video 12 seconds", "whole video 12 seconds": the video as a whole, said without its article, and its
    # length said with no verb is what it is cut to; "add photo at the start": the uploaded photo)
    (r"(^|[,;]\s*|\b(?:make|cut|trim|shorten|keep|speed up|slow down|mute|fade|for|of)\s+)(?:whole|entire) (video|thing|movie|film)\b",
     r"\1the whole \2"),
    (rf"^(?:the )?(?:whole|entire|full) (video|thing|movie|film|edit),? ((?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) ?(?:seconds?|secs?|s))"
     r"(?:\s+(?:long|total|only|max))?(?=\s*(?:$|[,.!]|please\b|pls\b))", r"make the whole \1 \2 long"),
    (r"\b(add|put|insert|place|use|include) (?=(?:photo|picture|pic|image)\b(?!\s+(?:of|about|that|which|with)\b))", r"\1 the "),
    # ("..., put at the start", "and place after the dog clip": the thing just named, its pronoun left out)
    (r"([,;]\s*|\b(?:and|then)\s+)(put|place|move|insert)\s+(?=(?:at|in|to|after|before)\s+(?:the\s+)?(?:(?:very\s+)?(?:start|end|beginning|"
     r"front|back)|first|last|second|[a-z]+\s+(?:clip|one|video|shot))\b)", r"\1\2 it "),
    # ("two seconds clip of a lightning storm", "add a 4 seconds clip of rain": the length said before the clip, plural)
    (rf"(\b(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})) (?:seconds|secs) (?=(?:long )?(?:clip|video|shot|scene|footage)\b(?!\s*(?:\d|one|two|three)\b))",
     r"\1 second "),
    # ("the second clip too long, make it 3 second only", "music too loud": a complaint with its "is" left out)
    (r"(^|[,;.]\s*|\b(?:but|and|so)\s+)((?:the|this|that|my) (?:[\w-]+ ){0,2}?(?:clip|video|part|one|shot|music|song|title|text|transition|"
     r"crossfade|fade|zoom)) ((?:way |much |a bit |a little |kind of |kinda )?(?:too|very|so) (?:long|short|fast|slow|quick|loud|quiet|big|"
     r"small|dark|bright|boring|abrupt)|(?:too much|so much) (?:long|fast|slow|loud))\b", r"\1\2 is \3"),
    # ("the photo 2 seconds only, at the start": "only" said after the length it limits)
    (rf"(?<!\bonly )(?<!\bof )(?<!\bfor )\b((?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) ?(?:seconds?|secs?)) only\b", r"only \1"),
    # ("cut the city clip down to half", "trim the video to half its length": half as long; it deleted the clip)
    (r"\b(?:cut|trim|shorten|chop|reduce|make)\s+((?:the|this|that|my) (?:[\w-]+ ){0,3}?(?:clip|video|one|part|shot|thing)|it|this|that)\s+"
     r"(?:down\s+)?to\s+(?:a\s+|the\s+)?half(?:\s+(?:of\s+)?(?:its|the|their)\s+(?:length|size|duration|time))?\b(?!\s+(?:speed|volume|second|sec))",
     r"make \1 half as long"),
    # ("add after this a clip of the same city in the morning", "put after the city a clip of a beach": the place said before
    # the new clip, as "add in the beginning a clip of ..." is)
    (r"^((?:(?:please|can you|could you|now|then|and)\s+)*(?:add|put|insert|place|stick))\s+((?:right |just )?(?:after|before) "
     r"(?:this|it|that|(?:the|this|that) (?:[\w-]+ ){0,2}?(?:clip|one|part|shot|video)|the [a-z]+))\s+"
     r"((?:a|an|another|one more) (?:[\w-]+ ){0,2}?(?:clip|shot|video|scene) (?:of|showing|with) .+)$", r"\1 \3 \2"),
    # ("generate another version of the dog clip but at night": a variation of that clip, a clip of its own)
    (r"^(?:(?:please|can you|could you)\s+)?(?:(?:generate|make|create|give me|do)\s+)?(?:an)?other (?:version|take|variation) of "
     r"((?:the|this|that) (?:[\w-]+ ){0,2}?(?:clip|one|shot|video)|it|this|that)\b,?", r"make another one like \1"),
    # ("start black and fade in 2 seconds", "end white": an end of the video on that colour)
    (r"\b(start|begin|open|end|finish)(s)? (black|white)\b(?! (?:and white|and black|screens?|text|titles?|letters|background|bg|"
     r"frames?|cards?|slates?)\b)", r"\1\2 on \3"),
    # ("i liked it more before you muted the second clip": the step named by its verb, its clip only what it was done to)
    (r"\b(before (?:i|you|we) (?:muted|unmuted|silenced)) (?:the|that|my) (?:[\w-]+ ){0,2}?(?:clip|one|part|video|shot)\b", r"\1 it"),
    (r"\bbefore (?:i|you|we) (muted|unmuted|silenced) (?:the|my) (music|song|bgm|voice-?over|narration)\b", r"before the \2 was \1"),
    # ("at 0:10 there is a cut, put a dissolve there": where the cut is, said before what goes on it; never a trim there)
    (r"(^|[,.;]\s*)(?:(?:at|around) [\d:.]+(?: ?(?:seconds?|secs?|s))?,? )?there(?:'s| is) (?:a|the|one) (?:cut|jump|hard cut)"
     r"(?: (?:at|around) [\d:.]+(?: ?(?:seconds?|secs?|s))?)?\s*(?:[,.;]\s*|\band\s+|\bso\s+)(?=(?:please |can you |could you )?(?:put|add|use|make|place))",
     r"\1"),
    # ("slow down everything to 75%", "speed the dog up to 150 percent": a share said with the speed's verb is the speed)
    (r"\b((?:slow|speed) (?:(?:it|them|this|everything|all|the [\w ]{1,25}?) )?(?:down|up)(?: (?:everything|all|the [\w ]{1,25}?))? to "
     r"\d+(?:\.\d+)?)\s*(?:%|percent)(?!\s*(?:speed|of))", r"\1% speed"),
    # ("one more clip before everything: a sunrise", "please put the dog video in the first place": the video's ends)
    (r"\bbefore (?:everything|all(?: the (?:clips|rest))?|all of it|the whole (?:video|thing))\b(?! else)", "at the start"),
    (r"\b((?:put|move|place|set|have) .+?) in (?:the )?(first|last|1st) (?:place|position|spot)\b", r"\1 \2"),
    # ("i want 3 seconds of the dog clip": that much of the clip kept; it generated a clip of a dog)
    # ("just give me 4 seconds of the dog video", "can i have 5 seconds of the dog part": the same wish)
    (rf"\b(?:i (?:want|need|would like)|i'd like|(?:just |only )?give me|(?:can|could) i (?:have|get|keep)|let me have|i'll take) (?:just |only )?((?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) ?(?:seconds?|secs?|s) of (?:the|this|that|my) (?:[\w-]+ ){{0,3}}?"
     r"(?:clip|one|part|shot|footage|video))\b", r"i only want \1"),
    # ("put my video in front of the city clip": before it; "a dog in front of a fireplace" keeps its words)
    (r"\bin front of ((?:the|this|that) (?:[\w-]+ ){0,2}?(?:clip|one|video|shot|part))\b", r"before \1"),
    # ("the clip is too slow, double it": its speed, as "that's too slow, double speed" says it)
    # (only the way that fixes it: "too slow, half that" right after a transition is its length)
    (r"(\btoo slow\b[^,.;]*[,.;]\s*)(?:just |so )?double it\b|(\btoo (?:fast|quick)\b[^,.;]*[,.;]\s*)(?:just |so )?(?:halve|half) it\b",
     lambda m: f"{m.group(1)}double speed" if m.group(1) else f"{m.group(2)}half speed"),
    # --- a clip named, then the part of it wanted: "the dog clip only needs the first 3 seconds", "the dog clip, only the
    # first 3 seconds" ("i only want the first 3 seconds of the dog clip" as a request says it)
    (r"^((?:the|my|that|this) (?:[\w-]+ ){0,2}?(?:clip|part|one|shot|video)),? (?:only|just) (?:needs|need|wants?) (?:the )?"
     r"(first|last) (\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten) (seconds?|secs?|s)$|"
     r"^((?:the|my|that|this) (?:[\w-]+ ){0,2}?(?:clip|part|one|shot|video)),? (?:only|just) the (first|last) (\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten) "
     r"(seconds?|secs?|s)$",
     lambda m: f"keep only the {m.group(2) or m.group(6)} {m.group(3) or m.group(7)} {m.group(4) or m.group(8)} of "
               f"{m.group(1) or m.group(5)}"),
    # --- "can you to remove", "please to put", "make the title to appear": the bare verb
    (r"\b(can|could|would|will) (you|u) (?:please )?to\b", r"\1 \2"),
    (r"\bplease to\b", "please"),
    (r"\b(and|,) to (?=(?:put|make|remove|delete|add|change|move|cut)\b)", r"\1 "),
    (r"\b(make|let|have) ((?:the|my|this|that)\s+(?:[\w-]+\s+){0,2}?(?:title|text|music|song|clip|video|one|part|shot|subtitles|captions)|"
     r"(?:the )?(?:first|second|third|last) (?:clip|one|video)|it|them) to (be\s+)?", r"\1 \2 "),
    # --- "do for me a video of", "make for me": the plain verb
    (r"\b(do|make|create) for me\b", r"\1"),
    (r"\bdo me (?=(?:a|an|one)\b)", "make "),
    (r"^(?:please\s+)?do (a|an|one) (video|clip)\b", r"make \1 \2"),
    (r"\b(make|create|generate) one (video|clip)\b", r"\1 a \2"),
    (r"\bone (video|clip|photo|picture|shot)(?= of\b)", r"a \1"),
    # --- Indian English: "... itself" / "... only" closing a request adds nothing; "little bigger" is "a little"
    (r"\s+itself(?=\s*(?:[,.!?]|$|\band\b|\bplease\b))", ""),
    (r"(?<=er) only(?=\s*(?:[,.!?]|$|\band\b|\bplease\b))", ""),
    (r"(?<![a\w] )\b(?<!a )little (?=\w+er\b)", "a little "),
    # --- false friends and literal verbs
    (r"\b(?:quit|take off) (?=(?:the|this|that|all the|my)\s+(?:[\w-]+\s+){0,2}?(?:" + _THING + r"|slow motion|effects?|transitions?)\b)",
     "remove "),
    (r"\beliminate (?=(?:the|this|that|all|every|my|clip|title|music|it|them)\b)", "delete "),
    (r"\bsilence (?=(?:the|all|this|that|every|clip|my)\b)", "mute "),
    (r"\btake away (?=(?:the|this|that|all)\b)", "remove "),
    (r"\breturn (\w+) steps? (?:back|behind|before)\b", r"undo \1 steps"),
    (r"\b(?:return|go) (?:one|a|1) step (?:back|behind)\b", "undo"),
    (r"\b(?:do|make) again (?:what|the thing) (?:you|i) (?:undo|undid|undone|cancel(?:led)?)\b", "redo"),
    (r"\breturn the (sound|audio) of\b", r"unmute"),
    (r"\bi (?:not|no) (want|like|need)\b", r"i don't \1"),
    # --- "i want that the title disappear": the thing wished for
    (r"\bi (?:want|would like|wish) that (?=(?:the|my|this|all)\b)", "make "),
    # --- comparatives: "too much fast", "more late", "2 times more loud", "how much long"
    (r"\btoo much (?=(?:fast|slow|quick|long|short|big|small|loud|quiet|low|high|strong|bright|dark)\b)", "too "),
    (r"\bmore late\b", "later"),
    (r"\bmore early\b", "earlier"),
    (r"\bhow much (?=(?:long|time)\b)", "how "),
    (r"\bhow (?:long|much time) (?:is|has|lasts?|dures?) (?:the|my) video(?: now)?\b", "how long is the video"),
    # a rambler's indecision before the wish: "i keep going back and forth on this but i think in the end the title should
    # just go" ("in the end" here is how the thinking ended, never where)
    (r"^i(?:'ve| have)? (?:keep|kept|been|was) going back and forth(?: (?:on|about) (?:this|it))?\s*,?\s*(?:but|and|so)?\s*", ""),
    (r"(^|\b(?:think|guess|reckon|so|but|and)\s+)in the end,? (?=(?:the|i|we|it|let'?s|just|maybe)\b)", r"\1"),
    # --- place and time: "in the up part of the screen", "in the final", "in the second 5", "before of"
    (r"\b(?:in|on|at) the (?:up|upper|top) part(?: of the (?:screen|video|image))?\b", "at the top"),
    (r"\b(?:in|on|at|to) the (?:down|low|lower|bottom) part(?: of the (?:screen|video|image))?\b", "at the bottom"),
    (r"\b(?:in|on|at|to) the (?:middle|center|centre) part(?: of the (?:screen|video|image))?\b", "in the center"),
    (r"\bin (?:the (?:very )?(?:final|finish)(?: of (?:the )?video)?\b(?!,? (?:i|we|it)\b)|"
     r"final(?: of (?:the )?video)?(?=\s*(?:[,.!?]|$|\band\b|\bfor\b|\bplease\b)))", "at the end"),
    (r"\b(?:in|on) the (?:very )?(end|start|beginning) of (?:the |my )?video\b", r"at the \1"),
    (r"\b(?:in|on) the (?:very )?(?=(?:end|ending|start|beginning)\b)", "at the "),
    (r"\bin end\b", "at the end"),
    (rf"\b(?:in|on|at) (?:the )?second (?!one\b)(\d+(?:\.\d+)?|{_NUMBER_WORDS})\b(?! (?:clip|one|video|part|shot|scene|half)\b)",
     r"at second \1"),
    (r"\b(before|after) of\b", r"\1"),
    # "dip to black between them", "a dissolve between those two": the two things a transition goes between are the clips
    (r"\bbetween (?:them|those|these|both(?: of them)?|the two|those two|these two)(?=\s*(?:[,.!?]|$|\band\b|\bplease\b|\bpls\b))",
     "between the clips"),
    # --- questions without inversion: "what things you can do?", "what styles of music you have", "which sounds effects"
    (r"^(what|which) (?:things|stuff) (?:you|u) can do\b", "what can you do"),
    (r"\b(what|which) ((?:(?!(?:do|does|did|can|could|would|will|are|have)\b)[\w-]+\s+){0,3}?)(?:you|u) (have|offer|support|can do)\b",
     r"\1 \2do you \3"),
    (r"\bsounds effects\b", "sound effects"),
    (r"\b(effects?|styles?|types?|kinds?) of (transition|music|sound|text|title|font|voice)s?\b", r"\2 \1"),
    (r"[.?!,]?\s*i(?: am|'m) new(?: here| user| in this)?\s*[.!]*$", ""),
    # --- adjectives after their noun: "box black", "letters white", "speed normal", "the sound original of city"
    # (not a colour of two words: "background blue grey", "bg blue-green")
    # ("the video background blue" stays the picture's: the canvas reads it so)
    (rf"(?<!video )(?<!canvas )(?<!picture )\b(box|background|letters|text|font|bg)\s+({_COLOURS})\b(?![\s-]+(?:{_COLOURS})\b)", r"\2 \1"),
    (r"\bspeed normal\b", "normal speed"),
    (r"\b(?:the )?(sound|audio) original of (?:the )?(\w+)(?: clip)?\b", r"the original sound of the \2 clip"),
    (r"\bthe (song|music|video|photo|picture|voice) of me\b", r"my \1"),
    (r"\ba voice of (man|woman|a man|a woman|male|female|boy|girl|child|kid)\b",
     lambda m: f"a {m.group(1).removeprefix('a ')} voice"),
    (r"\b((?:voice|narrator|narration|man|woman)) (?:that|who) (?:say|says|read|reads|tell|tells)\b", r"\1 that says"),
    (r"\b(voice|narrator) (?:say|says)\b(?=\s*[:⟪])", r"\1 saying"),
    # --- "frames for second", "0.75 of speed", "the half of long", "the two first seconds"
    (r"\bframes? (?:for|by|in a|in|each|a|per) second\b", "fps"),
    (r"\b(\d+(?:\.\d+)?) of (?:the )?speed\b", r"\1x speed"),
    (r"\bthe half of (?:the )?(long|short|length|time|duration)\b", "half as long"),
    (rf"\b(?:the )?(\d+|{_NUMBER_WORDS}) (first|last) (seconds?|secs?)\b", r"the \2 \1 \3"),
    (r"\bi (?:want|need|wish) only (?=the (?:first|last|middle)\b)", "keep only "),
    (r"\b(?:only )?cuts? (?:direct|directly|dry|simple|straight|normal)\b|\bdirect cuts?\b|(?<!hard )\bcuts only\b",
     "only hard cuts"),
    # "no transition please, just cut", "just a cut, no transitions": the cut said once beside the transitions turned down
    (r"(\bno transitions?\b[^⟪]*?[,;.]\s*(?:and )?)(?:just|only) (?:a )?(?:plain |simple |normal )?cut\b(?=\s*(?:[,.!]|$|please\b|pls\b))|"
     r"(^|[,;.]\s*)(?:just|only) (?:a )?(?:plain |simple |normal )?cut(?=\s*(?:please\s*|pls\s*)?[,;.]\s*(?:and )?no transitions?\b)",
     lambda m: f"{m.group(1) or m.group(2) or ''}only hard cuts"),
    (r"\b(speed (?:of [\w ]+? )?(?:to|at) \d+(?:\.\d+)?)(?![\d.]|\s*(?:x\b|%|percent|times|seconds?|secs?|s\b))", r"\1x"),
    # --- "him"/"her" for a clip, a title: "cut him 4 seconds", "the beginning of him"
    (rf"\b(cut|trim|shorten|mute|move|delete|remove|erase|put|make|speed up|slow down|of|from|to) (?:him|{_HER_OBJECT})\b",
     r"\1 it"),
    # --- literal verbs of coming and going: "the title enter slowly", "the music go out slowly", "disappear slowly"
    (r"\b(?:enter|enters|come in|comes in|appear|appears|entry|coming in)(?: very)? (?:slowly|slow|softly|soft|gradually|little by little)\b",
     "fade in"),
    (r"\b(?:go out|goes out|exit|exits|disappear|disappears|vanish|vanishes|leave|leaves|go away|goes away)(?: very)? "
     r"(?:slowly|slow|softly|soft|gradually|little by little)\b", "fade out"),
    (r"(?:\b(?:the )?(?:end|video|film|movie|whole thing|edit)|^(?:it|this|everything)(?: just)?) (?:finish(?:es)?|ends?|stops?) (very |too |so |really |a bit )?(?:sudden(?:ly)?|abrupt(?:ly)?)\b",
     r"the ending is \1sudden"),
    (r"\b(?:finish(?:es)?|stops?|ends?|cuts? (?:off|out)) (very |too |so |really |a bit |kind of |kinda )?(?:sudden(?:ly)?|abrupt(?:ly)?)\b"
     r"(?: at the (?:very )?end\b)?", r"ends \1suddenly"),
    (r"\bis (appearing|starting|coming|beginning|ending|finishing)\b", lambda m: _PRESENT[m.group(1)]),
    (r"\b(put|set|turn|bring|lower)( it| them| the \w+)? (?:at|in|to) (?:a )?half\b(?! (?:a |an |of |the |speed|seconds?|minutes?|times?))",
     r"\1\2 at 50%"),
    (r"\b(?:put|set) (?:it )?in (a quarter|a third|\d+(?:\.\d+)? ?(?:%|percent))", r"put it at \1"),
    (r"\b(put|set|leave) (it|them) (\d+(?:\.\d+)? ?(?:%|percent))", r"\1 \2 at \3"),
    (r"\bmake (?:more )?(faster|slower|bigger|smaller|louder|quieter|shorter|longer)\b(?! (?:the|my|this|that|all|clip|title|music)\b)",
     r"make it \1"),
    # --- "make more fast", "is too much fast now": the object left out
    (r"\bmake ((?:more )?(?:fast|slow|big|small|loud|quiet|short|long)|faster|slower|bigger|smaller|louder|quieter|shorter|"
     r"longer)\b(?! (?:the|my|this|that|all|clip|title|music|motion|mo)\b)", r"make it \1"),
    (r"^is (?=(?:too|very|so|a bit|a little|really|kind of)\b)", "it is "),
    (r",\s*is (?=(?:not|too|very|so|a bit)\b)", ", it's "),
    (r"^why (the [\w ]+?) (?:is|are) so (\w+)\s*\?\s*", r"\1 is too \2, "),
    # --- the whole video before its verb: "all the video put in speed normal again"
    (r"(^|,\s*|\band\s+)((?:all the|the whole|the entire|all|the) (?:video|clips?|film|movie)) (put|make|set|turn) (?!it\b|them\b)",
     r"\1\3 \2 "),
    (r"\b(?:put|make|set) (all the video|the whole video|all the clips) in (normal speed)\b", r"put \1 back to \2"),
    (r"^(the (?:speed|volume|size|colou?r|duration|length) of [\w ]+? (?:to|at) )", r"set \1"),
    # --- a place said before the thing: "between the clips put a transition of wipe", "add in the beginning a clip of"
    (r"^between the clips,? (put|add|use|make|insert) ([^,]+)", r"\1 \2 between the clips"),
    (r"^((?:please )?(?:add|put|insert)) ((?:in|at) the (?:very )?(?:beginning|start|end)) ((?:a|an|one|my|the|another|one more) [^,]+)",
     r"\1 \3 \2"),
    (r"\ba transition of (?!fade to\b)([a-z]+)(?:(?: to the| to)? (left|right|up|down))?\b",
     lambda m: f"a {m.group(1)}{' ' + m.group(2) if m.group(2) else ''} transition"),
    # --- "change the first clip for one video of rain", "change the city for my photo": a replacement
    (r"\bchange ((?:the|this|that) (?:[\w-]+ ){0,2}?(?:clip|video|one|shot|scene|city|dog|photo|picture)|this|that) "
     r"(?:for|with|by) (?=(?:one|a|an|my|the) (?:[\w-]+ )?(?:video|clip|photo|picture|image|shot)\b|my\b)", r"replace \1 with "),
    (r"\bchange ((?:the|this|that) (?!(?:title|text|caption|music|song|voice|colou?r|font|speed|volume|transition)\b)"
     r"[\w ]{1,30}?) (?:for|with) (?=(?:my|the|a|an) )", r"replace \1 with "),
    # --- all along: "during all the video", "in all the video"
    (r"\b(?:during|in|on|for) (?:all|the whole|the entire) (?:the )?(?:video|film|movie)\b", "throughout the video"),
    (r"\bin (?:every|each) change of (?:clips?|scenes?|shots?)\b", "at every cut"),
    (r"\b(subtitles|captions) of the (?:type|style|kind) (.+?)(?=\s*(?:[,.!]|$|\band\b|\bplease\b))", r"\2 \1"),
    (r"\bword for word\b", "word by word"),
    (r"\band not (?:repeat|loop)(?: it)?\b", "and don't loop it"),
    # --- the camera's moves said literally: "put the camera move to the left", "do the camera go up", "the picture of the
    # city move to the right", "make zoom out slow", "take away the movement of camera"
    (r"^do the camera\b", "make the camera"),
    (r"\bcamera (?:move|moves|moving|go|goes|going|turn|turns) (?:to the |to |in )?(left|right|up|down)\b", r"camera pan \1"),
    (r"\bthe (?:picture|image|video|clip|shot) of the (\w+) (?:move|moves|go|goes) (?:to the |to )?(left|right|up|down)\b",
     r"pan \2 on the \1 clip"),
    (r"^(?:(?:please|can you) )?(?:put|make|let) the camera (?:to )?(?:move|go|pan|turn)s? (?:to )?(?:the )?(left|right|up|down)\b",
     r"pan \1"),
    (r"^(?:the )?(?:picture|image|camera|shot) (?:of|in|on) (the [\w ]+?) (?:moves?|goes?|go|pans?|turns?) (?:to )?(?:the )?"
     r"(left|right|up|down)\b", r"pan \2 on \1"),
    (r"\bmake (?:the )?(zoom (?:in|out)|pan (?:left|right|up|down)) (?:slow|slowly)\b", r"make a slow \1"),
    (r"\bthe (?:movement|motion|moving) of (?:the )?camera\b", "the camera motion"),
    (r"\b(?:remove|delete|eliminate|take away|take out|quit) the camera (?:movement|motion|moves)\b", "stop the camera motion"),
    (r"\bthe camera (?:movement|move)\b(?! (?:to|left|right|up|down)\b)", "the camera motion"),
    # --- "the title also": the object's "also" said after it
    (r"\band (the [\w ]+?) also(?=\s*(?:[,.!]|$|\bplease\b))", r"and also \1"),
    (r"\b(?:2|two) times (?:more )?(?:loud|louder)\b", "twice as loud"),
    (r"\b(\d+|two|three|four|five|ten) (seconds?|secs?) more\b", r"\1 \2 longer"),
    (r"\b(down|up|louder|quieter|lower|higher|softer) (\d+(?:\.\d+)? ?(?:%|percent))", r"\1 by \2"),
    (r"\b(title|text) of (\d+(?:\.\d+)?|a|one|two|three|four|five) (seconds?|secs?)\b", r"\1 for \2 \3"),
    (r"^(?:which|what) ((?:[\w-]+ ){0,2}?(?:transitions|effects|sounds|styles|fonts|voices|colou?rs|formats|motions)) "
     r"(?:is|are) (?:possible|available|there|supported)\b", r"what \1 do you have"),
    (r"\bfade (in|out),? (?:like |about |around |in |during )?(\d+(?:\.\d+)?|one|two|three|four|five) (seconds?|secs?)\b",
     r"fade \1 over \2 \3"),
    # --- "take out 3 seconds" is a cut (not the clip removed); "save a copy" an export; "create a clip: ..." its scene
    (r"\b(?:take (?:out|off|away)|remove|quit|eliminate) ((?:the )?(?:first |last )?(?:\d+(?:\.\d+)?|a|one|two|three|four|five) "
     r"(?:seconds?|secs?))\b", r"cut \1"),
    (r"\bsave (?:a|one) copy\b", "export a copy"),
    (r"\b(create|make|generate|add) (a|one|an other|another) (clip|video)\s*:\s*(?=(?:a|an|the|one|some|two)\b)", r"\1 a \3 of "),
    (r"\b(caption|subtitle|transcribe) the things? (?:that|which) ", r"\1 what "),
    (r"^(?:the video|it|this|the clip) has (?:the )?(music|sound|voice) (?:very |too |so |a bit )?(strong|loud|high|low|quiet)\b",
     r"the \1 is too \2"),
    (r"\b(make|turn|put|keep|leave) (the (?:background )?(?:music|song|soundtrack)) (?:quite|quiet|soft|low)(?=\s*(?:[,.!]|$|\band\b|\bplease\b))",
     r"\1 \2 quieter"),
    # --- a variation said literally: "one more like the dog but with a cat", "do again the second clip but in the night",
    # "make the same but with snow"
    (r"^one more (?=like\b)", "make another one "),
    (r"(?:^(?:please )?(?:do|make) (?:it )?|\bdo )again ((?:the|this|that) (?:[\w-]+ ){0,3}?(?:clip|one|video|shot|part)|it)\b",
     r"regenerate \1"),
    (r"^(?:please )?(?:make|do) the same(?: (?:clip|video|one|thing))? but\b", "make another one like it but"),
    # --- "make fade in and fade out": one fade at each end
    (r"(^|\b(?:add|make|put|do|want|with|need)\s+)(?:a\s+)?fade in and (?:a\s+)?fade out\b", r"\1a fade in and a fade out"),
    (r"\bof (maximum|max|best|highest|high|top|good|low|lowest|small|medium) (quality|resolution|size)\b", r"in \1 \2"),
    # --- "put title in the middle and fade in one second": a fade said with its length and no object, after a
    # request about the title, is the title's ("... and fade out at the end" stays the video's)
    (r"^((?:put|move|make|place|set|change)\s+(?:the\s+)?(?:title|text)\b[^,;]*?\band) fade (in|out)"
     r"(?=\s*(?:$|[,.!]|(?:over |in |of |for |during )?(?:\d|one|two|three|half|a second)))", r"\1 fade it \2"),
    # --- a size, a speed or a level said as a quantity to raise or lower: "increase the title size little bit",
    # "reduce the speed of second clip", "music volume down", "make the music volume less", "make speed double of"
    (r"(?<!\ba )\blittle bit\b", "a little bit"),
    (r"\b(?:increase|enlarge|raise) (?:the )?(?:font )?size of (the [\w ]+?|it|them)(?=\s*(?:$|[,.!]|\ba\b|\band\b|\bplease\b|\bby\b))",
     r"make \1 bigger"),
    (r"\b(?:reduce|decrease|lower) (?:the )?(?:font )?size of (the [\w ]+?|it|them)(?=\s*(?:$|[,.!]|\ba\b|\band\b|\bplease\b|\bby\b))",
     r"make \1 smaller"),
    (r"\b(?:increase|enlarge|raise) (the (?:title|text|subtitles?|captions?|letters?))(?:'s)? (?:font )?size\b", r"make \1 bigger"),
    (r"\b(?:reduce|decrease|lower) (the (?:title|text|subtitles?|captions?|letters?))(?:'s)? (?:font )?size\b", r"make \1 smaller"),
    (r"\b(?:reduce|decrease|lower) the speed(?: of)?\b", "slow down"),
    (r"\b(?:increase|raise) the speed(?: of)?\b", "speed up"),
    (r"\bmake (?:the )?speed (double|half|triple) (?:of|for|in) ", r"\1 the speed of "),
    (r"^((?:the )?(?:background )?(?:music|song)(?: volume)?) (down|up)\b", r"turn \1 \2"),
    (r"\b(the (?:background )?(?:music|song|voice)) volume (?:less|lower|low)\b", r"\1 quieter"),
    (r"\b(the (?:background )?(?:music|song|voice)) volume (?:more|higher|high)\b", r"\1 louder"),
    (r"\b(of|to|on|in|for|from|after|before|make|put|set|mute|delete|remove|cut|trim|speed up|slow down) "
     r"(first|second|third|fourth|last) (clip|video|one|part)\b", r"\1 the \2 \3"),
    (r"^what is the (?:total )?(?:duration|length|time)(?: of (?:the |my |this )?video)?(?: now)?\s*\??", "how long is the video?"),
    (r"\brevert back\b", "revert"),
    (r"\bprepone ((?:the|this|that) \w+|it) by ([\w.]+ (?:seconds?|secs?))\b", r"move \1 \2 earlier"),
    (r"\bpostpone ((?:the|this|that) \w+|it) by ([\w.]+ (?:seconds?|secs?))\b", r"move \1 \2 later"),
    (r"\b(music|song) (sad|happy|calm|relaxing|epic|romantic|energetic|upbeat|chill|dramatic|cheerful)\b(?! (?:music|song))",
     r"\2 \1"),
    # --- "the dog i want it like in the films, slow": the thing named first, wished for with "it", its look said last
    (r"^((?:the|my|this|that) [\w'-]+(?: [\w'-]+){0,2}?),? i (?:want|would like|need|wish) (?:it|them)\b", r"make \1"),
    (r"^make ((?:the|my|this|that) [\w' -]+?) (like (?:in |a |an |the )[^,]+),\s*(slow|slower|fast|faster|bigger|smaller|"
     r"louder|quieter)\b", r"make \1 \3, \2"),
    # --- a colour gone back to, with no verb for the change: "the title is ugly in yellow, go back to white", "yellow looks
    # bad, back to white" (the thing in focus, as "change it back to white" reads it)
    (r"(^|[,;]\s*|\b(?:and|so|just|please)\s+)(?:(?:go|switch|turn|get|set it|put it) )?back to (white|black|red|blue|green|yellow|"
     r"pink|purple|orange|gold|golden|grey|gray)(?=\s*(?:[,.!]|$|\bplease\b|\bpls\b|\band\b|\bthen\b))", r"\1change it back to \2"),
    # --- a thing "out" with no verb, as a note says it: "title out and put 'Hello World' at the top instead", "music out,
    # then a crossfade" (taken out; "fade the music out" has its verb)
    (r"(^|[,;]\s*|\b(?:and|then|so|just)\s+)(?:the )?(title|text|captions?|subtitles|music|song|voice-?over|narration)\s+out"
     r"(?=\s*(?:[,.!]|$|\band\b|\bthen\b|\bplease\b|\bpls\b))", r"\1take the \2 out"),
    # ... and so is a stretch of the video: "first 3 seconds out", "last two secs off pls" (cut; "fade out" has its verb)
    (rf"(^|[,;]\s*|\b(?:and|then|so|just)\s+)(?:the )?((?:first|last|final|opening) (?:(?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) ?)?"
     r"(?:seconds?|secs?|s))\s+(?:out|off)(?=\s*(?:[,.!]|$|\band\b|\bthen\b|\bplease\b|\bpls\b))", r"\1cut the \2"),
    # --- colloquial verbs for adding at an end: "tack the hike clip onto the end", "slap hike.mp4 on at the start" (stuck on)
    (r"^((?:(?:please|just|and|then|now)\s+)*)(?:tack|slap|bung|whack|chuck)\s+(?=\S.*?\b(?:on|onto|on to|at)\s+(?:the (?:very )?"
     r"(?:end|start|beginning|front)|it)\b)", r"\1stick "),
    # --- dictation slips: "the tidal" (title), "make the title read" (red), "and than" (then), "quite" (quiet)
    (r"\bthe tidal\b(?! (?:wave|waves|pool|pools|flat|flats|river|zone|current|marsh|lagoon|island|bore|range|basin))",
     "the title"),
    (r"\b((?:make|turn|paint|colou?r|put)\s+(?:the\s+(?:[\w-]+\s+)?(?:title|text|subtitles|captions|letters|words)|it|them)"
     r"(?:\s+in)?)\s+read(?=\s*(?:[,.!]|$|\band\b|\bthen\b|\bplease\b))", r"\1 red"),
    (r"(,|\band)\s+than\b", r"\1 then"),
    (r"(?<!\bnot )(?<!\bnot yet )\bquite(?=\s*(?:[,.!]|$|\band\b|\bplease\b))", "quiet"),  # ("not quite, try 25": almost)
    # "half the music volume", "the music is drowning out everything, half it" (halve: the noun typed for the verb; "too
    # long, half that" after a change is that change's value, rules._HALF_THAT)
    (r"^half (?=the (?:(?:music|song|bgm) )?(?:volume|level)\b|the (?:music|song|bgm)\s*(?:[,.!]|$|\band\b|\bplease\b|\bpls\b))", "halve "),
    (r"(\b(?:music|song|bgm|soundtrack)\b[^⟪]*?(?:[,;.!]\s*|\b(?:and|then|just|so)\s+))half (?=it\s*(?:[,.!]|$|\band\b|\bplease\b|\bpls\b))",
     r"\1halve "),
    (r"\b(last|first|next|final) to (seconds?|secs?)\b", r"\1 2 \2"),
    # "click" heard for clip when a clip is named by its place or what it shows ("mute the first click", "speed up the
    # dog click", "both clicks"); "add a click at 2 seconds" (the sound) has no such word before it
    (r"\b((?:the|this|that|my|each|every|both the|all the) (?:first|second|third|fourth|last|final|next|other|previous|middle|"
     r"opening|dog|city|beach|hike|photo|\d+(?:st|nd|rd|th)) )click(s?)\b(?!\s+(?:sound|sounds|noise|effect|sfx|track))", r"\1clip\2"),
    (r"\b(both|to|two|2|all the|all) clicks\b(?!\s+(?:sound|sounds|noise|effect|sfx|track))", r"\1 clips"),
    # jargon of editors: "cold open on the dog clip", "open cold with the dog shot" (the video starts with it); "cut to
    # b-roll of a street market after this" (b-roll added: "cut to" here is no trim)
    (r"(^|[,;.]\s*|\b(?:and|then|so|let's|lets|just)\s+)(?:do a |we )?(?:cold open|open cold|cold-open)(?: the video)? (?:on|with) ",
     r"\1start the video with "),
    (r"\bcut (?:away )?to (?=(?:some |a |more )?b-?roll\b)", "add "),
    # "to" heard for too before how something is: "the music is to loud", "it's way to fast" (never "set it to slow motion")
    (r"(^|\b(?:is|are|was|it's|its|that's|way|bit|little|much|kinda|sounds|looks|feels|seems|still|now|so|just|and|but)\b)\s*to\s+(?=(?:loud|quiet|fast|slow|long|short|"
     r"big|small|dark|bright|early|late|soft|quick|tiny|busy|much)\b)", lambda m: f"{m.group(1)} too " if m.group(1) else "too "),
    # "to times" heard for two times ("speed up the second clip to times"; "to times new roman" is a font)
    (r"\bto times\b(?! new\b)", "2 times"),
    # captions burned into the picture, as creators say it: "burn the captions in", "hardcode the subtitles", "bake the subs
    # in" (the captions made; "burn in subtitles" already reads)
    (r"\b(?:burn|bake|hard-?code|hard code)( the| some)? (captions|subtitles|subs)(?: (?:in|on|into the video|onto the video))?\b",
     r"burn in\1 \2"),
    (r"\b(?:bake|hard-?code|hard code) in( the| some)? (captions|subtitles|subs)\b", r"burn in\1 \2"),
    # what a change is for, said after it, is no part of it: "zoom in slowly on the dog for drama", "for extra impact"
    (r",?\s+for (?:extra |more |some |the )?(?:drama|dramatic effect|impact|emphasis|vibes?|the aesthetic)(?=\s*(?:[,.!]|$))", ""),
    # a scene wished for as the intro or the outro with "like": "i want a calm intro, like fog over a lake at dawn" (a new
    # clip of it there, as "an intro of fog over a lake" reads; "an intro like the last one" names no scene)
    (r"\b(?:intro|opening|opener)((?: shot| clip)?),?\s+(?:like|something like|showing|maybe|of)\s+(?!(?:the|my|this|that|it|one|before)\b)",
     r"intro\1 of "),
    (r"\b(?:an? )?outro(?: shot| clip)?,?\s+(?:like|something like|showing|maybe|of)\s+(?!(?:the|my|this|that|it|one|before)\b)([^,.!?]+)",
     r"a clip of \1 at the end"),
    # a title that is too much to look at is too big: "the title feels too in your face", "the text is overpowering"
    (r"\b(title|text|words|writing)\b([\w' ]{0,12}?) (?:(?:is|feels|looks|seems) )?(?:way |a bit |kinda |a little )?(?:too )?"
     r"(?:in[- ]your[- ]face|overpowering|overbearing)\b", r"\1 is too big"),
    # "can barely hear the dog": that thing louder ("... because of the music" is the music too loud: ``_text._DROWNED``)
    (r"^(?:i )?(?:can'?t|cannot|can barely|can hardly|could barely|couldn'?t) (?:really )?hear (the (?:[\w'-]+ ){0,2}?[\w'-]+)"
     r"(?: (?:at all|very well|well|much|properly))?$", r"make \1 louder"),
    # a clip asked for as a film, as older users say it: "i would like a short film of a sunset over the sea" (a clip of it;
    # "the film" already on the timeline is the video)
    (r"\b(a|an|one|another)( short| little| quick| brief| nice)? (?:film|movie|moving picture|bit of footage) of\b", r"\1\2 clip of"),
    # texting verbs: "rm the title", "del the city clip" (removed)
    (r"(^|[,;.]\s*|\b(?:and|then|pls|plz|please|just|now|also)\s+)rm (?=(?:the|that|this|all|my|both|it|them)\b)", r"\1remove "),
    (r"(^|[,;.]\s*|\b(?:and|then|pls|plz|please|just|now|also)\s+)del (?=(?:the|that|this|all|my|both|it|them)\b)", r"\1delete "),
    # creators' words: "pov: you wake up in a cyberpunk city" (the scene, seen through someone's eyes), "a subscribe
    # reminder that says ..." (words on screen), "2x the dog clip" (a speed said as the verb)
    (r"^pov\s*[:,-]\s*", "first person view: "),
    (r"\ban? (?:subscribe|follow|like and subscribe|cta|call[- ]to[- ]action) (?:reminder|card|button|prompt|text|overlay)\b", "a title"),
    (r"^(\d+(?:\.\d+)?)x ((?:the|that|this|my) [\w' -]*?(?:clip|part|shot|one|video))$", r"set \2 to \1x speed"),
    # an outcome for the ending: "i want the ending to feel softer" (a fade out, never quieter music)
    (r"\b(?:i want |i'd like |make )?the (?:ending|end|outro) (?:to )?(?:feel |be |a bit |more )*(?:softer|gentler|smoother|less abrupt)\b",
     "fade out at the end"),
    # "people need to see the dog sooner", "viewers should see the dog clip first": that clip first
    (r"^(?:people|viewers|everyone|they|we|you) (?:need|needs|want|should|have|has|got) (?:to )?see (the (?:[\w'-]+ ){0,2}?[\w'-]+) "
     r"(?:sooner|earlier|first|right away|straight away|immediately)$", r"move \1 to the start"),
    # a part of the video that drags is too long ("the middle drags", "the ending drags on", "it drags in the middle": how
    # long should it be, never a paid clip of "middle drags"; "the intro drags, trim 3 seconds" says which end)
    (r"^(?:it )?(?:feels like )?(?:it )?drags(?: on)?(?: a bit| a little| a lot)? in the middle\b", "the middle is too long"),
    (r"\b(?:the )?(middle|start|beginning|opening|ending|end|second half|first half|last part|first part)(?: part| bit| section)? "
     r"(?:kind of |kinda |really |totally )?(?:drags|is dragging|feels draggy)(?: on)?(?: a bit| a little| a lot| forever)?\b",
     r"the \1 is too long"),
    # "hole" heard for whole before what the whole of is ("make the hole video vertical", "the hole thing is too long")
    (r"\bthe hole (?=(?:video|thing|clip|movie|film|project|timeline|song|track|time|way|edit)\b)", "the whole "),
    # --- what the rewrites above have made plain, read once more: "the music put it ..." (the object before its verb),
    # "cut 1 second at the start and one at the end", "cut the first 2 seconds and shave the last one off too" (the last
    # second, not the last clip), "put it slower", "is very slow" (too slow), "only the middle of the dog clip, 2 seconds"
    (_TOPICALISED.pattern, lambda m: f"{m.group(1)}{m.group(3)} {m.group(2)}"),
    (r"\band one (?=(?:at|from|off) the end\b)", "and 1 second "),
    (rf"(\b(?:first|last) (?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) (?:seconds?|secs?)\b.*?\b)the (last|first) one\b", r"\1the \2 1 second"),
    (r"\bput it (?=(?:more|less) (?:slow|fast|loud|quiet|big|small|short|long)\b|(?:slow|fast|loud|quiet|bigg|small|short|long|quick)er\b)",
     "make it "),
    (r"\b(is|are|'s) very (slow|fast|long|short|loud|quiet)\b", r"\1 too \2"),
    (rf"^only the middle of (the [\w ]+?),? ((?:\d+(?:\.\d+)?|{_NUMBER_WORDS}) (?:seconds?|secs?))$", r"keep only the middle \2 of \1"),
    (r"^(?:the )?speed of ((?:all )?(?:the )?(?:[\w-]+ )?(?:clips?|video|one|part)) (?:to|at|in) (\d+(?:\.\d+)?)$", r"set \1 to \2x speed"),
    # a request in the passive: "can it be slowed down a bit?", "could the dog clip be sped up to 2x" (asked of you)
    (r"\b(can|could|would|will) (it|that|this|the (?:[\w-]+ ){0,2}?(?:clip|one|part|video|shot)) (?:please )?be (slowed down|sped up|muted|unmuted)\b",
     lambda m: f"{m.group(1)} you {_active(m.group(3), m.group(2))}"),
))


def learner_en(text: str) -> str:
    """``text`` (lowercased, quotes held) with a learner's grammar and a dictation's slips as plain English."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text

