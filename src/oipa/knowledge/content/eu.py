# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""European Union: EUIPO (EU trade marks and designs), the Unified Patent Court, customs."""

PROFILE = {
    "jurisdiction": "EU",
    "title_zh": "欧盟知识产权制度与纠纷应对",
    "title_en": "European Union: IP system and dispute response",
    "summary_zh": (
        "欧盟商标和外观设计由欧盟知识产权局（EUIPO）统一注册，效力及于全部成员国；专利由欧洲专利局"
        "（EPO）授权，自2023年6月1日起可在统一专利法院（UPC）一次诉讼覆盖多个参加国。"
        "欧盟商标申请公告后3个月内可提出异议，该期限不可延长。"
    ),
    "summary_en": (
        "EU trade marks and designs are registered by the EUIPO with effect in every member "
        "state; European patents are granted by the EPO and, since 1 June 2023, can be litigated "
        "at the Unified Patent Court (UPC) with one action for several participating states. "
        "An opposition against an EU trade mark application must be filed within three months of "
        "its publication; this period cannot be extended."
    ),
    "body_zh": (
        "<p><strong>异议：</strong>在先权利人可在欧盟商标申请公告后3个月内提出异议"
        "（《欧盟商标条例》（EU）2017/1001第46条），异议费320欧元，须在期限内缴纳。"
        "异议受理后有2个月的“冷静期”供双方和解，经双方请求可延长至24个月。</p>"
        "<p><strong>上诉：</strong>对EUIPO决定不服的，应在决定通知后2个月内提出上诉通知，"
        "4个月内提交上诉理由（第68条），再可诉至欧盟普通法院。</p>"
        "<p><strong>侵权诉讼：</strong>欧盟商标侵权由各成员国指定的欧盟商标法院审理，判决可及于全欧盟；"
        "统一专利法院第一审通常在12至14个月内作出裁决，可颁发覆盖多国的禁令。</p>"
    ),
    "body_en": (
        "<p><strong>Opposition:</strong> owners of earlier rights may oppose within three months "
        "following publication of an EU trade mark application (Article 46 of Regulation (EU) "
        "2017/1001); the opposition fee of EUR 320 must be paid within that period. Once the "
        "opposition is admissible, a two-month cooling-off period allows settlement and can be "
        "extended at both parties' request up to 24 months.</p>"
        "<p><strong>Appeal:</strong> notice of appeal within two months of notification of an "
        "EUIPO decision, grounds within four months (Article 68); then an action before the "
        "General Court.</p>"
        "<p><strong>Infringement:</strong> EU trade mark infringement is heard by the EU trade mark "
        "courts designated by each member state, with EU-wide effect; the UPC usually decides at "
        "first instance within 12 to 14 months and may grant injunctions covering several "
        "states.</p>"
    ),
    "offices": [
        {
            "name_zh": "欧盟知识产权局（EUIPO）",
            "name_en": "European Union Intellectual Property Office (EUIPO)",
            "url": "https://www.euipo.europa.eu/",
            "handles_zh": "欧盟商标、注册共同体外观设计",
            "handles_en": "EU trade marks and registered Community designs",
        },
        {
            "name_zh": "欧洲专利局（EPO）",
            "name_en": "European Patent Office (EPO)",
            "url": "https://www.epo.org/",
            "handles_zh": "欧洲专利授权及授权后9个月内的异议",
            "handles_en": "European patents, and oppositions within nine months of grant",
        },
    ],
    "courts": [
        {
            "name_zh": "统一专利法院（UPC）",
            "name_en": "Unified Patent Court (UPC)",
            "url": "https://www.unified-patent-court.org/",
        },
        {
            "name_zh": "各成员国欧盟商标法院",
            "name_en": "EU trade mark courts of the member states",
            "url": "https://www.euipo.europa.eu/",
        },
        {
            "name_zh": "欧盟普通法院、欧盟法院",
            "name_en": "General Court and Court of Justice of the EU",
            "url": "https://curia.europa.eu/",
        },
    ],
    "litigation_stages": [
        {
            "stage_zh": "EUIPO异议（含冷静期）",
            "stage_en": "EUIPO opposition (with cooling-off)",
            "duration_zh": "通常1至2年",
            "duration_en": "Commonly one to two years",
        },
        {
            "stage_zh": "UPC第一审",
            "stage_en": "UPC first instance",
            "duration_zh": "约12至14个月",
            "duration_en": "About 12 to 14 months",
        },
    ],
    "customs_zh": (
        "可依《海关执法条例》（EU）No 608/2013向成员国海关提交“海关执法申请”（AFA），"
        "一份欧盟申请可覆盖多个成员国，免费，有效期1年，可续展。"
    ),
    "customs_en": (
        "An application for action (AFA) under Regulation (EU) No 608/2013 asks customs to detain "
        "suspected infringing goods; one Union application can cover several member states, is "
        "free of charge, and is valid for one year, renewable."
    ),
    "remedies_zh": (
        "依《知识产权执法指令》2004/48/EC：禁令、损害赔偿、召回和销毁侵权物品、信息披露令、"
        "证据保全；UPC可颁发临时措施和覆盖多国的禁令。"
    ),
    "remedies_en": (
        "Under the Enforcement Directive 2004/48/EC: injunctions, damages, recall and destruction "
        "of infringing goods, orders to disclose information, evidence preservation; the UPC "
        "grants provisional measures and injunctions covering several states."
    ),
    "costs_zh": "EUIPO异议官费320欧元；UPC诉讼费用按争议金额确定，律师费通常远高于官费。",
    "costs_en": (
        "EUIPO opposition fee EUR 320; UPC court fees depend on the value of the action, and "
        "lawyers' fees usually far exceed official fees."
    ),
    "language_zh": (
        "异议程序语言为EUIPO五种语言之一（英、法、德、意、西）。住所不在欧洲经济区的当事人，"
        "除提交申请外，须委托专业代理人（第119条）。"
    ),
    "language_en": (
        "Oppositions use one of the EUIPO's five languages (English, French, German, Italian, "
        "Spanish). Parties without domicile or establishment in the EEA must be represented by a "
        "professional representative in proceedings other than filing an application "
        "(Article 119)."
    ),
    "tips_zh": (
        "监测EUIPO公告（eSearch plus），3个月异议期届满后只能通过无效宣告挑战；"
        "利用冷静期谈判共存协议；在展会前确认产品不侵犯当地外观设计和专利。"
    ),
    "tips_en": (
        "Watch EUIPO publications (eSearch plus): after the three-month window only invalidation "
        "remains; use the cooling-off period to negotiate coexistence; clear designs and patents "
        "before trade fairs."
    ),
    "sources": [
        {
            "title": "Regulation (EU) 2017/1001 (EUTMR)",
            "url": "https://eur-lex.europa.eu/eli/reg/2017/1001/oj",
        },
        {
            "title": "EUIPO: opposition",
            "url": "https://www.euipo.europa.eu/en/trade-marks/after-applying/opposition",
        },
        {
            "title": "Regulation (EU) No 608/2013 (customs enforcement)",
            "url": "https://eur-lex.europa.eu/eli/reg/2013/608/oj",
        },
        {"title": "Unified Patent Court", "url": "https://www.unified-patent-court.org/"},
    ],
    "last_reviewed": "2026-11-20",
    "deadlines": [
        {
            "event": "opposition",
            "amount": 3,
            "unit": "months",
            "starts_from": "publication",
            "extension_zh": "不可延长",
            "extension_en": "not extendable",
            "legal_basis": "Regulation (EU) 2017/1001, Art. 46(1)",
            "source_url": "https://eur-lex.europa.eu/eli/reg/2017/1001/oj",
        },
        {
            "event": "appeal",
            "amount": 2,
            "unit": "months",
            "starts_from": "service",
            "extension_zh": "上诉理由须在决定通知后4个月内提交",
            "extension_en": "grounds of appeal within four months of notification",
            "legal_basis": "Regulation (EU) 2017/1001, Art. 68(1)",
            "source_url": "https://eur-lex.europa.eu/eli/reg/2017/1001/oj",
        },
    ],
}
