"""Search benchmark: index build time and query latency of the knowledge search.

Usage: python bench/search.py [--docs N] [--queries Q] [--seed S]
       (defaults: 100000 documents of about 1 KB, 1000 queries)

Generates N bilingual documents (Chinese and English IP-dispute prose, about 1 KB of UTF-8 each)
from a fixed seed, builds the index through the real code path (`index_documents`: jieba with the IP
dictionary, then the engine's own full-text index), and runs Q mixed one- and two-word queries
(Chinese and English) through `search()` (ranking, facets, highlighted snippets). The baseline,
measured in the same run on the same text, is a plain SQLite FTS5 trigram table queried with the
raw words. SQLite runs on a throwaway database in a temporary directory; when DATABASE_URL points
to PostgreSQL the same is measured on a scratch database `<name>_bench_search` (created and
dropped). The last line is one JSON object for SQLite (a PostgreSQL line comes before it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ZH_SUBJECTS = [
    "北京某科技企业",
    "跨境电商卖家",
    "天津某制造企业",
    "河北某家电企业",
    "某新能源汽车企业",
    "某生物医药公司",
    "某消费电子品牌",
    "某服装出口企业",
    "某游戏开发商",
    "某SaaS服务商",
]
ZH_EVENTS = [
    "遭遇商标抢注",
    "被提起337调查",
    "收到临时禁令",
    "被诉专利侵权",
    "被指控不正当竞争",
    "店铺资金被冻结",
    "被海关扣押货物",
    "收到警告函",
    "被平台下架商品",
    "面临外观设计侵权指控",
]
ZH_PLACES = [
    "在美国",
    "在欧盟",
    "在英国",
    "在日本",
    "在韩国",
    "在德国",
    "在印度",
    "在巴西",
    "在越南",
    "在墨西哥",
    "在土耳其",
    "在泰国",
]
ZH_ACTIONS = [
    "委托当地律师应诉",
    "提出商标异议",
    "申请无效宣告",
    "与权利人和解",
    "提交答辩状",
    "申请海关备案",
    "提出规避设计",
    "寻求维权援助",
    "启动调解程序",
    "准备使用证据",
]
ZH_FILLER = [
    "根据当地法律",
    "在规定期限内",
    "经过专家指导",
    "考虑到诉讼成本",
    "为了保护品牌",
    "结合行业经验",
    "在维权中心协调下",
    "依据公开判例",
    "按照平台规则",
    "在律师建议下",
]
EN_WORDS = [
    "trademark",
    "patent",
    "design",
    "copyright",
    "opposition",
    "cancellation",
    "infringement",
    "injunction",
    "restraining",
    "order",
    "seller",
    "marketplace",
    "account",
    "frozen",
    "settlement",
    "court",
    "district",
    "commission",
    "exclusion",
    "investigation",
    "respondent",
    "complainant",
    "customs",
    "seizure",
    "counterfeit",
    "registration",
    "publication",
    "deadline",
    "extension",
    "answer",
    "complaint",
    "service",
    "damages",
    "royalty",
    "license",
    "brand",
    "squatting",
    "distributor",
    "agent",
    "evidence",
    "hearing",
    "appeal",
    "judgment",
    "default",
    "discovery",
    "claim",
    "construction",
    "validity",
    "prior",
    "art",
    "utility",
    "model",
    "cross-border",
    "e-commerce",
    "platform",
    "takedown",
    "notice",
    "warning",
    "letter",
    "mediation",
    "arbitration",
    "enforcement",
    "remedy",
    "cost",
    "attorney",
    "counsel",
    "filing",
    "office",
    "examiner",
    "gazette",
    "journal",
    "bulletin",
    "guide",
    "handbook",
    "battery",
    "vehicle",
    "lighting",
    "textile",
    "furniture",
    "toy",
    "software",
    "saas",
    "biomedicine",
    "electronics",
    "solar",
    "charger",
    "speaker",
    "headphone",
    "bicycle",
]
INDUSTRIES = list("CFIM")
JURISDICTIONS = ["US", "EU", "GB", "JP", "KR", "DE", "IN", "BR"]
IP_TYPES = ["trademark", "patent", "design", "copyright"]


def zh_sentence(rng: random.Random) -> str:
    return (
        rng.choice(ZH_SUBJECTS)
        + rng.choice(ZH_PLACES)
        + rng.choice(ZH_EVENTS)
        + "，"
        + rng.choice(ZH_FILLER)
        + rng.choice(ZH_ACTIONS)
        + "。"
    )


def en_sentence(rng: random.Random) -> str:
    words = rng.sample(EN_WORDS, rng.randint(8, 14))
    return (" ".join(words) + f" case {rng.randint(1, 99999)}.").capitalize()


def make_documents(n: int, seed: int):
    from oipa.knowledge.search.documents import SearchDocument

    rng = random.Random(seed)
    for i in range(n):
        zh, en = [], []
        while len("".join(zh).encode()) < 480:
            zh.append(zh_sentence(rng))
        while len(" ".join(en)) < 440:
            en.append(en_sentence(rng))
        title = zh_sentence(rng)[:-1] + " / " + " ".join(rng.sample(EN_WORDS, 5)).title()
        yield SearchDocument(
            kind=rng.choice(["profile", "case", "guide", "bulletin"]),
            key=f"bench-{i}",
            title=title,
            body="".join(zh) + "\n" + " ".join(en),
            url=f"/bench/{i}/",
            jurisdictions=(rng.choice(JURISDICTIONS),),
            ip_types=(rng.choice(IP_TYPES),),
            industries=(rng.choice(INDUSTRIES),),
        )


def make_queries(q: int, seed: int) -> list[str]:
    rng = random.Random(seed + 1)
    zh_terms = [
        "商标抢注",
        "337调查",
        "临时禁令",
        "不正当竞争",
        "跨境电商",
        "专利侵权",
        "海关",
        "异议",
        "和解",
        "律师",
        "冻结",
        "外观设计",
        "维权援助",
        "无效宣告",
        "调解",
        "美国",
        "日本",
        "新能源汽车",
        "生物医药",
        "答辩状",
    ]
    queries = []
    for _ in range(q):
        pool = zh_terms if rng.random() < 0.5 else EN_WORDS
        words = rng.sample(pool, rng.choice([1, 2]))
        queries.append(" ".join(words))
    return queries


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def configure(database_url: str, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "oipa.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["OIPA_VAR_DIR"] = str(workdir)
    os.environ["AUDIT_CHECKPOINT_PATH"] = str(workdir / "checkpoints.jsonl")
    os.environ.pop("CELERY_BROKER_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def run(n: int, q: int, seed: int) -> dict:
    from django.db import connection, transaction

    from oipa.knowledge.models import SearchEntry
    from oipa.knowledge.search.index import index_documents
    from oipa.knowledge.search.query import search
    from oipa.knowledge.search.segment import tokenizer

    tokenizer()  # load jieba's dictionary outside the timed build
    SearchEntry.objects.all().delete()
    started = time.perf_counter()
    with transaction.atomic():
        written = index_documents(make_documents(n, seed))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO knowledge_search_fts(knowledge_search_fts) VALUES('optimize')"
            )
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_searchentry")
    build_s = time.perf_counter() - started
    queries = make_queries(q, seed)
    for text in queries[:20]:  # warm caches
        search(text)
    timings, hits = [], 0
    for text in queries:
        t0 = time.perf_counter()
        results = search(text)
        timings.append((time.perf_counter() - t0) * 1000)
        hits += bool(results.hits)
    result = {
        "documents": written,
        "backend": connection.vendor,
        "build_s": round(build_s, 2),
        "p50_ms": round(statistics.median(timings), 2),
        "p99_ms": round(percentile(timings, 99), 2),
        "queries_with_hits": hits,
        "queries": len(queries),
    }
    return result


def baseline(n: int, q: int, seed: int, workdir: Path) -> dict:
    """Plain SQLite FTS5 trigram table over the same raw text, queried with the raw words."""
    import sqlite3

    db = sqlite3.connect(workdir / "baseline.sqlite3")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='trigram')")
    started = time.perf_counter()
    db.executemany(
        "INSERT INTO docs(title, body) VALUES (?, ?)",
        ((d.title, d.body) for d in make_documents(n, seed)),
    )
    db.commit()
    build_s = time.perf_counter() - started
    timings = []
    for text in make_queries(q, seed):
        words = text.split()
        long_words = [w for w in words if len(w) >= 3]
        short_words = [w for w in words if len(w) < 3]
        clauses, params = [], []
        if long_words:
            clauses.append("docs MATCH ?")
            params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
        for word in short_words:  # trigram cannot index words under 3 characters
            clauses.append("(title LIKE ? OR body LIKE ?)")
            params += [f"%{word}%", f"%{word}%"]
        order = "ORDER BY rank" if long_words else ""
        sql = f"SELECT rowid, title FROM docs WHERE {' AND '.join(clauses)} {order} LIMIT 20"
        t0 = time.perf_counter()
        db.execute(sql, params).fetchall()
        timings.append((time.perf_counter() - t0) * 1000)
    db.close()
    return {
        "build_s": round(build_s, 2),
        "p50_ms": round(statistics.median(timings), 2),
        "p99_ms": round(percentile(timings, 99), 2),
    }


def postgres_url(url: str) -> str | None:
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    base, _, name = url.rpartition("/")
    return f"{base}/{name.split('?')[0]}_bench_search"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--backend-url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.backend_url:  # child process: one PostgreSQL run
            configure(args.backend_url, workdir)
            print(json.dumps(run(args.docs, args.queries, args.seed)))
            return
        pg = postgres_url(os.environ.get("DATABASE_URL", ""))
        pg_result = run_postgres(pg, args) if pg else None
        configure(f"sqlite:///{workdir / 'bench.sqlite3'}", workdir)
        ours = run(args.docs, args.queries, args.seed)
        base = baseline(args.docs, args.queries, args.seed, workdir)
    print(f"documents:              {ours['documents']}")
    print(
        f"sqlite build:           {ours['build_s']} s (baseline trigram build {base['build_s']} s)"
    )
    print(f"sqlite p50 / p99:       {ours['p50_ms']} / {ours['p99_ms']} ms")
    print(
        f"baseline p50 / p99:     {base['p50_ms']} / {base['p99_ms']} ms (FTS5 trigram, raw words)"
    )
    ratio = ours["p50_ms"] / base["p50_ms"] if base["p50_ms"] else float("inf")
    print(f"p50 ratio ours/baseline: {ratio:.2f}")
    print(f"queries with hits:      {ours['queries_with_hits']} / {ours['queries']}")
    if pg_result:
        print(f"postgresql build:       {pg_result['build_s']} s")
        print(f"postgresql p50 / p99:   {pg_result['p50_ms']} / {pg_result['p99_ms']} ms")
        print(json.dumps({**_keys(pg_result), "baseline_p50_ms": base["p50_ms"]}))
    print(json.dumps({**_keys(ours), "baseline_p50_ms": base["p50_ms"]}))


def _keys(result: dict) -> dict:
    return {k: result[k] for k in ("documents", "backend", "build_s", "p50_ms", "p99_ms")}


def run_postgres(url: str, args) -> dict:
    """Create the scratch database, run the child process on it, drop it."""
    import psycopg

    admin_url, _, name = url.rpartition("/")
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--docs",
                str(args.docs),
                "--queries",
                str(args.queries),
                "--seed",
                str(args.seed),
                "--backend-url",
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out.strip().splitlines()[-1])
    finally:
        with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
