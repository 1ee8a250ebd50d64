"""Batch assignment equals the brute-force optimum on small instances, and beats greedy."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from oipa.experts.assignment import greedy_assignment, solve_assignment


@st.composite
def instances(draw):
    cases = draw(st.integers(1, 4))
    experts = draw(st.integers(1, 4))
    cells = st.one_of(st.none(), st.integers(0, 1000).map(lambda v: v / 10))
    rows = draw(
        st.lists(
            st.lists(cells, min_size=experts, max_size=experts), min_size=cases, max_size=cases
        )
    )
    scores = np.array([[-np.inf if v is None else v for v in row] for row in rows])
    capacity = np.array(draw(st.lists(st.integers(0, 3), min_size=experts, max_size=experts)))
    return scores, capacity


def brute_force(scores, capacity, team_size):
    """(leads placed, total score) of the best assignment, by enumerating every team."""
    cases, experts = scores.shape
    per_case = []
    for c in range(cases):
        options = [((), ())]
        allowed = [e for e in range(experts) if np.isfinite(scores[c, e])]
        for lead in allowed:
            others = [e for e in allowed if e != lead]
            for size in range(team_size):
                for members in itertools.combinations(others, size):
                    options.append(((lead,), members))
        per_case.append(options)
    best = (0, 0.0)
    for choice in itertools.product(*per_case):
        used = np.zeros(experts, int)
        for lead, members in choice:
            for e in lead + members:
                used[e] += 1
        if (used > capacity).any():
            continue
        leads = sum(len(lead) for lead, _ in choice)
        total = round(
            sum(scores[c, e] for c, (lead, members) in enumerate(choice) for e in lead + members),
            1,
        )
        best = max(best, (leads, total))
    return best


def summary(result):
    return (sum(1 for _, _, role in result.rows if role == "lead"), result.objective)


@settings(max_examples=150, deadline=None)
@given(instances())
def test_one_lead_per_case_equals_the_brute_force_optimum(instance):
    scores, capacity = instance
    result = solve_assignment(scores, capacity, candidates=1)
    assert summary(result) == brute_force(scores, capacity, 1)
    assert summary(greedy_assignment(scores, capacity)) <= summary(result)


@settings(max_examples=60, deadline=None)
@given(instances())
def test_teams_of_two_equal_the_brute_force_optimum(instance):
    scores, capacity = instance
    result = solve_assignment(scores, capacity, team_size=2, candidates=1)
    assert summary(result) == brute_force(scores, capacity, 2)


def test_the_solution_respects_capacity_and_forbidden_pairs():
    scores = np.array([[90.0, -np.inf], [80.0, 10.0], [70.0, 20.0]])
    result = solve_assignment(scores, np.array([1, 5]), team_size=2)
    used = np.bincount([e for _, e, _ in result.rows], minlength=2)
    assert used[0] <= 1
    assert (0, 1) not in [(c, e) for c, e, _ in result.rows]
    assert len({(c, e) for c, e, _ in result.rows}) == len(result.rows)


def test_greedy_falls_short_where_the_optimum_does_not():
    # greedy gives expert 0 to case 0 (best pair), leaving case 1 with nobody good
    scores = np.array([[10.0, 9.0], [9.5, 0.0]])
    capacity = np.array([1, 1])
    assert greedy_assignment(scores, capacity).objective == 10.0
    assert solve_assignment(scores, capacity).objective == 18.5
