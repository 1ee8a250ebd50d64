"""Batch assignment: experts to many waiting cases at once, maximizing the total match score.

The problem is a min-cost flow (OR-Tools `SimpleMinCostFlow`)::

    source → expert (capacity: their free slots)
    expert → case lead slot        (1, −(score + LEAD_PRIORITY))      team_size == 1
    expert → pair(e, c) → lead / member slot                           team_size  > 1
    lead slot → sink (1), member slots → sink (team_size − 1), source → sink (bypass)

Each case gets at most one lead, and up to `team_size − 1` members; an expert is at most once on
a case; forbidden pairs (conflicts, unavailable) have no arc. LEAD_PRIORITY makes giving every
case a lead come before any gain in score; the reported objective is the plain sum of scores.

A dense graph of 5,000 cases × 2,000 experts would be 10 million arcs, so the flow is solved on
each case's best `candidates` experts and then *proved* optimal for the full problem: node
potentials from the residual graph (Bellman–Ford, vectorized) give every arc left out a
reduced cost; if any is negative, those arcs join and the flow is solved again. The answer is
therefore the optimum of the whole instance, not of the shortlist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

SCALE = 100  # scores have one decimal; integer costs keep the optimum exact
LEAD_PRIORITY = 1_000_000  # in scaled units: far above any score


@dataclass
class Assignment:
    """The solver's answer: (case, expert, role) rows by position, and its objective."""

    rows: list[tuple[int, int, str]] = field(default_factory=list)
    objective: float = 0.0
    rounds: int = 0
    arcs: int = 0


def _allowed(scores: np.ndarray) -> np.ndarray:
    return np.isfinite(scores)


def _shortlist(scores: np.ndarray, k: int) -> np.ndarray:
    """Per case, the `k` best allowed experts (boolean mask)."""
    n_cases, n_experts = scores.shape
    mask = np.zeros(scores.shape, bool)
    if n_experts == 0 or n_cases == 0:
        return mask
    k = min(k, n_experts)
    filled = np.where(_allowed(scores), scores, -np.inf)
    top = np.argpartition(-filled, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(n_cases), k)
    mask[rows, top.ravel()] = True
    return mask & _allowed(scores)


class _Network:
    """The flow network over the arcs in `mask`, solved and with potentials."""

    def __init__(self, iscores, capacity, mask, team_size: int) -> None:
        n_cases, n_experts = iscores.shape
        self.n_cases, self.n_experts, self.team_size = n_cases, n_experts, team_size
        self.source, self.sink = 0, 1
        self.expert0 = 2
        self.lead0 = self.expert0 + n_experts
        self.member0 = self.lead0 + n_cases
        cases, experts = np.nonzero(mask)
        self.cases, self.experts = cases, experts
        self.pair0 = self.member0 + (n_cases if team_size > 1 else 0)
        score = iscores[cases, experts]
        tails, heads, caps, costs = [], [], [], []

        def add(t, h, cap, cost):
            tails.append(np.asarray(t, np.int64))
            heads.append(np.asarray(h, np.int64))
            caps.append(np.asarray(cap, np.int64))
            costs.append(np.asarray(cost, np.int64))

        e_nodes = self.expert0 + np.arange(n_experts)
        add(np.zeros(n_experts), e_nodes, capacity, np.zeros(n_experts))
        add([self.source], [self.sink], [n_cases * team_size], [0])
        add(
            self.lead0 + np.arange(n_cases),
            np.full(n_cases, self.sink),
            np.ones(n_cases),
            0 * np.ones(n_cases),
        )
        lead_cost = -(score + LEAD_PRIORITY)
        if team_size == 1:
            self.lead_arcs = slice(sum(len(t) for t in tails), None)
            add(self.expert0 + experts, self.lead0 + cases, np.ones(len(cases)), lead_cost)
        else:
            m = np.arange(n_cases)
            add(
                self.member0 + m,
                np.full(n_cases, self.sink),
                np.full(n_cases, team_size - 1),
                np.zeros(n_cases),
            )
            pairs = self.pair0 + np.arange(len(cases))
            add(self.expert0 + experts, pairs, np.ones(len(cases)), np.zeros(len(cases)))
            start = sum(len(t) for t in tails)
            add(pairs, self.lead0 + cases, np.ones(len(cases)), lead_cost)
            add(pairs, self.member0 + cases, np.ones(len(cases)), -score)
            self.lead_arcs = slice(start, start + len(cases))
            self.member_arcs = slice(start + len(cases), None)
        self.tail = np.concatenate(tails)
        self.head = np.concatenate(heads)
        self.cap = np.concatenate(caps)
        self.cost = np.concatenate(costs)
        self.nodes = int(max(self.tail.max(), self.head.max())) + 1

    def solve(self) -> np.ndarray:
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(self.tail, self.head, self.cap, self.cost)
        supplies = np.zeros(self.nodes, np.int64)
        supplies[self.source] = self.n_cases * self.team_size
        supplies[self.sink] = -self.n_cases * self.team_size
        flow.set_nodes_supplies(np.arange(self.nodes), supplies)
        status = flow.solve()
        if status != flow.OPTIMAL:
            raise RuntimeError(f"min cost flow failed with status {status}")
        self.flow = flow.flows(np.arange(len(self.tail)))
        return self.flow

    def potentials(self) -> np.ndarray:
        """Shortest distances in the residual graph from a virtual root joined to every node
        (Bellman–Ford, one vectorized relaxation per round): reduced costs are then >= 0."""
        forward = self.flow < self.cap
        backward = self.flow > 0
        tail = np.concatenate([self.tail[forward], self.head[backward]])
        head = np.concatenate([self.head[forward], self.tail[backward]])
        cost = np.concatenate([self.cost[forward], -self.cost[backward]])
        order = np.argsort(head, kind="stable")
        tail, head, cost = tail[order], head[order], cost[order]
        starts = np.flatnonzero(np.r_[True, head[1:] != head[:-1]])
        targets = head[starts]
        distance = np.zeros(self.nodes, np.int64)
        for _ in range(self.nodes + 1):
            best = np.minimum.reduceat(distance[tail] + cost, starts)
            improved = best < distance[targets]
            if not improved.any():
                return distance
            distance[targets[improved]] = best[improved]
        raise RuntimeError("negative cycle in the residual graph: the flow is not optimal")


def solve_assignment(
    scores: np.ndarray,
    capacity: np.ndarray,
    *,
    team_size: int = 1,
    candidates: int = 24,
    max_rounds: int = 50,
) -> Assignment:
    """The assignment of experts (columns) to cases (rows) with the highest total score.

    `scores[c, e]` is the match score (one decimal), or ±inf/NaN for a forbidden pair;
    `capacity[e]` the expert's free slots. Every case gets a lead when capacity allows, then up
    to `team_size − 1` members. Optimal for the whole matrix (see the module docstring)."""
    if team_size < 1:
        raise ValueError("team_size must be at least 1")
    scores = np.asarray(scores, dtype=np.float64)
    allowed = _allowed(scores)
    iscores = np.where(allowed, np.round(np.nan_to_num(scores, posinf=0, neginf=0) * SCALE), 0)
    iscores = iscores.astype(np.int64)
    capacity = np.maximum(np.asarray(capacity, np.int64), 0)
    mask = _shortlist(scores, candidates)
    result = Assignment()
    for round_ in range(1, max_rounds + 1):
        network = _Network(iscores, capacity, mask, team_size)
        flow = network.solve()
        distance = network.potentials()
        missing = _violations(network, distance, iscores, allowed & ~mask)
        result.rounds, result.arcs = round_, len(network.tail)
        if not missing.any():
            break
        mask |= missing
    else:
        raise RuntimeError("the assignment did not converge")
    result.rows = _rows(network, flow)
    result.objective = round(sum(float(scores[c, e]) for c, e, _ in result.rows), 1)
    return result


def _violations(network: _Network, distance, iscores, outside) -> np.ndarray:
    """Arcs left out whose reduced cost is negative (they could improve the flow)."""
    expert_d = distance[network.expert0 : network.expert0 + network.n_experts]
    lead_d = distance[network.lead0 : network.lead0 + network.n_cases]
    # arc e→lead(c) of cost −(s+P) has reduced cost −(s+P) + d[e] − d[lead c]
    gain = expert_d[None, :] - lead_d[:, None]
    bad = (iscores + LEAD_PRIORITY) > gain
    if network.team_size > 1:
        member_d = distance[network.member0 : network.member0 + network.n_cases]
        bad |= iscores > (expert_d[None, :] - member_d[:, None])
    return bad & outside


def _rows(network: _Network, flow) -> list[tuple[int, int, str]]:
    rows = []
    lead = flow[network.lead_arcs] > 0
    for c, e in zip(network.cases[lead].tolist(), network.experts[lead].tolist(), strict=True):
        rows.append((c, e, "lead"))
    if network.team_size > 1:
        member = flow[network.member_arcs] > 0
        for c, e in zip(
            network.cases[member].tolist(), network.experts[member].tolist(), strict=True
        ):
            rows.append((c, e, "member"))
    return sorted(rows)


def greedy_assignment(
    scores: np.ndarray, capacity: np.ndarray, *, team_size: int = 1
) -> Assignment:
    """The baseline a loop would give: best pairs first, lead first, while capacity lasts."""
    scores = np.asarray(scores, dtype=np.float64)
    n_cases, n_experts = scores.shape
    filled = np.where(_allowed(scores), scores, -np.inf).ravel()
    order = np.argsort(-filled, kind="stable")
    free = np.maximum(np.asarray(capacity, np.int64), 0).copy()
    leads = np.zeros(n_cases, bool)
    members = np.zeros(n_cases, np.int64)
    result = Assignment()
    seats, slots = n_cases * team_size, int(free.sum())
    finite = int(np.isfinite(filled).sum())
    for start in range(0, finite, 1 << 18):
        chunk = order[start : min(start + (1 << 18), finite)]
        cases, experts = np.divmod(chunk, n_experts)
        # pairs that can no longer be taken are dropped before the loop (same outcome)
        open_case = ~leads[cases] | (members[cases] < team_size - 1)
        keep = open_case & (free[experts] > 0)
        for c, e in zip(cases[keep].tolist(), experts[keep].tolist(), strict=True):
            if free[e] == 0:
                continue
            if not leads[c]:
                leads[c] = True
                role = "lead"
            elif members[c] < team_size - 1:
                members[c] += 1
                role = "member"
            else:
                continue
            free[e] -= 1
            seats, slots = seats - 1, slots - 1
            result.rows.append((c, e, role))
            result.objective += float(scores[c, e])
        if not seats or not slots:
            break
    result.objective = round(result.objective, 1)
    return result
