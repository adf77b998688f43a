"""The independent seen corpus (indep/README.md): messages written by writers who never read the rules. Unlike the
older seen corpus, not every message must pass; the share that does is held to a floor that only rises."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.agent import understand

from ._fixtures import INDEP_WAVES, case_mismatch, context, load_indep

# each wave's share of messages the rules get right; raise with the score, never lower it
FLOORS = {
    # 0.980 (2,158/2,202) after the seventh session; 0.977 (2,151/2,202) after the sixth session's round; 0.897
    # (1,975/2,202) after the fifth session's rounds; 0.836 (1,841/2,202) when the six writers' messages were in
    "w1": 0.975,
    "en4": 0.97,  # 0.963 (337/350) after the seventh session; 0.940 after the sixth; 0.746 (261/350) when it landed
    "zh4": 0.99,  # 1.000 (350/350) after the seventh session; 0.971 after the sixth; 0.857 (300/350) when it landed
    "en5": 0.98,  # 0.986 (345/350) after the seventh session; 0.974 after the sixth; 0.611 (214/350) when it landed
    "zh5": 0.985,  # 0.991 (347/350) after the seventh session; 0.951 after the sixth; 0.551 (193/350) when it landed
    # the seventh session's waves (indep/README.md): after its round, and when their messages landed
    "en6": 0.98,  # 0.983 (347/353); 0.649 (229/353): English as a second language
    "zh6": 0.975,  # 0.983 (346/352); 0.313 (110/352): Traditional Chinese, before the rules read it
    "en7": 0.975,  # 0.974 (343/352); 0.949 (334/352): a plain newcomer, written by held-out v3's method
    "zh7": 0.99,  # 1.000 (360/360); 0.914 (329/360): the same in Chinese
    "en8": 0.98,  # 0.964 (353/366); 0.923 (338/366): a plain newcomer on every context, held-out v3's method
    "zh8": 0.96,  # 0.937 (328/350); 0.854 (299/350): the same in Chinese
    # the eighth session's waves (indep/README.md): plain newcomers, after its round and when they landed
    "en9": 0.975,  # 0.986 (347/352) after the eighth session; 0.929 (327/352) when it landed
    "zh9": 0.97,  # 0.980 (343/350) after the eighth session; 0.849 (297/350) when it landed
    "en10": 0.95,  # 0.958 (342/357) after the eighth session; 0.838 (299/357) when it landed
    "zh10": 0.97,  # 0.977 (343/351) after the eighth session; 0.783 (275/351) when it landed
    "en12": 0.96,  # when it landed: 0.927 (371/400) (ninth session, plain newcomer aimed at the weak areas); 392/400 after the ninth session's round
    "zh12": 0.95,  # when it landed: 0.887 (355/400) (ninth session, plain newcomer aimed at the weak areas); 386/400 after the ninth session's round
    "zh13": 0.93,  # when it landed: 0.880 (351/399) (ninth session, plain newcomer, a short-video creator); 379/399 after the ninth session's round
    "en13": 0.98,  # when it landed: 0.916 (412/450) (ninth session, plain newcomer, a social-media creator); 449/450 after the ninth session's round
    "en11": 0.96,  # when it landed: 0.975 (390/400) (ninth session, plain newcomer; a check wave, held back until the final merge: 388/400 on the session's starting rules)
    "zh11": 0.93,  # when it landed: 0.953 (381/400) (ninth session, plain newcomer; a check wave, held back until the final merge: 380/400 on the session's starting rules)
    "en14": 0.97,  # 0.983 (393/400) after the tenth session's round; when it landed: 0.965 (386/400) (tenth session, plain newcomer)
    "zh14": 0.925,  # 0.942 (424/450) after the tenth session's round; when it landed: 0.913 (411/450) (tenth session, plain newcomer)
    "en16": 0.97,  # after the eleventh session's round: 391/400; when it landed: 0.890 (356/400) (eleventh session, a newcomer mid-session: follow-ups, corrections)
    "zh16": 0.97,  # after the eleventh session's round: 390/400; when it landed: 0.900 (360/400) (eleventh session, the same newcomer mid-session in Chinese)
    "en15": 0.905,  # when it landed: 0.910 (364/400) (eleventh session, plain newcomer; a check wave, held back until the final merge: 361/400 on the session's starting rules)
    "zh15": 0.90,  # when it landed: 0.905 (362/400) (eleventh session, plain newcomer; a check wave, held back until the final merge: 355/400 on the session's starting rules)
    "en17": 0.99,  # after the twelfth session's round: 398/400; when it landed: 0.943 (377/400) (twelfth session, plain newcomer)
    "zh17": 0.985,  # after the twelfth session's round: 397/400; when it landed: 0.912 (365/400) (twelfth session, plain newcomer)
    "en18": 0.985,  # after the thirteenth session's round: 397/400 (388 by fixen13; 9 media-context follow-ups to "Set the music to summer.mp3" moved to the full context, whose draft holds that music); when it landed: 0.943 (377/400) (twelfth session, plain newcomer; a check wave, held back until the final merge: 373/400 on the session's starting rules)
    "zh18": 0.995,  # after the thirteenth session's round: 400/400; when it landed: 0.925 (370/400) (twelfth session, plain newcomer; a check wave, held back until the final merge: 368/400 on the session's starting rules)
    "en20": 0.99,  # after the thirteenth session's round: 399/400 (3 expectations corrected to the corpus's convention); when it landed: 0.945 (378/400) (thirteenth session, plain newcomer)
    "zh20": 0.975,  # after the thirteenth session's round: 393/400; when it landed: 0.915 (366/400) (thirteenth session, plain newcomer)
    "en19": 0.965,  # after fixen14 (fourteenth session): 389/400, floor (389 - 2)/400 rounded down; when it landed: 0.930 (372/400) (thirteenth session, plain newcomer; a check wave, held back until the final merge: 372/400 on the session's starting rules)
    "zh19": 0.965,  # after the fourteenth session's fixzh14: 388/400 (3 expectations corrected to the docs' and corpus's convention); when it landed: 0.900 (360/400) (thirteenth session, plain newcomer; a check wave, held back until the final merge: 357/400 on the session's starting rules)
    "en21": 0.965,  # after fixen15 (fifteenth session): 389/400, floor (389 - 2)/400 rounded down; when it landed: 0.932 (373/400) (fourteenth session, plain newcomer; a check wave, held back until the final merge: 371/400 on the session's starting rules)
    "zh21": 0.93,  # fifteenth session (fixzh15): 375/400 (364 at its start); when it landed: 0.907 (363/400) (fourteenth session, plain newcomer; a check wave, held back until the final merge: 360/400 on the session's starting rules, 361 with its histories replayed)
    "en22": 0.95,  # after fixen16 (sixteenth session): 383/400 (377 at its start), floor (383 - 2)/400 rounded down; when it landed: 0.943 (377/400) (fifteenth session, plain newcomer; a check wave, held back until the final merge; 373/400 on the session's starting rules
    "zh22": 0.945,  # fixzh16: 380/400 on its branch (floor (380-2)/400); when it landed: 0.930 (372/400) (fifteenth session, plain newcomer; a check wave, held back until the final merge; 368/400 on the session's starting rules
    "en23": 0.945,  # when it landed: 0.953 (381/400) (sixteenth session, plain newcomer; a check wave, held back until the final merge; 379/400 on the session's starting rules)
    "zh23": 0.91,  # when it landed: 0.917 (367/400) (sixteenth session, plain newcomer; a check wave, held back until the final merge; 365/400 on the session's starting rules)
    "en24": 0.89,  # when it landed: 0.900 (180/200) (sixteenth session, plain newcomer, a half wave for the fixers)
    "zh24": 0.92,  # fixzh16: 186/200 on its branch (floor (186-2)/200); when it landed: 0.910 (182/200) (sixteenth session, plain newcomer, a half wave for the fixers)
    "en25": 0.92,  # when it landed: 0.925 (370/400) (seventeenth session, plain newcomer; a check wave, held back until the final merge; 368/400 on the session's starting rules)
    "zh25": 0.94,  # when it landed: 0.945 (378/400) (seventeenth session, plain newcomer; a check wave, held back until the final merge; 376/400 on the session's starting rules)
    "en26": 0.95,  # when it landed: 0.958 (383/400) (eighteenth session, plain newcomer; a check wave, held back until the final merge; 382/400 on the session's starting rules)
    "zh26": 0.92,  # when it landed: 0.923 (369/400) (eighteenth session, plain newcomer; a check wave, held back until the final merge; 368/400 on the session's starting rules)
}


def test_every_writer_file_belongs_to_a_wave() -> None:
    tags = {path.stem.split("_")[1] for path in (Path(__file__).parent / "indep").glob("indep_*.json")}
    known = {tag for wave in INDEP_WAVES.values() for tag in wave}
    assert tags <= known


def test_every_wave_with_messages_has_a_floor() -> None:
    assert {wave for wave in INDEP_WAVES if load_indep(wave)} == set(FLOORS)


@pytest.mark.parametrize("wave", sorted(FLOORS))
def test_the_rules_hold_their_accuracy_on_the_independent_corpus(wave: str) -> None:
    cases = load_indep(wave)
    assert cases
    right = 0
    for case in cases:
        ctx = context(case["ctx"], case.get("history"))
        right += case_mismatch(case, understand(case["msg"], ctx), ctx) is None
    assert right >= FLOORS[wave] * len(cases)
