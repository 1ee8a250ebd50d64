# ruff: noqa: E501  (long Chinese sentences of demo content)
"""Demo typical cases, guide and bulletin (anonymized, realistic, Chinese and English)."""

from typing import Any

CASES: list[dict[str, Any]] = [
    {
        "title_zh": "Schedule A 批量诉讼：跨境电商卖家店铺资金被冻结后和解",
        "title_en": "Schedule A suit: cross-border sellers' funds frozen, then settled",
        "jurisdiction": "US",
        "forum": "US District Court, N.D. Illinois",
        "ip_type": "trademark",
        "dispute_type": "litigation",
        "industry": "F",
        "parties": "某美国品牌方 诉 “Schedule A 所列网店”（含两家北京卖家）",
        "facts_zh": (
            "<p>权利人以商标侵权为由起诉附表所列的数百家网店，单方获得临时限制令（TRO），"
            "电商平台随即冻结了两家北京卖家的店铺资金。卖家在TRO有效的14天内收到平台通知。</p>"
        ),
        "facts_en": (
            "<p>The rights holder sued hundreds of online stores listed in a schedule for trademark "
            "infringement and obtained an ex parte temporary restraining order (TRO); the "
            "marketplace froze the funds of two Beijing sellers, who learned of it from the "
            "platform's notice while the 14-day TRO ran.</p>"
        ),
        "result_zh": "<p>卖家在初步禁令听证前委托美国律师，证明销量很小，以数千美元和解，资金解冻。</p>",
        "result_en": (
            "<p>The sellers instructed US counsel before the preliminary-injunction hearing, showed "
            "small sales volumes, settled for a few thousand US dollars, and their funds were "
            "released.</p>"
        ),
        "lessons_zh": "<p>收到平台通知当天记录日期、查询案号；不要忽视，也不要自行联系原告。</p>",
        "lessons_en": (
            "<p>Note the date and look up the case number on the day the notice arrives; do not "
            "ignore it, and do not contact the plaintiff on your own.</p>"
        ),
    },
    {
        "title_zh": "337调查：LED照明企业面临普遍排除令风险",
        "title_en": "Section 337: LED lighting makers facing a general exclusion order",
        "jurisdiction": "US",
        "forum": "US International Trade Commission",
        "ip_type": "patent",
        "dispute_type": "itc_337",
        "industry": "C",
        "parties": "某美国照明企业 诉 多家中国LED企业",
        "facts_zh": "<p>申请人请求ITC对侵犯其LED专利的产品发布普遍排除令，多家京津冀企业被列为被申请人。</p>",
        "facts_en": (
            "<p>The complainant asked the ITC for a general exclusion order against LED products "
            "infringing its patents; several Beijing-Tianjin-Hebei companies were named as "
            "respondents.</p>"
        ),
        "result_zh": "<p>应诉企业在20天内答复并提出规避设计，最终被认定不侵权；未应诉企业被缺席认定。</p>",
        "result_en": (
            "<p>The companies that responded within 20 days and presented a design-around were "
            "found not to infringe; those that did not respond were found in default.</p>"
        ),
        "lessons_zh": "<p>337调查不应诉，相关产品可能被整体排除在美国市场之外；尽早组织行业联合应诉。</p>",
        "lessons_en": (
            "<p>Not responding in a 337 investigation can shut a product out of the US market; "
            "organize a joint industry defence early.</p>"
        ),
    },
    {
        "title_zh": "欧盟商标抢注：在3个月异议期内成功阻止",
        "title_en": "Squatting of an EU trade mark stopped within the three-month opposition period",
        "jurisdiction": "EU",
        "forum": "EUIPO Opposition Division",
        "ip_type": "trademark",
        "dispute_type": "opposition_invalidation",
        "industry": "C",
        "parties": "北京某消费电子企业 对 某欧洲经销商",
        "facts_zh": "<p>企业原欧洲经销商在合作结束后以自己名义申请注册企业品牌，被商标监测发现。</p>",
        "facts_en": (
            "<p>A former European distributor applied to register the company's brand in its own "
            "name after the partnership ended; trade mark watching detected the application.</p>"
        ),
        "result_zh": "<p>企业依据代理人恶意注册条款在公告后3个月内提出异议，申请被驳回。</p>",
        "result_en": (
            "<p>The company opposed within three months of publication on the ground of an "
            "agent's unauthorized filing; the application was refused.</p>"
        ),
        "lessons_zh": "<p>进入新市场前先注册商标；经销协议中约定商标归属。</p>",
        "lessons_en": (
            "<p>Register marks before entering a market, and state who owns them in distribution "
            "agreements.</p>"
        ),
    },
]

GUIDE: dict[str, Any] = {
    "title_zh": "跨境电商海外知识产权风险防控指引",
    "title_en": "Guide to overseas IP risks in cross-border e-commerce",
    "summary_zh": "面向跨境电商卖家：上架前检索、商标布局、平台投诉应对、Schedule A 诉讼应对要点。",
    "summary_en": (
        "For cross-border sellers: clearance before listing, trade mark filing strategy, "
        "answering platform complaints, and what to do in a Schedule A suit."
    ),
    "body_zh": (
        "<h2>一、上架前</h2><p>检索目标市场的商标、外观设计和专利；不要使用他人品牌作为关键词。</p>"
        "<h2>二、收到投诉或诉讼</h2><p>记录日期，查询案号，计算答辩期（美国民事诉讼为送达后21天）。</p>"
    ),
    "body_en": (
        "<h2>1. Before listing</h2><p>Search trade marks, designs and patents in the target "
        "market; never use others' brands as keywords.</p>"
        "<h2>2. When a complaint or suit arrives</h2><p>Note the date, look up the case number "
        "and compute the deadline (21 days after service for a US civil suit).</p>"
    ),
    "ip_types": ["trademark", "design", "patent"],
    "business_models": ["cross_border_ecommerce"],
}

BULLETIN: dict[str, Any] = {
    "title_zh": "预警：新一轮 Schedule A 诉讼针对家居用品卖家",
    "title_en": "Warning: a new wave of Schedule A suits targets home-goods sellers",
    "body_zh": "<p>近期伊利诺伊北区法院新立多起 Schedule A 案件，涉及家居用品外观设计专利。请相关卖家核查店铺。</p>",
    "body_en": (
        "<p>Several new Schedule A cases in the Northern District of Illinois concern design "
        "patents on home goods. Sellers concerned should check their stores.</p>"
    ),
    "ip_types": ["design"],
    "push_to_subscribers": True,
}
