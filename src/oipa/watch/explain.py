"""How a similarity rule is worded for people (rule -> text)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

RULE_WORDING = {
    "identical": _("identical to"),
    "pinyin": _("the pinyin (or nearly) of"),
    "containment": _("containing"),
    "spelling": _("spelled almost like"),
    "token_overlap": _("the same words as"),
    "sound": _("sounding like"),
}


def rule_wording(rule: str) -> str:
    return str(RULE_WORDING.get(rule, RULE_WORDING["spelling"]))
