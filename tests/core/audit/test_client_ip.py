"""client_ip: REMOTE_ADDR, or X-Forwarded-For only as far as our own proxies vouch for it."""

from __future__ import annotations

from django.test import RequestFactory

from oipa.core.audit.services import client_ip

FORWARDED = "203.0.113.9, 198.51.100.7"


def request(remote: str = "10.0.0.2", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_it_uses_the_remote_address():
    assert client_ip(request()) == "10.0.0.2"


def test_it_ignores_forwarded_for_without_trusted_proxies():
    assert client_ip(request(forwarded=FORWARDED)) == "10.0.0.2"


def test_it_takes_the_hop_our_one_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded=FORWARDED)) == "198.51.100.7"


def test_it_takes_the_hop_the_outer_of_two_proxies_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded=FORWARDED)) == "203.0.113.9"


def test_it_answers_none_for_something_that_is_not_an_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded="unknown")) is None
