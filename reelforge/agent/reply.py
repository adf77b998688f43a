"""The agent's answer: a short reply in the user's language saying what changed, from each Outcome.

Every line comes from the registry: an edit says what it did with its op's words (its history label, framed as
"Done: ..." / "已..."), a session action with the reply and failure declared with it (``ActionTool``)."""

from __future__ import annotations

from reelforge.agent._replies import CAPABILITIES, help_text
from reelforge.agent._text import chatter_kind
from reelforge.agent._traditional import in_script, typed_words
from reelforge.agent.actions import Action, EditAction, Outcome, Plan, SkippedCall, Unknown
from reelforge.agent.describe import describe_edit
from reelforge.agent.registry import ACTION_TOOLS, EDIT_TOOLS, TOPIC_LABELS, action_tool

__all__ = ["CAPABILITIES", "compose_reply", "help_text"]


def _line(outcome: Outcome, zh: bool) -> str:
    action: Action = outcome.action
    why = outcome.detail or ("未知原因" if zh else "unknown reason")
    if isinstance(action, EditAction):  # what it did is its history label (the registry's words for the op)
        label = action.description or describe_edit(action.edit, "zh" if zh else "en")
        if outcome.ok and outcome.data.get("auto"):  # two-stage generation added it on its own: say how to drop it
            what = TOPIC_LABELS[EDIT_TOOLS[action.edit.op].topic]
            return f"另外{label}（不需要可以说“去掉{what[1]}”）。" if zh else \
                f"I also {label} (say \"remove {what[0]}\" to drop it)."
        if outcome.ok and outcome.data.get("nothing_captioned"):  # captions restyled with nothing to caption yet
            return (f"完成：{label}。不过还没有配音，字幕暂时不会显示：可以先加配音（加配音：……），或者说“加字幕”识别片段里的说话。" if zh else
                    f"Done: {label}. There is no voice-over yet, so no captions show: add one (add a voice-over saying "
                    "...), or say \"add captions\" to caption the speech in the clips.")
        if outcome.ok:
            return (f"已{label}。" if label.startswith(_ZH_VERBS) else f"完成：{label}。") if zh else f"Done: {label}."
        return f"没能{label}：{why}。" if zh else f"I couldn't do that ({label}): {why}."
    if isinstance(action, Unknown):
        return _unknown(action, zh)
    name = action_tool(action)
    if name is None:
        return ""
    tool = ACTION_TOOLS[name]  # a session action: its reply and failure are declared with it
    return tool.reply(outcome, zh) if outcome.ok else tool.failure(action, why, zh)


def _unknown(action: Unknown, zh: bool) -> str:
    """Thanks and greetings, a question about a missing detail, or what was not understood."""
    kind = chatter_kind(action.text)
    if kind == "thanks":
        return "不客气！还想改什么尽管说，好了就说“导出”。" if zh else \
            "Glad you like it! Tell me what to change next, or say \"export\" when it's ready."
    if kind == "greeting":
        return "你好！描述你想要的视频，或者告诉我要怎么改。" if zh else "Hi! Describe a video to make, or tell me what to change."
    if action.question:
        return action.question
    got = f"我理解到的是：{action.understood}。" if zh and action.understood else \
        f" I understood {action.understood}." if action.understood else ""
    if zh:
        return f"抱歉，这个我还做不到（“{action.text}”），时间线没有改动。{got}{help_text('zh')}"
    return f"Sorry, I can't do that yet (\"{action.text}\"), so the timeline is unchanged.{got} {help_text('en')}"


# Chinese labels that start with a verb read well after 已 ("已添加…"); others ("第2个片段缓慢推进") do not.
_ZH_VERBS = ("添加", "删除", "去掉", "把", "修改", "调整", "交换", "裁剪", "移除", "设置", "在", "从", "结尾", "开头", "画布",
             "背景", "视频", "帧率")


def _grouped(outcomes: list[Outcome], zh: bool) -> list[Outcome]:
    """Runs of the same successful edit told as one: "added 3 clips: a, b, c" rather than three sentences."""
    grouped: list[Outcome] = []
    run: list[Outcome] = []

    def flush() -> None:
        if len(run) > 1:
            actions = [o.action for o in run if isinstance(o.action, EditAction)]
            together = EDIT_TOOLS[actions[0].edit.op].said_together  # the op's own words for a run, if it has them
            joined = together[1 if zh else 0]([a.edit for a in actions]) if together else \
                ("，" if zh else "; ").join(a.description for a in actions)
            merged = EditAction(edit=run[0].action.edit, description=joined)  # type: ignore[union-attr]
            grouped.append(Outcome(action=merged, ok=True, data={}))
        else:
            grouped.extend(run)
        run.clear()

    for outcome in outcomes:
        action = outcome.action
        same = (run and isinstance(action, EditAction) and isinstance(run[0].action, EditAction)
                and action.edit.op == run[0].action.edit.op and outcome.ok and not outcome.data.get("auto"))
        if not same:
            flush()
        if isinstance(action, EditAction) and outcome.ok and not outcome.data.get("auto"):
            run.append(outcome)
        else:
            grouped.append(outcome)
    flush()
    return grouped


def _skipped_note(skipped: list[SkippedCall], zh: bool) -> str:
    """One sentence naming the planner's steps that were dropped, so a partial answer never looks whole."""
    count = len(skipped)
    tools = ", ".join(dict.fromkeys(s.tool for s in skipped))  # each name once, in order
    if zh:
        return f"有 {count} 个步骤我没能理解，已跳过（{tools}）。"
    return f"I skipped {count} step{'s' if count > 1 else ''} I couldn't understand ({tools})."


def compose_reply(plan: Plan, outcomes: list[Outcome], language: str | None = None) -> str:
    """One short reply: each outcome in order (actions without an outcome, such as Unknown, count as done),
    then a note naming any planner steps that were skipped; in Traditional characters for a user who writes them
    (``plan.script``), the user's own words as typed."""
    language = language or plan.language
    zh = language == "zh"
    by_action = {id(o.action): o for o in outcomes}
    ordered = [by_action.get(id(a)) or Outcome(action=a) for a in plan.actions
               if id(a) in by_action or isinstance(a, Unknown)]
    ordered += [o for o in outcomes if not any(o.action is a for a in plan.actions)]
    note = [_skipped_note(plan.skipped, zh)] if plan.skipped else []
    if not ordered and not note:
        return in_script("好的，没有需要改动的地方。", plan.script) if zh else "OK, nothing to change."
    lines = [line for line in (_line(o, zh) for o in _grouped(ordered, zh)) if line] + note
    reply = ("" if zh else " ").join(lines)
    return in_script(reply, plan.script, typed_words(plan.actions)) if zh else reply
