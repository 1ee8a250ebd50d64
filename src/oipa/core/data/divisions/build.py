"""Rebuild current.tsv and history.tsv from public GB/T 2260 sources (by hand, not at run time).

Usage: python src/oipa/core/data/divisions/build.py [SOURCE_DIR]

SOURCE_DIR holds the files described in BUILD.md (default: $OIPA_SHARED_DATA/admin_divisions,
else <repo>/../shared/data/admin_divisions). Standard library only. The output is deterministic:
running it twice on the same inputs gives byte-identical files.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REVISIONS = (
    "gb2260_history/gb-200212.tsv",
    "gb2260_history/stats-200912.tsv",
    "gb2260_history/stats-201509.tsv",
    "gb2260_history/mca-201904.tsv",
)
# Successors that a name match cannot find (merges, splits, renamed stems), checked by hand
# against the State Council approvals; first code = the main successor.
MANUAL_SUCCESSORS = {
    "110103": "110101",  # 崇文区 merged into 东城区 (2010)
    "110104": "110102",  # 宣武区 merged into 西城区 (2010)
    "110110": "110111",  # 燕山区 merged with 房山县 into 房山区 (1986)
    "110203": "110112",  # 通县 -> 通州区 (1997)
    "110223": "110112",  # 通县 -> 通州区 (1997)
    "120107": "120116",  # 塘沽区 -> 滨海新区 (2009)
    "120108": "120116",  # 汉沽区 -> 滨海新区 (2009)
    "120109": "120116",  # 大港区 -> 滨海新区 (2009)
    "120205": "120119",  # 蓟县 -> 蓟州区 (2016)
    "120225": "120119",  # 蓟县 -> 蓟州区 (2016)
    "130103": "130102,130104",  # 石家庄 桥东区 split into 长安区 and 桥西区 (2014)
    "130122": "130110",  # 获鹿县 -> 鹿泉市 (1994) -> 鹿泉区 (2014)
    "130223": "130284",  # 滦县 -> 滦州市 (2018)
    "130230": "130209",  # 唐海县 -> 曹妃甸区 (2012)
    "130421": "130402,130403,130404",  # 邯郸县 split into 邯山区, 丛台区, 复兴区 (2016)
    "130521": "130503,130502",  # 邢台县 split into 信都区 and 襄都区 (2020)
    "130526": "130505",  # 任县 -> 任泽区 (2020)
    "132334": "130110",  # 获鹿县 (石家庄地区) -> 鹿泉区
    "330103": "330105",  # 杭州 下城区 merged into 拱墅区 (2021)
    "330104": "330102,330114",  # 杭州 江干区 split into 上城区 and 钱塘区 (2021)
    "130603": "130606",  # 保定 北市区 merged into 莲池区 (2015)
    "130604": "130606",  # 保定 南市区 merged into 莲池区 (2015)
}
# Renames and upgrades since 2015 elsewhere (new name not sharing the old stem), checked against
# current.tsv names: old code -> new code.
RENAMED_SINCE_2015 = {
    "140227": "140215",
    "140421": "140404",
    "310108": "310106",
    "320202": "320213",
    "320203": "320213",
    "320204": "320213",
    "320405": "320412",
    "320611": "320613",
    "320802": "320812",
    "320811": "320812",
    "330204": "330212",
    "340208": "340209",
    "340221": "340210",
    "350402": "350404",
    "350427": "350405",
    "360105": "360112",
    "360421": "360404",
    "360427": "360483",
    "360721": "360704",
    "361121": "361104",
    "370634": "370614",
    "371202": "370116",
    "410306": "410308",
    "411023": "411003",
    "411222": "411203",
    "430221": "430212",
    "450127": "450181",
    "500234": "500154",
    "510124": "510117",
    "510724": "510705",
    "511521": "511504",
    "520222": "520281",
    "520321": "520304",
    "542421": "540602",
    "542621": "540402",
    "610125": "610118",
    "610427": "610482",
    "610521": "610503",
}
# Names too generic for a name match (placeholders and 郊区-style names).
GENERIC = {
    "市辖区",
    "县",
    "郊区",
    "城区",
    "矿区",
    "市区",
    "新区",
    "林区",
    "地区",
    "省直辖县级行政区划",
}
SUFFIXES = (
    "自治县",
    "自治旗",
    "自治州",
    "林区",
    "矿区",
    "新区",
    "地区",
    "区",
    "县",
    "市",
    "旗",
    "盟",
)
LOC_LINE = re.compile(r'^\s+(\d{4}) county="(.*)"')
LOC_PROVINCE = re.compile(r'^(\d\d) province="(.*)"')
LOC_SPAN = re.compile(r"^(?:\[(\d*)-(\d*)\])?(.*)$")


def source_dir() -> Path:
    """The directory holding the upstream files (argv[1], env var, or the sibling shared/)."""
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if os.environ.get("OIPA_SHARED_DATA"):
        return Path(os.environ["OIPA_SHARED_DATA"]) / "admin_divisions"
    return HERE.parents[4].parent / "shared" / "data" / "admin_divisions"


def level_of(code: str) -> str:
    """GB/T 2260 level from the code pattern."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def parent_of(code: str) -> str:
    """Parent code: county -> prefecture, prefecture -> province, province -> ''."""
    level = level_of(code)
    if level == "province":
        return ""
    return code[:2] + "0000" if level == "prefecture" else code[:4] + "00"


def stem(name: str) -> str:
    """Name without its administrative suffix, '' for names too generic to match on."""
    if name in GENERIC:
        return ""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def read_nbs(src: Path) -> dict[str, str]:
    """NBS 2023 provinces, prefectures and counties as {6-digit code: name}."""
    rows: dict[str, str] = {}
    for file, pad in (("provinces.csv", "0000"), ("cities.csv", "00"), ("areas.csv", "")):
        with open(src / file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                rows[row["code"] + pad] = row["name"]
    return rows


def read_loc(src: Path) -> dict[str, list[tuple[str, str, str]]]:
    """loc.dat as {code: [(from_year, to_year, name), ...]} in file order."""
    spans: dict[str, list[tuple[str, str, str]]] = {}
    province = ""
    with open(src / "loc.dat", encoding="utf-8") as fh:
        for line in fh:
            if m := LOC_PROVINCE.match(line):
                province = m.group(1)
            elif m := LOC_LINE.match(line):
                parts = [LOC_SPAN.match(p) for p in m.group(2).split(",")]
                spans[province + m.group(1)] = [
                    (p[1] or "", p[2] or "", p[3]) for p in parts if p is not None
                ]
    return spans


def read_revisions(src: Path) -> dict[str, list[tuple[str, str]]]:
    """GB2260 revision tables as {code: [(year, name), ...]}."""
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for file in REVISIONS:
        with open(src / file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                seen[row["Code"]].append((row["Revision"][:4], row["Name"]))
    return seen


def build_current(nbs: dict[str, str], loc: dict) -> dict[str, str]:
    """NBS 2023 plus codes loc.dat dates as created (start year) that NBS 2023 lacks."""
    current = dict(nbs)
    for code, spans in loc.items():
        start, end, name = spans[-1]
        if code not in current and not end and (start or level_of(code) == "province"):
            current[code] = name
    return current


def stem_index(current: dict[str, str]) -> dict[str, list[str]]:
    """{stem: [current codes]} for the name match in successor()."""
    index: dict[str, list[str]] = defaultdict(list)
    for code, name in sorted(current.items()):
        index[stem(name)].append(code)
    return index


def successor(code: str, name: str, current: dict[str, str], index: dict[str, list[str]]) -> str:
    """Successor codes for a retired code: the manual table, else a unique name match.

    Tried in order, first in the same prefecture and then in the same province: the same full
    name, then the same stem at the same level, then a county-level city that became a
    prefecture-level city of that name.
    """
    if code in MANUAL_SUCCESSORS or code in RENAMED_SINCE_2015:
        return MANUAL_SUCCESSORS.get(code) or RENAMED_SINCE_2015[code]
    key = stem(name)
    if not key:
        return ""
    same = [c for c in index.get(key, []) if c != code and c[:2] == code[:2]]
    for scope in (code[:4], code[:2]):
        in_scope = [c for c in same if c.startswith(scope)]
        for hits in (
            [c for c in in_scope if current[c] == name],
            [c for c in in_scope if level_of(c) == level_of(code)],
            [c for c in in_scope if name.endswith("市") and level_of(c) == "prefecture"],
        ):
            if len(hits) == 1:
                return hits[0]
    return ""


def chain_successors(rows: list[list[str]]) -> None:
    """Give a retired code without successor the successor of a later retired code of that name.

    E.g. 132227 任县 (Xingtai prefecture, to 1993) -> 130526 任县 (to 2020) -> 130505 任泽区.
    """
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, name, _from, _to, succ, _src in rows:
        if succ and name not in GENERIC:
            by_name[(code[:2], name)].add(succ)
    for row in rows:
        found = by_name.get((row[0][:2], row[1]), set())
        if not row[4] and len(found) == 1:
            row[4] = next(iter(found))


def build_history(current: dict[str, str], loc: dict, revisions: dict) -> list[list[str]]:
    """Rows (code, name, from, to, successors, source) for every code not in current."""
    rows = []
    index = stem_index(current)
    for code, spans in loc.items():
        if code not in current:
            name = spans[-1][2]
            row = [
                code,
                name,
                spans[0][0],
                spans[-1][1],
                successor(code, name, current, index),
                "loc",
            ]
            rows.append(row)
    for code, seen in revisions.items():
        if code not in current and code not in loc:
            name = seen[-1][1]
            row = [
                code,
                name,
                seen[0][0],
                seen[-1][0],
                successor(code, name, current, index),
                "gb2260",
            ]
            rows.append(row)
    chain_successors(rows)
    return sorted(rows)


def read_names_en() -> dict[str, str]:
    """The hand-reviewed English names (names_en.tsv)."""
    with open(HERE / "names_en.tsv", encoding="utf-8") as fh:
        lines = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    return {code: en for code, _zh, en in lines}


def write_tsv(path: Path, header: str, rows: list[list[str]]) -> None:
    """Write UTF-8 TSV with LF line ends and a leading comment header."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.writelines("\t".join(row) + "\n" for row in rows)


def main() -> None:
    """Regenerate current.tsv and history.tsv next to this script."""
    src = source_dir()
    current = build_current(read_nbs(src), read_loc(src))
    names_en = read_names_en()
    rows = [
        [c, n, level_of(c), parent_of(c), names_en.get(c, "")] for c, n in sorted(current.items())
    ]
    write_tsv(
        HERE / "current.tsv",
        "# GB/T 2260 divisions in force (NBS 2023-06-30 + later loc.dat creations). See BUILD.md.\n"
        "# code\tname\tlevel\tparent\tname_en\n",
        rows,
    )
    history = build_history(current, read_loc(src), read_revisions(src))
    write_tsv(
        HERE / "history.tsv",
        "# Retired GB/T 2260 codes (loc.dat year spans, GB2260 revisions). See BUILD.md.\n"
        "# code\tname\tvalid_from\tvalid_to\tsuccessors\tsource\n",
        history,
    )
    print(f"current.tsv: {len(rows)} rows; history.tsv: {len(history)} rows")


if __name__ == "__main__":
    main()
