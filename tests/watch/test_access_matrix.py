"""Who can reach which warning, hit, run, portfolio and watched mark, by UI and API."""

import pytest
from django.urls import reverse

from oipa.watch.models import Hit, RiskWarning, WatchedMark
from tests.access import Action, assert_access_matrix

from .helpers import import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db

USERS = ("chaoyang", "haidian", "staff", "admin", "auditor", "expert", "partner", "district")
CENTER = ("staff", "admin", "auditor")


@pytest.fixture
def imported(personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)


def users(personas):
    return {"anonymous": None, **{key: personas[key] for key in USERS}}


def test_warnings_are_seen_by_their_enterprise_and_the_center(client, personas, imported):
    objects = {
        "own": RiskWarning.objects.get(organization=personas["chaoyang"].organization),
        "other": RiskWarning.objects.get(organization=personas["haidian"].organization),
    }
    actions = {
        "r": Action(url=lambda w: reverse("watch:warning_detail", args=[w.code])),
        "a": Action(url=lambda w: reverse("api:risk-warning-detail", args=[w.code]), api=True),
    }
    allowed = {key: {"own": "ra", "other": "ra"} for key in CENTER}
    allowed["chaoyang"] = {"own": "ra"}
    allowed["haidian"] = {"other": "ra"}
    assert assert_access_matrix(
        client, users=users(personas), objects=objects, actions=actions, allowed=allowed
    )


def test_only_the_warned_enterprise_applies(client, personas, imported):
    objects = {"own": RiskWarning.objects.get(organization=personas["chaoyang"].organization)}
    actions = {
        "p": Action(
            url=lambda w: reverse("watch:warning_apply", args=[w.code]),
            method="post",
            allowed_status=(302,),
        )
    }
    allowed = {"chaoyang": {"own": "p"}}
    assert assert_access_matrix(
        client, users=users(personas), objects=objects, actions=actions, allowed=allowed
    )


def test_hits_runs_and_portfolios_are_for_the_center(client, personas, imported):
    hit = Hit.objects.select_related("publication").first()
    objects = {"hit": hit}
    actions = {
        "a": Action(url=lambda h: reverse("api:watch-hit-detail", args=[h.code]), api=True),
        "r": Action(url=lambda h: reverse("watch:run_detail", args=[h.publication.first_run.code])),
        "o": Action(url=lambda h: reverse("watch:owner_portfolio", args=[h.publication.code])),
        "l": Action(url=lambda h: reverse("watch:hit_list")),
        "q": Action(url=lambda h: reverse("watch:squatter_list")),
        "i": Action(url=lambda h: reverse("watch:run_list")),
    }
    allowed = {key: {"hit": "aroiql"} for key in CENTER}
    assert assert_access_matrix(
        client, users=users(personas), objects=objects, actions=actions, allowed=allowed
    )


def test_dismissing_is_for_center_staff(client, personas, imported):
    objects = {"hit": Hit.objects.first()}
    actions = {
        "d": Action(
            url=lambda h: reverse("watch:hit_dismiss", args=[h.code]),
            method="post",
            allowed_status=(302,),
        )
    }
    allowed = {"staff": {"hit": "d"}, "admin": {"hit": "d"}}
    assert assert_access_matrix(
        client, users=users(personas), objects=objects, actions=actions, allowed=allowed
    )


def test_watched_marks_are_managed_by_their_enterprise_and_center_staff(client, personas, imported):
    objects = {"own": WatchedMark.objects.get(organization=personas["chaoyang"].organization)}
    actions = {
        "a": Action(url=lambda m: reverse("api:watched-mark-detail", args=[m.code]), api=True),
        "x": Action(
            url=lambda m: reverse("watch:mark_remove", args=[m.code]),
            method="post",
            allowed_status=(302,),
        ),
    }
    allowed = {
        "chaoyang": {"own": "ax"},
        "staff": {"own": "ax"},
        "admin": {"own": "ax"},
        "auditor": {"own": "a"},
    }
    # Each "x" cell deactivates the mark; later cells still answer 302 with a message.
    assert assert_access_matrix(
        client, users=users(personas), objects=objects, actions=actions, allowed=allowed
    )
