# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""United States: USPTO/TTAB, federal district courts, the ITC (Section 337) and CBP."""

PROFILE = {
    "jurisdiction": "US",
    "title_zh": "美国知识产权制度与纠纷应对",
    "title_en": "United States: IP system and dispute response",
    "summary_zh": (
        "美国是中国企业遭遇海外知识产权纠纷最多的国家。常见情形：商标在美国专利商标局（USPTO）"
        "被异议或撤销；在联邦地区法院被诉专利、商标侵权（包括针对跨境电商卖家的“Schedule A”"
        "批量诉讼，常伴随临时禁令和账户冻结）；在美国国际贸易委员会（ITC）被提起337调查。"
        "民事诉讼答辩期为送达后21天，337调查答复期为送达后20天，商标异议期为公告后30天（可延长）。"
    ),
    "summary_en": (
        "The United States is where Chinese enterprises meet most overseas IP disputes: oppositions "
        "and cancellations at the USPTO's Trademark Trial and Appeal Board (TTAB), patent and "
        "trademark suits in federal district courts (including 'Schedule A' suits against "
        "cross-border e-commerce sellers with ex parte TROs that freeze marketplace accounts), and "
        "Section 337 investigations at the US International Trade Commission (ITC). An answer to a "
        "civil complaint is due 21 days after service, a response in a 337 investigation 20 days "
        "after service, and a trademark opposition 30 days after publication (extendable)."
    ),
    "body_zh": (
        "<p><strong>商标异议：</strong>商标申请在《官方公报》（Official Gazette）公告后30天内，"
        "认为将受损害的任何人可向TTAB提出异议（15 U.S.C. §1063）。异议期可申请延长："
        "首次可直接延长30天（或说明正当理由延长90天），之后可再因正当理由延长60天，"
        "总计不超过自公告之日起180天（37 C.F.R. §2.102）。</p>"
        "<p><strong>联邦民事诉讼：</strong>被告应在被送达传票和起诉状后21天内提交答辩状或动议"
        "（FRCP 12(a)）；同意放弃正式送达的，答辩期为请求发出后60天（在美国境外为90天）。"
        "逾期不答辩可能导致缺席判决。</p>"
        "<p><strong>Schedule A 案件：</strong>权利人在同一起诉状附表（Schedule A）中列出大量网店，"
        "单方申请临时限制令（TRO）并冻结平台账户资金。TRO最长14天，可因正当理由延长一次同等期间"
        "（FRCP 65(b)(2)），到期前法院举行初步禁令听证。被列卖家应尽快委托美国律师，"
        "在听证前提出异议或和解，否则资金可能被长期冻结乃至在缺席判决后被划转。</p>"
        "<p><strong>337调查：</strong>ITC在收到申请后通常30天内决定是否立案；被申请人应在立案通知"
        "和申请书送达后20天内答复（19 C.F.R. §210.13）。调查一般在15至18个月内结束，"
        "救济措施为排除令（有限或普遍）和禁止令，由美国海关与边境保护局（CBP）执行；"
        "ITC裁决后有60天总统审查期。</p>"
    ),
    "body_en": (
        "<p><strong>Trademark opposition:</strong> any person who believes they would be damaged "
        "by registration may oppose within 30 days after publication in the Official Gazette "
        "(15 U.S.C. §1063). Extensions: a first 30 days on request (or 90 days for good cause), "
        "then a further 60 days for good cause, never beyond 180 days from publication "
        "(37 C.F.R. §2.102).</p>"
        "<p><strong>Federal civil suits:</strong> a defendant must serve an answer or a motion "
        "within 21 days after being served with the summons and complaint (FRCP 12(a)); a "
        "defendant who waives service has 60 days from the request (90 days outside the United "
        "States). Missing the deadline risks a default judgment.</p>"
        "<p><strong>Schedule A cases:</strong> a rights holder lists many online stores in a "
        "schedule to one complaint and obtains an ex parte temporary restraining order (TRO) "
        "freezing marketplace funds. A TRO lasts at most 14 days, extendable once for a like "
        "period for good cause (FRCP 65(b)(2)); the preliminary-injunction hearing takes place "
        "before it expires. Named sellers should instruct US counsel at once and object or settle "
        "before the hearing; otherwise funds may stay frozen and be transferred after a default "
        "judgment.</p>"
        "<p><strong>Section 337:</strong> the ITC normally decides within 30 days whether to "
        "institute; respondents must respond within 20 days after service of the complaint and "
        "notice of investigation (19 C.F.R. §210.13). Investigations usually end within 15 to 18 "
        "months; remedies are limited or general exclusion orders and cease-and-desist orders, "
        "enforced by US Customs and Border Protection (CBP), after a 60-day presidential review "
        "period.</p>"
    ),
    "offices": [
        {
            "name_zh": "美国专利商标局（USPTO）",
            "name_en": "United States Patent and Trademark Office (USPTO)",
            "url": "https://www.uspto.gov/",
            "handles_zh": "专利、商标的申请与审查",
            "handles_en": "Patent and trademark applications and examination",
        },
        {
            "name_zh": "商标审判和上诉委员会（TTAB）",
            "name_en": "Trademark Trial and Appeal Board (TTAB)",
            "url": "https://www.uspto.gov/trademarks/trademark-trial-and-appeal-board",
            "handles_zh": "商标异议、撤销及驳回复审",
            "handles_en": "Oppositions, cancellations and appeals from refusals",
        },
        {
            "name_zh": "专利审判和上诉委员会（PTAB）",
            "name_en": "Patent Trial and Appeal Board (PTAB)",
            "url": "https://www.uspto.gov/patents/ptab",
            "handles_zh": "双方复审（IPR）、授权后复审（PGR）",
            "handles_en": "Inter partes review (IPR) and post-grant review (PGR)",
        },
        {
            "name_zh": "美国版权局",
            "name_en": "US Copyright Office",
            "url": "https://www.copyright.gov/",
            "handles_zh": "版权登记（在美国起诉侵权前，美国作品通常须先登记）",
            "handles_en": "Copyright registration (US works must usually be registered before suit)",
        },
    ],
    "courts": [
        {
            "name_zh": "联邦地区法院（如伊利诺伊北区法院，Schedule A 案件集中地）",
            "name_en": "Federal district courts (e.g. N.D. Illinois, where Schedule A suits cluster)",
            "url": "https://www.uscourts.gov/",
        },
        {
            "name_zh": "美国国际贸易委员会（ITC，337调查）",
            "name_en": "US International Trade Commission (ITC, Section 337)",
            "url": "https://www.usitc.gov/intellectual_property",
        },
        {
            "name_zh": "联邦巡回上诉法院（CAFC，专利上诉）",
            "name_en": "Court of Appeals for the Federal Circuit (patent appeals)",
            "url": "https://www.cafc.uscourts.gov/",
        },
    ],
    "litigation_stages": [
        {
            "stage_zh": "起诉与送达",
            "stage_en": "Complaint and service",
            "duration_zh": "送达后21天内答辩（FRCP 12(a)）",
            "duration_en": "Answer within 21 days after service (FRCP 12(a))",
        },
        {
            "stage_zh": "证据开示",
            "stage_en": "Discovery",
            "duration_zh": "通常1年以上",
            "duration_en": "Often a year or more",
        },
        {
            "stage_zh": "权利要求解释（专利）、简易判决",
            "stage_en": "Claim construction (patents), summary judgment",
            "duration_zh": "视法院而定",
            "duration_en": "Depends on the court's schedule",
        },
        {
            "stage_zh": "庭审与判决",
            "stage_en": "Trial and judgment",
            "duration_zh": "专利案件至庭审通常2至3年",
            "duration_en": "Patent cases commonly take 2 to 3 years to trial",
        },
        {
            "stage_zh": "337调查全程",
            "stage_en": "Section 337 investigation",
            "duration_zh": "通常15至18个月，另有60天总统审查期",
            "duration_en": "Usually 15 to 18 months, then a 60-day presidential review",
        },
    ],
    "customs_zh": (
        "已注册商标和已登记版权可在美国海关与边境保护局（CBP）备案（19 C.F.R. Part 133），"
        "便于海关查扣侵权和假冒商品。ITC的排除令由CBP在口岸执行。"
    ),
    "customs_en": (
        "Registered trademarks and registered copyrights can be recorded with US Customs and "
        "Border Protection (19 C.F.R. Part 133) so that CBP detains infringing and counterfeit "
        "goods. ITC exclusion orders are enforced by CBP at the border."
    ),
    "remedies_zh": (
        "禁令（临时限制令、初步禁令、永久禁令）、损害赔偿（故意侵权专利可判至三倍，35 U.S.C. §284）、"
        "假冒商标的法定赔偿（每一假冒商标每类商品1,000至200,000美元，故意的最高2,000,000美元，"
        "15 U.S.C. §1117(c)）、特殊案件的律师费；ITC的排除令和禁止令。"
    ),
    "remedies_en": (
        "Injunctions (TRO, preliminary, permanent); damages, up to three times for wilful patent "
        "infringement (35 U.S.C. §284); statutory damages for counterfeit marks of USD 1,000 to "
        "200,000 per mark and type of goods, up to USD 2,000,000 if wilful (15 U.S.C. §1117(c)); "
        "attorney fees in exceptional cases; ITC exclusion and cease-and-desist orders."
    ),
    "costs_zh": (
        "律师按小时收费。Schedule A 案件和解金额从数千到数万美元不等；专利诉讼和337调查应诉费用"
        "通常以百万美元计（参见AIPLA经济调查报告）。TTAB异议费用相对较低。"
    ),
    "costs_en": (
        "Lawyers bill by the hour. Schedule A settlements range from a few thousand to tens of "
        "thousands of US dollars; defending a patent suit or a 337 investigation commonly costs "
        "millions (see the AIPLA Report of the Economic Survey). TTAB oppositions cost far less."
    ),
    "language_zh": (
        "程序语言为英语，外文证据须附译文。住所在美国境外的商标申请人和注册人须委托美国执业律师"
        "（37 C.F.R. §2.11）。"
    ),
    "language_en": (
        "Proceedings are in English; foreign-language evidence needs translations. Trademark "
        "applicants and registrants domiciled outside the United States must be represented by a "
        "US-licensed attorney (37 C.F.R. §2.11)."
    ),
    "tips_zh": (
        "收到起诉状或TRO通知后立即记录送达日期并计算答辩期；不要自行转移被冻结资金；"
        "核实平台通知中的案号（可在PACER或CourtListener查询）；考虑与同案卖家共同委托律师以分摊费用；"
        "出口产品前做专利和商标侵权检索，并在美国注册自有商标。"
    ),
    "tips_en": (
        "Note the date of service as soon as a complaint or TRO arrives and compute the deadline; "
        "do not move frozen funds yourself; verify the case number in a platform notice (PACER or "
        "CourtListener); consider instructing counsel jointly with other sellers in the same case; "
        "run clearance searches before exporting and register your own marks in the US."
    ),
    "sources": [
        {
            "title": "15 U.S.C. §1063 (opposition)",
            "url": "https://www.law.cornell.edu/uscode/text/15/1063",
        },
        {
            "title": "37 C.F.R. §2.102 (extensions of time to oppose)",
            "url": "https://www.ecfr.gov/current/title-37/chapter-I/subchapter-A/part-2/subpart-I/section-2.102",
        },
        {
            "title": "FRCP Rule 12 (time to answer)",
            "url": "https://www.law.cornell.edu/rules/frcp/rule_12",
        },
        {"title": "FRCP Rule 65 (TRO)", "url": "https://www.law.cornell.edu/rules/frcp/rule_65"},
        {
            "title": "19 C.F.R. §210.13 (response in 337 investigations)",
            "url": "https://www.ecfr.gov/current/title-19/chapter-II/subchapter-C/part-210/subpart-C/section-210.13",
        },
        {
            "title": "USITC Section 337 investigations",
            "url": "https://www.usitc.gov/intellectual_property",
        },
        {
            "title": "USPTO TTAB",
            "url": "https://www.uspto.gov/trademarks/trademark-trial-and-appeal-board",
        },
        {
            "title": "19 C.F.R. Part 133 (CBP recordation)",
            "url": "https://www.ecfr.gov/current/title-19/chapter-I/part-133",
        },
    ],
    "last_reviewed": "2026-11-20",
    "deadlines": [
        {
            "event": "opposition",
            "amount": 30,
            "unit": "days",
            "starts_from": "publication",
            "extension_zh": "可申请延长：首次30天（或有正当理由90天），再因正当理由延长60天，总计不超过公告后180天",
            "extension_en": "extendable: 30 days on request (90 for good cause), a further 60 days for good cause, up to 180 days from publication",
            "legal_basis": "15 U.S.C. §1063(a); 37 C.F.R. §2.102",
            "source_url": "https://www.law.cornell.edu/uscode/text/15/1063",
        },
        {
            "event": "answer",
            "amount": 21,
            "unit": "days",
            "starts_from": "service",
            "extension_zh": "放弃正式送达的为60天（境外90天）；可经对方同意或法院许可延期",
            "extension_en": "60 days (90 abroad) if service is waived; extensions by stipulation or court order",
            "legal_basis": "FRCP 12(a)(1)",
            "source_url": "https://www.law.cornell.edu/rules/frcp/rule_12",
        },
        {
            "event": "itc_response",
            "amount": 20,
            "unit": "days",
            "starts_from": "service",
            "extension_zh": "可向行政法官申请延期；邮寄送达时另加期间（19 C.F.R. §201.16）",
            "extension_en": "the administrative law judge may extend it for good cause; service by mail adds time (19 C.F.R. §201.16)",
            "legal_basis": "19 C.F.R. §210.13(a)",
            "source_url": "https://www.ecfr.gov/current/title-19/chapter-II/subchapter-C/part-210/subpart-C/section-210.13",
        },
        {
            "event": "tro_hearing",
            "amount": 14,
            "unit": "days",
            "starts_from": "filing",
            "extension_zh": "TRO最长14天，可因正当理由延长一次同等期间；初步禁令听证在TRO到期前举行",
            "extension_en": "a TRO lasts at most 14 days, extendable once for a like period for good cause; the preliminary-injunction hearing is held before it expires",
            "legal_basis": "FRCP 65(b)(2)",
            "source_url": "https://www.law.cornell.edu/rules/frcp/rule_65",
        },
    ],
}
