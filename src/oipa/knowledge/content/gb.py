# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""United Kingdom: UKIPO, the High Court and IPEC, HMRC/Border Force."""

PROFILE = {
    "jurisdiction": "GB",
    "title_zh": "英国知识产权制度与纠纷应对",
    "title_en": "United Kingdom: IP system and dispute response",
    "summary_zh": (
        "英国脱欧后，欧盟商标不再在英国有效，须单独在英国知识产权局（UKIPO）注册。"
        "商标申请公告后2个月内可提出异议；在此期间提交“拟异议通知”（TM7A）可再延长1个月。"
        "中小型知识产权纠纷可在知识产权企业法院（IPEC）以较低成本解决。"
    ),
    "summary_en": (
        "Since Brexit, EU trade marks no longer cover the UK; marks are registered with the UK "
        "Intellectual Property Office (UKIPO). An opposition is due within two months after "
        "publication, extendable by one month by filing a notice of threatened opposition (Form "
        "TM7A) within the two months. Smaller IP disputes go to the Intellectual Property "
        "Enterprise Court (IPEC) at capped cost."
    ),
    "body_zh": (
        "<p><strong>异议：</strong>依1994年《商标法》第38条及2008年《商标规则》第17条，"
        "异议应在公告后2个月内以TM7表格提出；在2个月内提交TM7A“拟异议通知”的，期限延长至公告后3个月。"
        "申请人收到异议后须在2个月内提交答辩（TM8），否则申请视为放弃；双方可申请冷静期协商。</p>"
        "<p><strong>民事诉讼：</strong>被告应在起诉书（particulars of claim）送达后14天内提交答辩；"
        "先提交送达确认书（acknowledgment of service）的，答辩期为28天（CPR 15.4），"
        "双方还可书面约定再延长最多28天（CPR 15.5）。</p>"
        "<p><strong>IPEC：</strong>损害赔偿上限50万英镑，可追偿的诉讼费用上限6万英镑；"
        "小额诉讼通道适用于1万英镑以下的商标、版权和未注册外观设计纠纷。</p>"
    ),
    "body_en": (
        "<p><strong>Opposition:</strong> under section 38 of the Trade Marks Act 1994 and rule 17 "
        "of the Trade Marks Rules 2008, an opposition (Form TM7) is due within two months after "
        "publication; filing a notice of threatened opposition (Form TM7A) within those two months "
        "extends the period to three months. The applicant must defend (Form TM8) within two "
        "months of notification or the application is treated as abandoned; a cooling-off period "
        "may be requested.</p>"
        "<p><strong>Civil claims:</strong> a defence is due 14 days after service of the "
        "particulars of claim, or 28 days if an acknowledgment of service is filed (CPR 15.4); the "
        "parties may agree in writing to extend it by up to 28 days more (CPR 15.5).</p>"
        "<p><strong>IPEC:</strong> damages are capped at GBP 500,000 and recoverable costs at GBP "
        "60,000; its small claims track takes trade mark, copyright and unregistered design claims "
        "up to GBP 10,000.</p>"
    ),
    "offices": [
        {
            "name_zh": "英国知识产权局（UKIPO）",
            "name_en": "UK Intellectual Property Office (UKIPO)",
            "url": "https://www.gov.uk/government/organisations/intellectual-property-office",
            "handles_zh": "商标、专利、外观设计的注册及异议、无效",
            "handles_en": "Trade marks, patents and designs; oppositions and invalidations",
        },
    ],
    "courts": [
        {
            "name_zh": "高等法院（专利法院、商业与财产法庭）",
            "name_en": "High Court (Patents Court, Business and Property Courts)",
            "url": "https://www.gov.uk/courts-tribunals/patents-court",
        },
        {
            "name_zh": "知识产权企业法院（IPEC）",
            "name_en": "Intellectual Property Enterprise Court (IPEC)",
            "url": "https://www.gov.uk/courts-tribunals/intellectual-property-enterprise-court",
        },
    ],
    "litigation_stages": [
        {
            "stage_zh": "起诉与答辩",
            "stage_en": "Claim and defence",
            "duration_zh": "送达后14天或28天内答辩",
            "duration_en": "Defence within 14 or 28 days after service",
        },
        {
            "stage_zh": "案件管理会议、证据披露",
            "stage_en": "Case management conference, disclosure",
            "duration_zh": "数月",
            "duration_en": "Several months",
        },
        {
            "stage_zh": "庭审",
            "stage_en": "Trial",
            "duration_zh": "专利法院通常约12个月至庭审；IPEC通常更快",
            "duration_en": "About 12 months to trial in the Patents Court; IPEC is usually faster",
        },
    ],
    "customs_zh": "可向英国税务海关总署（HMRC）提交海关执法申请，由边境执法局（Border Force）查扣侵权商品。",
    "customs_en": (
        "An application for action to HM Revenue & Customs lets Border Force detain suspected "
        "infringing goods."
    ),
    "remedies_zh": "禁令、损害赔偿或利润返还、交付或销毁侵权品、公布判决；IPEC赔偿上限50万英镑。",
    "remedies_en": (
        "Injunctions, damages or an account of profits, delivery up or destruction, publication "
        "of the judgment; IPEC damages capped at GBP 500,000."
    ),
    "costs_zh": "TM7异议官费100或200英镑（视异议理由），TM7A在线提交免费；IPEC可追偿费用上限6万英镑。",
    "costs_en": (
        "Form TM7 costs GBP 100 or 200 depending on the grounds; TM7A is free when filed online; "
        "recoverable costs in IPEC are capped at GBP 60,000."
    ),
    "language_zh": "程序语言为英语。在UKIPO程序中须提供英国、直布罗陀或海峡群岛的送达地址。",
    "language_en": (
        "Proceedings are in English. UKIPO proceedings need an address for service in the UK, "
        "Gibraltar or the Channel Islands."
    ),
    "tips_zh": "欧盟商标不能保护英国市场，进入英国前应单独注册；发现抢注时先提交TM7A争取时间。",
    "tips_en": (
        "An EU trade mark does not protect the UK market: register in the UK before entering it; "
        "when a mark is squatted, file a TM7A first to gain a month."
    ),
    "sources": [
        {
            "title": "Trade Marks Act 1994, s.38",
            "url": "https://www.legislation.gov.uk/ukpga/1994/26/section/38",
        },
        {
            "title": "Trade Marks Rules 2008, rule 17",
            "url": "https://www.legislation.gov.uk/uksi/2008/1797/rule/17",
        },
        {
            "title": "UKIPO: opposing a trade mark application",
            "url": "https://www.gov.uk/government/publications/trade-mark-forms-and-fees",
        },
        {
            "title": "Civil Procedure Rules, Part 15",
            "url": "https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part15",
        },
        {
            "title": "IPEC guide",
            "url": "https://www.gov.uk/government/publications/intellectual-property-enterprise-court-a-guide-to-small-claims",
        },
    ],
    "last_reviewed": "2026-11-20",
    "deadlines": [
        {
            "event": "opposition",
            "amount": 2,
            "unit": "months",
            "starts_from": "publication",
            "extension_zh": "在2个月内提交TM7A拟异议通知的，可延长1个月（共3个月）",
            "extension_en": "extendable by 1 month (3 in total) by filing a notice of threatened opposition (TM7A) within the 2 months",
            "legal_basis": "Trade Marks Act 1994 s.38(2); Trade Marks Rules 2008 r.17",
            "source_url": "https://www.legislation.gov.uk/uksi/2008/1797/rule/17",
        },
        {
            "event": "answer",
            "amount": 14,
            "unit": "days",
            "starts_from": "service",
            "extension_zh": "提交送达确认书的为28天；双方可书面约定再延长最多28天",
            "extension_en": "28 days if an acknowledgment of service is filed; up to 28 days more by written agreement",
            "legal_basis": "CPR 15.4, 15.5",
            "source_url": "https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part15",
        },
    ],
}
