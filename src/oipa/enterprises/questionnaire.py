"""The compliance self-check questionnaire (Art. 10), shipped as versioned data in Chinese and
English, and its scoring.

A version is never edited once used: a stored self-check names its version and is scored
against it. Change the questions by adding a version and pointing CURRENT_VERSION at it.
Each answer is "yes" (2 points), "partly" (1), "no" (0) or "na" (not counted). A section's
score is the percentage of the points possible; the total is the mean of the answered sections.
Recommendations link to knowledge pages and trainings by URL name, resolved only when those
pages exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ANSWER_POINTS = {"yes": 2, "partly": 1, "no": 0}
ANSWERS = [
    ("yes", _("Yes")),
    ("partly", _("Partly")),
    ("no", _("No")),
    ("na", _("Not applicable")),
]


@dataclass(frozen=True)
class Link:
    """A page a recommendation points to, by URL name (skipped when the page does not exist)."""

    url_name: str
    label_zh: str
    label_en: str

    @property
    def label(self) -> str:
        return _pick(self.label_zh, self.label_en)

    def resolve(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class Question:
    key: str
    zh: str
    en: str
    advice_zh: str
    advice_en: str
    links: tuple[Link, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return _pick(self.zh, self.en)

    @property
    def advice(self) -> str:
        return _pick(self.advice_zh, self.advice_en)


@dataclass(frozen=True)
class Section:
    key: str
    zh: str
    en: str
    questions: tuple[Question, ...]

    @property
    def title(self) -> str:
        return _pick(self.zh, self.en)


def _pick(zh: str, en: str) -> str:
    return en if (get_language() or "").startswith("en") else zh


COUNTRIES = Link("knowledge:country_list", "国别知识产权制度", "Country IP profiles")
GUIDES = Link("knowledge:guide_list", "海外知识产权保护指引", "Overseas IP protection guides")
TRAININGS = Link("training:event_list", "培训活动", "Trainings and events")

V2026 = (
    Section(
        "markets",
        "目标市场商标布局",
        "Marks in target markets",
        (
            Question(
                "markets_registered",
                "产品出口前，是否已在所有目标市场注册主要商标？",
                "Are your main marks registered in every target market before you export?",
                "出口前在目标国家（地区）或通过马德里体系提交商标注册申请，避免被抢注。",
                "File your marks in each target country or through the Madrid System before "
                "exporting, so that nobody can register them first.",
                (COUNTRIES, GUIDES),
            ),
            Question(
                "markets_watch",
                "是否对目标市场的商标公告进行监测（防抢注）？",
                "Do you watch target markets' trademark gazettes for squatting?",
                "在平台上登记需监测的商标，及时收到抢注预警并在异议期内提出异议。",
                "Register your marks for watching on the platform to receive squatting warnings "
                "within the opposition period.",
                (GUIDES,),
            ),
            Question(
                "markets_local_names",
                "是否为目标市场注册了当地语言的商标译名？",
                "Have you registered local-language versions of your marks?",
                "为主要市场选定并注册当地语言译名或音译名。",
                "Choose and register local-language or transliterated versions of your marks.",
                (COUNTRIES,),
            ),
        ),
    ),
    Section(
        "fto",
        "自由实施（FTO）调查",
        "Freedom to operate",
        (
            Question(
                "fto_before_launch",
                "新产品进入海外市场前，是否开展自由实施（FTO）检索分析？",
                "Do you run a freedom-to-operate search before a product enters a foreign market?",
                "在产品上市前委托涉外服务机构开展FTO检索，并保留检索报告。",
                "Have a foreign-related IP firm run an FTO search before launch and keep the "
                "report.",
                (GUIDES, TRAININGS),
            ),
            Question(
                "fto_design_around",
                "发现风险专利时，是否有规避设计或许可的处理流程？",
                "When a risky patent is found, do you have a design-around or licensing procedure?",
                "建立风险专利处理流程：规避设计、无效评估或许可谈判。",
                "Set up a procedure for risky patents: design around, assess invalidity or "
                "negotiate a licence.",
                (GUIDES,),
            ),
        ),
    ),
    Section(
        "secrets",
        "商业秘密保护",
        "Trade secrets",
        (
            Question(
                "secrets_policy",
                "是否有书面的商业秘密管理制度并对涉密信息分级？",
                "Do you have a written trade-secret policy with classified information?",
                "制定商业秘密管理制度，对技术和经营信息分级并限制访问。",
                "Write a trade-secret policy, classify technical and business information and "
                "restrict access.",
                (GUIDES, TRAININGS),
            ),
            Question(
                "secrets_agreements",
                "员工和合作方是否签署保密及竞业限制协议？",
                "Do employees and partners sign confidentiality and non-compete agreements?",
                "与核心员工、海外合作方签署保密协议，离职时进行交接审查。",
                "Have key staff and overseas partners sign confidentiality agreements and "
                "review handovers when people leave.",
                (GUIDES,),
            ),
        ),
    ),
    Section(
        "ecommerce",
        "跨境电商合规",
        "E-commerce listings",
        (
            Question(
                "ecommerce_listing_check",
                "上架前是否核查商品标题、图片是否使用他人商标（特别是Schedule A案件原告商标）？",
                "Before listing, do you check titles and images against others' marks, "
                "especially those of known Schedule A plaintiffs?",
                "上架前对照已知Schedule A原告商标清单检查标题、关键词和图片。",
                "Check titles, keywords and images against the marks of known Schedule A "
                "plaintiffs before listing.",
                (GUIDES, TRAININGS),
            ),
            Question(
                "ecommerce_funds",
                "店铺资金是否分散管理，以降低临时禁令冻结风险？",
                "Do you spread store funds to limit the impact of a TRO asset freeze?",
                "定期提现、分散资金，并在收到TRO后立即申请指导。",
                "Withdraw regularly, spread funds, and ask for guidance as soon as a TRO arrives.",
                (GUIDES,),
            ),
        ),
    ),
    Section(
        "contracts",
        "经销商与合作协议",
        "Distributor contracts",
        (
            Question(
                "contracts_ip_clause",
                "与海外经销商的合同是否约定商标归属和禁止代为注册？",
                "Do distributor contracts state who owns the marks and forbid registering them?",
                "在经销合同中明确商标归属、禁止经销商以自己名义注册，并约定终止后的处理。",
                "State mark ownership in distributor contracts, forbid registration in the "
                "distributor's name and settle what happens at termination.",
                (COUNTRIES, GUIDES),
            ),
            Question(
                "contracts_indemnity",
                "合同中是否约定知识产权侵权责任分担和争议解决方式？",
                "Do contracts allocate IP infringement liability and name a dispute "
                "resolution forum?",
                "约定侵权责任分担条款，并优先选择调解或仲裁解决争议。",
                "Allocate infringement liability and prefer mediation or arbitration for disputes.",
                (GUIDES,),
            ),
        ),
    ),
)

VERSIONS: dict[str, tuple[Section, ...]] = {"2026.1": V2026}
CURRENT_VERSION = "2026.1"


def sections(version: str = CURRENT_VERSION) -> tuple[Section, ...]:
    return VERSIONS[version]


def question_keys(version: str = CURRENT_VERSION) -> list[str]:
    return [q.key for s in sections(version) for q in s.questions]


@dataclass(frozen=True)
class Score:
    by_section: dict[str, int | None]
    total: int | None


def score(answers: dict[str, str], version: str = CURRENT_VERSION) -> Score:
    """Per-section percentages (None for a section answered only "na") and their mean."""
    by_section: dict[str, int | None] = {}
    for section in sections(version):
        points = [
            ANSWER_POINTS[answers[q.key]]
            for q in section.questions
            if answers.get(q.key) in ANSWER_POINTS
        ]
        by_section[section.key] = round(100 * sum(points) / (2 * len(points))) if points else None
    scored = [v for v in by_section.values() if v is not None]
    return Score(by_section, round(sum(scored) / len(scored)) if scored else None)


@dataclass(frozen=True)
class Recommendation:
    section: Section
    question: Question
    answer: str
    links: list[tuple[str, Link]]


def recommendations(
    answers: dict[str, str], version: str = CURRENT_VERSION
) -> list[Recommendation]:
    """Advice for every question answered "no" or "partly", weakest first, with the links
    that exist on this installation."""
    found = []
    for section in sections(version):
        for question in section.questions:
            answer = answers.get(question.key, "")
            if answer in ("no", "partly"):
                links = [
                    (url, link) for link in question.links if (url := link.resolve()) is not None
                ]
                found.append(Recommendation(section, question, answer, links))
    return sorted(found, key=lambda r: ANSWER_POINTS[r.answer])
