# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""Japan: JPO (post-registration opposition), Tokyo/Osaka District Courts, the IP High Court."""

PROFILE = {
    "jurisdiction": "JP",
    "title_zh": "日本知识产权制度与纠纷应对",
    "title_en": "Japan: IP system and dispute response",
    "summary_zh": (
        "日本特许厅（JPO）负责专利、实用新型、外观设计和商标。日本商标异议为注册后异议："
        "自商标公报发行之日起2个月内，任何人均可提出。专利侵权一审由东京、大阪地方法院专属管辖，"
        "上诉至知识产权高等法院。"
    ),
    "summary_en": (
        "The Japan Patent Office (JPO) handles patents, utility models, designs and trade marks. "
        "Trade mark opposition in Japan is post-registration: anyone may oppose within two months "
        "from the issue of the gazette publishing the registration. Patent suits go to the Tokyo "
        "or Osaka District Court at first instance and to the IP High Court on appeal."
    ),
    "body_zh": (
        "<p><strong>商标异议：</strong>《商标法》第43条之2规定，任何人可在登载商标注册的商标公报"
        "发行之日起2个月内提出异议。错过异议期的，利害关系人可请求无效审判"
        "（部分理由自注册之日起5年后不得提出）。</p>"
        "<p><strong>专利异议：</strong>专利公报发行之日起6个月内，任何人可提出专利异议"
        "（《专利法》第113条）。</p>"
        "<p><strong>诉讼：</strong>专利等技术类案件一审由东京地方法院或大阪地方法院专属管辖，"
        "二审由知识产权高等法院审理；法院在受理后指定第一次口头辩论期日。</p>"
    ),
    "body_en": (
        "<p><strong>Trade mark opposition:</strong> under Article 43-2 of the Trademark Act anyone "
        "may file an opposition within two months from the date of issue of the gazette that "
        "publishes the registration. After that, an interested party may request an invalidation "
        "trial (for some grounds not later than five years after registration).</p>"
        "<p><strong>Patent opposition:</strong> anyone may oppose a patent within six months from "
        "the issue of the patent gazette (Patent Act, Article 113).</p>"
        "<p><strong>Litigation:</strong> patent and other technical cases go at first instance "
        "exclusively to the Tokyo or Osaka District Court, on appeal to the Intellectual Property "
        "High Court; the court sets the first oral hearing after the complaint is filed.</p>"
    ),
    "offices": [
        {
            "name_zh": "日本特许厅（JPO）",
            "name_en": "Japan Patent Office (JPO)",
            "url": "https://www.jpo.go.jp/e/",
            "handles_zh": "专利、实用新型、外观设计、商标；异议与无效审判",
            "handles_en": "Patents, utility models, designs, trade marks; oppositions and trials",
        },
    ],
    "courts": [
        {
            "name_zh": "东京地方法院、大阪地方法院（知识产权部）",
            "name_en": "Tokyo and Osaka District Courts (IP divisions)",
            "url": "https://www.courts.go.jp/english/",
        },
        {
            "name_zh": "知识产权高等法院",
            "name_en": "Intellectual Property High Court",
            "url": "https://www.ip.courts.go.jp/eng/",
        },
    ],
    "litigation_stages": [
        {
            "stage_zh": "侵权判断（技术比对）",
            "stage_en": "Infringement phase",
            "duration_zh": "约1年",
            "duration_en": "About a year",
        },
        {
            "stage_zh": "损害赔偿审理",
            "stage_en": "Damages phase",
            "duration_zh": "认定侵权后再审理数月",
            "duration_en": "Several more months once infringement is found",
        },
    ],
    "customs_zh": "可向日本海关申请“进口停止”（輸入差止申立て），受理后有效期最长4年。",
    "customs_en": (
        "An application for import suspension (輸入差止申立て) to Japan Customs lets customs stop "
        "infringing goods; it is valid for up to four years once accepted."
    ),
    "remedies_zh": "停止侵害请求、损害赔偿（法律规定了损害额的推定方法）、恢复信誉措施；刑事责任。",
    "remedies_en": (
        "Injunctions, damages (with statutory presumptions of the amount), measures to restore "
        "business reputation; criminal penalties."
    ),
    "costs_zh": "异议官费按类别计算；诉讼费用包括法院印花税和律师、弁理士费用，败诉方一般不承担对方律师费。",
    "costs_en": (
        "Opposition fees depend on the number of classes; litigation costs are court stamp fees "
        "plus attorneys' and patent attorneys' fees; the losing party does not normally pay the "
        "other side's attorney fees."
    ),
    "language_zh": "程序语言为日语。在日本无住所的申请人须委托在日本的代理人（通常为弁理士）。",
    "language_en": (
        "Proceedings are in Japanese. Applicants without a domicile in Japan must act through a "
        "representative in Japan (usually a patent attorney, benrishi)."
    ),
    "tips_zh": "关注注册后公报；日本为注册后异议，2个月期限自公报发行日计算，不可延长。",
    "tips_en": (
        "Watch the post-registration gazette: the two-month opposition period runs from its issue "
        "date and cannot be extended."
    ),
    "sources": [
        {
            "title": "Japanese Law Translation: Trademark Act, Art. 43-2",
            "url": "https://www.japaneselawtranslation.go.jp/",
        },
        {
            "title": "JPO: trade mark opposition",
            "url": "https://www.jpo.go.jp/e/system/trademark/index.html",
        },
        {"title": "Intellectual Property High Court", "url": "https://www.ip.courts.go.jp/eng/"},
        {
            "title": "Japan Customs: IP border enforcement",
            "url": "https://www.customs.go.jp/mizugiwa/chiteki/index.htm",
        },
    ],
    "last_reviewed": "2026-11-20",
    "deadlines": [
        {
            "event": "opposition",
            "amount": 2,
            "unit": "months",
            "starts_from": "publication",
            "extension_zh": "不可延长；自刊登注册的商标公报发行之日起算（注册后异议）",
            "extension_en": "not extendable; runs from the issue of the gazette publishing the registration (post-grant)",
            "legal_basis": "Trademark Act, Art. 43-2",
            "source_url": "https://www.jpo.go.jp/e/system/trademark/index.html",
        },
    ],
}
