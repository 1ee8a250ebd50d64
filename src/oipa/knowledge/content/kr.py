# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""Korea: KIPO and the IP Trial and Appeal Board, district courts and the Patent Court."""

PROFILE = {
    "jurisdiction": "KR",
    "title_zh": "韩国知识产权制度与纠纷应对",
    "title_en": "Republic of Korea: IP system and dispute response",
    "summary_zh": (
        "韩国知识产权局（KIPO）负责专利、实用新型、外观设计和商标；商标申请公告后2个月内可提出异议。"
        "民事诉讼被告应在起诉状副本送达后30日内提交答辩书。"
        "知识产权侵权案件的二审集中于专利法院。"
    ),
    "summary_en": (
        "The Korean Intellectual Property Office (KIPO) handles patents, utility models, designs "
        "and trade marks; an opposition is due within two months of publication of the "
        "application. In civil suits a defendant must file a written answer within 30 days of "
        "service of the complaint. Appeals in IP infringement cases are concentrated at the "
        "Patent Court."
    ),
    "body_zh": (
        "<p><strong>商标异议：</strong>依《商标法》第60条，任何人可在商标申请公告之日起2个月内"
        "向KIPO提出异议。注册后可向知识产权审判和上诉委员会（IPTAB）请求无效或撤销审判。</p>"
        "<p><strong>民事诉讼：</strong>依《民事诉讼法》第256条，被告应在收到起诉状副本后30日内"
        "提交答辩书，未提交的法院可不经辩论作出判决。</p>"
        "<p><strong>法院：</strong>专利等案件一审集中于首尔中央地方法院等少数地方法院，"
        "二审由专利法院审理。</p>"
    ),
    "body_en": (
        "<p><strong>Trade mark opposition:</strong> under Article 60 of the Trademark Act anyone "
        "may oppose within two months from the publication of the application. After "
        "registration, invalidation or cancellation trials go to the Intellectual Property Trial "
        "and Appeal Board (IPTAB).</p>"
        "<p><strong>Civil suits:</strong> under Article 256 of the Civil Procedure Act the "
        "defendant must submit a written answer within 30 days of receiving the complaint; "
        "without one, the court may give judgment without hearing.</p>"
        "<p><strong>Courts:</strong> patent cases are concentrated at first instance in a few "
        "district courts such as the Seoul Central District Court, and heard on appeal by the "
        "Patent Court.</p>"
    ),
    "offices": [
        {
            "name_zh": "韩国知识产权局（KIPO）",
            "name_en": "Korean Intellectual Property Office (KIPO)",
            "url": "https://www.kipo.go.kr/en/",
            "handles_zh": "专利、实用新型、外观设计、商标",
            "handles_en": "Patents, utility models, designs, trade marks",
        },
        {
            "name_zh": "知识产权审判和上诉委员会（IPTAB）",
            "name_en": "Intellectual Property Trial and Appeal Board (IPTAB)",
            "url": "https://www.kipo.go.kr/en/",
            "handles_zh": "无效、撤销、驳回复审",
            "handles_en": "Invalidation, cancellation and appeals from refusals",
        },
    ],
    "courts": [
        {
            "name_zh": "专利法院",
            "name_en": "Patent Court of Korea",
            "url": "https://patent.scourt.go.kr/",
        },
        {
            "name_zh": "首尔中央地方法院等",
            "name_en": "Seoul Central District Court and other designated district courts",
            "url": "https://www.scourt.go.kr/",
        },
    ],
    "litigation_stages": [
        {
            "stage_zh": "起诉与答辩",
            "stage_en": "Complaint and answer",
            "duration_zh": "送达后30日内答辩",
            "duration_en": "Answer within 30 days of service",
        },
        {
            "stage_zh": "一审",
            "stage_en": "First instance",
            "duration_zh": "约1至2年",
            "duration_en": "About one to two years",
        },
    ],
    "customs_zh": "可在韩国关税厅（KCS）办理知识产权申报（备案），以便海关查扣侵权进出口货物。",
    "customs_en": (
        "IP rights can be registered with the Korea Customs Service so that customs detains "
        "infringing imports and exports."
    ),
    "remedies_zh": "禁令、损害赔偿（故意侵权可判处惩罚性赔偿）、信用恢复措施；刑事责任。",
    "remedies_en": (
        "Injunctions, damages (enhanced damages for wilful infringement), measures to restore "
        "reputation; criminal penalties."
    ),
    "costs_zh": "异议和审判官费较低；诉讼主要费用为律师和专利代理人费用。",
    "costs_en": "Office fees for oppositions and trials are modest; most of the cost is counsel.",
    "language_zh": "程序语言为韩语。在韩国无住所的当事人须委托韩国专利代理人（专利管理人）。",
    "language_en": (
        "Proceedings are in Korean. Parties without a domicile in Korea must appoint a Korean "
        "patent attorney as their representative (patent administrator)."
    ),
    "tips_zh": "韩国为注册前异议，申请公告后2个月内提出；抢注多见于电子产品、化妆品和食品领域。",
    "tips_en": (
        "Korea has pre-registration opposition within two months of publication; squatting is "
        "frequent for electronics, cosmetics and food brands."
    ),
    "sources": [
        {"title": "KIPO", "url": "https://www.kipo.go.kr/en/"},
        {
            "title": "Korea Law Translation Center: Trademark Act",
            "url": "https://elaw.klri.re.kr/eng_service/main.do",
        },
        {
            "title": "Korea Law Translation Center: Civil Procedure Act",
            "url": "https://elaw.klri.re.kr/eng_service/main.do",
        },
    ],
    "last_reviewed": "2026-11-20",
    "deadlines": [
        {
            "event": "opposition",
            "amount": 2,
            "unit": "months",
            "starts_from": "publication",
            "extension_zh": "异议期不可延长",
            "extension_en": "the opposition period cannot be extended",
            "legal_basis": "Trademark Act, Art. 60",
            "source_url": "https://elaw.klri.re.kr/eng_service/main.do",
        },
        {
            "event": "answer",
            "amount": 30,
            "unit": "days",
            "starts_from": "service",
            "extension_zh": "",
            "extension_en": "",
            "legal_basis": "Civil Procedure Act, Art. 256",
            "source_url": "https://elaw.klri.re.kr/eng_service/main.do",
        },
    ],
}
