"""Why an expert suits a case, in one line staff can read at a glance: similar concluded cases,
shared IPC and Nice classes, jurisdictions, forum languages (e.g. "handled 3 US ITC 337 cases;
H04W; English"). Shown with each recommendation and stored with each proposed assignment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .matching import CaseFacts, ExpertFacts

SHORT_DISPUTE_LABELS = {
    "litigation": gettext_lazy("litigation"),
    "itc_337": gettext_lazy("ITC 337"),
    "opposition_invalidation": gettext_lazy("opposition/invalidation"),
    "customs_seizure": gettext_lazy("customs seizure"),
    "platform_complaint": gettext_lazy("platform complaint"),
    "warning_letter": gettext_lazy("warning letter"),
    "arbitration": gettext_lazy("arbitration"),
    "criminal": gettext_lazy("criminal"),
}


def reason(expert: ExpertFacts, case: CaseFacts) -> str:
    """One line: similar concluded cases, shared IPC and Nice classes, forum language,
    e.g. "handled 3 US itc_337 cases; H04W; en"."""
    bits = []
    similar = [
        c
        for c in expert.record
        if c.dispute_type == case.dispute_type and set(c.jurisdictions) & set(case.jurisdictions)
    ]
    if similar:
        places = {j for c in similar for j in c.jurisdictions} & set(case.jurisdictions)
        bits.append(
            _("handled %(count)d %(where)s %(kind)s cases")
            % {
                "count": len(similar),
                "where": "/".join(sorted(places)),
                "kind": _dispute_label(case.dispute_type),
            }
        )
    shared_ipc = _shared_ipc(expert.ipc, case.ipc)
    if shared_ipc:
        bits.append(" ".join(shared_ipc))
    shared_nice = sorted(set(expert.nice) & set(case.nice))
    if shared_nice:
        bits.append("Nice " + ",".join(str(n) for n in shared_nice))
    jurisdictions = sorted(set(expert.jurisdictions) & set(case.jurisdictions))
    if jurisdictions and not similar:
        bits.append(" ".join(jurisdictions))
    languages = sorted(set(expert.languages) & case.forum_languages)
    if languages:
        bits.append("/".join(language_name(code) for code in languages))
    return "; ".join(bits)


def _dispute_label(code: str) -> str:
    return str(SHORT_DISPUTE_LABELS.get(code, code))


def language_name(code: str) -> str:
    """The language's name in the active language where Django knows it ("English", "英语")."""
    for candidate in (code, {"zh": "zh-hans"}.get(code, code)):
        try:
            return str(get_language_info(candidate)["name_translated"])
        except KeyError:
            continue
    return code


def _shared_ipc(expert: Sequence[str], case: Sequence[str]) -> list[str]:
    """The deepest symbols the expert and the case share."""
    shared = set()
    for symbol in case:
        for level in (4, 3, 1):
            prefix = symbol[:level]
            if len(symbol) >= level and any(e[:level] == prefix for e in expert if len(e) >= level):
                shared.add(prefix)
                break
    return sorted(shared)
