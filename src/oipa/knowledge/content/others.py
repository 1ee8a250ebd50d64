# ruff: noqa: E501  (long sentences and URLs of shipped content)
"""Shorter profiles: the offices and the opposition windows of further jurisdictions.

Only facts checked against the cited law are shipped; where a jurisdiction has no pre-grant
opposition (Russia, WIPO's Madrid system) or the window was not verified, no deadline is given.
"""


def _profile(code, title_zh, title_en, summary_zh, summary_en, office, sources, deadlines=()):
    name_zh, name_en, url = office
    return {
        "jurisdiction": code,
        "title_zh": title_zh,
        "title_en": title_en,
        "summary_zh": summary_zh,
        "summary_en": summary_en,
        "offices": [
            {"name_zh": name_zh, "name_en": name_en, "url": url, "handles_zh": "", "handles_en": ""}
        ],
        "sources": [{"title": title, "url": link} for title, link in sources],
        "last_reviewed": "2026-11-20",
        "deadlines": list(deadlines),
    }


def _opposition(amount, unit, basis, url, extension_zh="不可延长", extension_en="not extendable"):
    return {
        "event": "opposition",
        "amount": amount,
        "unit": unit,
        "starts_from": "publication",
        "extension_zh": extension_zh,
        "extension_en": extension_en,
        "legal_basis": basis,
        "source_url": url,
    }


PROFILES = [
    _profile(
        "DE",
        "德国知识产权制度概要",
        "Germany: IP system overview",
        "德国专利商标局（DPMA）的商标异议为注册后异议，自注册公告之日起3个月内提出。杜塞尔多夫、慕尼黑、曼海姆地方法院是欧洲最繁忙的专利法院；德国也是统一专利法院的参加国。",
        "Trade mark opposition at the German Patent and Trade Mark Office (DPMA) is post-registration: within three months of publication of the registration. The Düsseldorf, Munich and Mannheim regional courts are among Europe's busiest patent courts; Germany also takes part in the Unified Patent Court.",
        (
            "德国专利商标局（DPMA）",
            "German Patent and Trade Mark Office (DPMA)",
            "https://www.dpma.de/english/",
        ),
        [("MarkenG §42", "https://www.gesetze-im-internet.de/markeng/__42.html")],
        [
            _opposition(
                3,
                "months",
                "MarkenG §42(1)",
                "https://www.gesetze-im-internet.de/markeng/__42.html",
            )
        ],
    ),
    _profile(
        "IN",
        "印度知识产权制度概要",
        "India: IP system overview",
        "印度商标注册处在《商标公报》刊登申请后，异议期为3个月，可申请延长1个月，最长4个月。",
        "Oppositions in India are due within three months of advertisement in the Trade Marks Journal, extendable on request by one month, four months at most.",
        (
            "印度专利、外观设计和商标总局",
            "Office of the Controller General of Patents, Designs and Trade Marks",
            "https://ipindia.gov.in/",
        ),
        [("Trade Marks Act 1999, s.21", "https://ipindia.gov.in/acts-rules-tm.htm")],
        [
            _opposition(
                4,
                "months",
                "Trade Marks Act 1999, s.21(1)",
                "https://ipindia.gov.in/acts-rules-tm.htm",
                "3个月，可申请延长1个月（共4个月），不得再延",
                "3 months, extendable on request by at most 1 month (4 in total)",
            )
        ],
    ),
    _profile(
        "BR",
        "巴西知识产权制度概要",
        "Brazil: IP system overview",
        "巴西国家工业产权局（INPI）在《工业产权杂志》（RPI）公告商标申请后，异议期为60天。",
        "At Brazil's National Institute of Industrial Property (INPI) an opposition is due within 60 days of publication of the application in the Industrial Property Journal (RPI).",
        (
            "巴西国家工业产权局（INPI）",
            "National Institute of Industrial Property (INPI)",
            "https://www.gov.br/inpi/",
        ),
        [("Lei 9.279/1996, art. 158", "https://www.planalto.gov.br/ccivil_03/leis/l9279.htm")],
        [
            _opposition(
                60,
                "days",
                "Lei 9.279/1996, art. 158",
                "https://www.planalto.gov.br/ccivil_03/leis/l9279.htm",
            )
        ],
    ),
    _profile(
        "VN",
        "越南知识产权制度概要",
        "Vietnam: IP system overview",
        "越南知识产权局负责商标和专利。第三方可在申请公布后依《知识产权法》提出异议；具体期限请以越南知识产权局最新规定为准。",
        "The IP Office of Vietnam handles trade marks and patents. Third parties may oppose after publication under the Law on Intellectual Property; check the current period with the IP Office of Vietnam.",
        ("越南知识产权局", "Intellectual Property Office of Vietnam", "https://ipvietnam.gov.vn/"),
        [("IP Vietnam", "https://ipvietnam.gov.vn/")],
    ),
    _profile(
        "ID",
        "印度尼西亚知识产权制度概要",
        "Indonesia: IP system overview",
        "印度尼西亚知识产权总局（DJKI）公告商标申请2个月，任何人可在公告期内提出异议（2016年第20号法律）。",
        "Indonesia's Directorate General of Intellectual Property (DJKI) publishes applications for two months; anyone may oppose during that period (Law No. 20 of 2016).",
        (
            "印度尼西亚知识产权总局（DJKI）",
            "Directorate General of Intellectual Property (DJKI)",
            "https://www.dgip.go.id/",
        ),
        [("DJKI", "https://www.dgip.go.id/")],
        [
            _opposition(
                2,
                "months",
                "Law No. 20 of 2016 on Marks and Geographical Indications",
                "https://www.dgip.go.id/",
            )
        ],
    ),
    _profile(
        "TH",
        "泰国知识产权制度概要",
        "Thailand: IP system overview",
        "泰国知识产权厅（DIP）公告商标申请后，异议期为60天（2016年修订后的《商标法》）。",
        "At Thailand's Department of Intellectual Property (DIP) an opposition is due within 60 days of publication (Trademark Act as amended in 2016).",
        (
            "泰国知识产权厅（DIP）",
            "Department of Intellectual Property (DIP)",
            "https://www.ipthailand.go.th/en/",
        ),
        [("DIP Thailand", "https://www.ipthailand.go.th/en/")],
        [
            _opposition(
                60,
                "days",
                "Trademark Act B.E. 2534 as amended B.E. 2559, s.35",
                "https://www.ipthailand.go.th/en/",
            )
        ],
    ),
    _profile(
        "SA",
        "沙特阿拉伯知识产权制度概要",
        "Saudi Arabia: IP system overview",
        "沙特知识产权局（SAIP）统一负责商标、专利和版权。商标异议期限请以SAIP最新规定为准。",
        "The Saudi Authority for Intellectual Property (SAIP) handles trade marks, patents and copyright. Check the current opposition period with SAIP.",
        (
            "沙特知识产权局（SAIP）",
            "Saudi Authority for Intellectual Property (SAIP)",
            "https://www.saip.gov.sa/en/",
        ),
        [("SAIP", "https://www.saip.gov.sa/en/")],
    ),
    _profile(
        "MX",
        "墨西哥知识产权制度概要",
        "Mexico: IP system overview",
        "墨西哥工业产权局（IMPI）在《工业产权公报》公布商标申请后，异议期为1个月（《联邦工业产权保护法》）。",
        "At the Mexican Institute of Industrial Property (IMPI) an opposition is due within one month of publication of the application in the Industrial Property Gazette (Federal Law for the Protection of Industrial Property).",
        (
            "墨西哥工业产权局（IMPI）",
            "Mexican Institute of Industrial Property (IMPI)",
            "https://www.gob.mx/impi",
        ),
        [("IMPI", "https://www.gob.mx/impi")],
        [
            _opposition(
                1,
                "months",
                "Ley Federal de Protección a la Propiedad Industrial, art. 221",
                "https://www.gob.mx/impi",
            )
        ],
    ),
    _profile(
        "TR",
        "土耳其知识产权制度概要",
        "Türkiye: IP system overview",
        "土耳其专利商标局（TÜRKPATENT）在《官方商标公报》公布申请后，异议期为2个月（第6769号《工业产权法》第18条）。",
        "At the Turkish Patent and Trademark Office (TÜRKPATENT) an opposition is due within two months of publication in the Official Trademark Bulletin (Industrial Property Law No. 6769, Art. 18).",
        (
            "土耳其专利商标局（TÜRKPATENT）",
            "Turkish Patent and Trademark Office (TÜRKPATENT)",
            "https://www.turkpatent.gov.tr/en",
        ),
        [("TÜRKPATENT", "https://www.turkpatent.gov.tr/en")],
        [
            _opposition(
                2,
                "months",
                "Industrial Property Law No. 6769, Art. 18",
                "https://www.turkpatent.gov.tr/en",
            )
        ],
    ),
    _profile(
        "RU",
        "俄罗斯知识产权制度概要",
        "Russia: IP system overview",
        "俄罗斯联邦知识产权局（Rospatent）不设注册前商标异议，第三方可在审查期间提交意见，注册后可申请无效；争议由知识产权法院审理。",
        "Rospatent has no pre-registration trade mark opposition: third parties may file observations during examination and seek invalidation after registration; disputes go to the Intellectual Property Court.",
        (
            "俄罗斯联邦知识产权局（Rospatent）",
            "Federal Service for Intellectual Property (Rospatent)",
            "https://rospatent.gov.ru/en",
        ),
        [("Rospatent", "https://rospatent.gov.ru/en")],
    ),
    _profile(
        "WO",
        "马德里体系（WIPO）概要",
        "Madrid system (WIPO): overview",
        "通过世界知识产权组织（WIPO）马德里体系可一次申请指定多个国家；被指定国可在12个月或18个月内驳回保护（《马德里议定书》第5条），异议在各被指定国依其法律进行。",
        "WIPO's Madrid system designates many countries with one international application; a designated office may refuse protection within 12 or 18 months (Madrid Protocol, Art. 5), and oppositions take place in each designated country under its law.",
        (
            "世界知识产权组织（WIPO）",
            "World Intellectual Property Organization (WIPO)",
            "https://www.wipo.int/madrid/en/",
        ),
        [("WIPO Madrid system", "https://www.wipo.int/madrid/en/")],
    ),
]
