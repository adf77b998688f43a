"""Shot prompts for a script's scenes: what each scene shows, written by the LLM planner when one is configured.

A narration line ("By seven, the whole town is awake.") is a fine prompt for the preview generator, but a
text-to-video model does better with what the camera sees ("a busy harbour-town market square in morning
light, people and stalls, wide shot"). With ``REELFORGE_LLM_BASE_URL`` set, the server is asked once for one
shot per scene; any failure (no answer, not JSON, the wrong count) keeps the narration lines as the prompts.
"""

from __future__ import annotations

import json
import logging

import httpx

from reelforge.agent.llm import _chat_completion
from reelforge.errors import BackendUnavailable
from reelforge.settings import Settings

__all__ = ["shot_prompts"]

log = logging.getLogger(__name__)

_INSTRUCTIONS = ("You write shot descriptions for a text-to-video model. For each numbered narration line, write "
                 "one English description of what the camera shows (subject, setting, light, framing; at most 25 "
                 "words; no text on screen). Answer with a JSON array of strings, one per line, in order, and "
                 "nothing else.")


def shot_prompts(scenes: list[str], settings: Settings, client: httpx.Client | None = None) -> list[str]:
    """One prompt per scene: the LLM's shot descriptions, or the scenes themselves without a planner."""
    if not settings.llm_base_url or not scenes:
        return list(scenes)
    numbered = "\n".join(f"{k + 1}. {text}" for k, text in enumerate(scenes))
    body = {"model": settings.llm_model, "temperature": 0,
            "messages": [{"role": "system", "content": _INSTRUCTIONS}, {"role": "user", "content": numbered}]}
    try:
        content = str(_chat_completion(settings, body, client).get("content")).strip()
        content = content.removeprefix("```json").removeprefix("```").removesuffix("```").strip()
        shots = json.loads(content)
    except (BackendUnavailable, ValueError) as exc:
        log.warning("shot prompts: the planner failed (%s); the narration lines are the prompts", exc)
        return list(scenes)
    if not isinstance(shots, list) or len(shots) != len(scenes) or not all(isinstance(s, str) and s.strip()
                                                                            for s in shots):
        log.warning("shot prompts: %d answers for %d scenes; the narration lines are the prompts",
                    len(shots) if isinstance(shots, list) else 0, len(scenes))
        return list(scenes)
    return [s.strip()[:500] for s in shots]
