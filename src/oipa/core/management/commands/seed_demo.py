"""Load the demo organizations and one user per role. Safe to run any number of times."""

from django.core.management.base import BaseCommand
from django.db import transaction

from oipa.accounts.builders import CENTER_ROLES, PERSONAS, build_personas
from oipa.accounts.models import User
from oipa.assistance.demo import build_demo_cases
from oipa.core.audit.services import record_event
from oipa.core.extensions import build_demo
from oipa.monitoring.builders import build_default_sources

DEMO_DOMAIN = "demo.oipa.cn"
DEMO_PASSWORD = "Oipa-demo-2026!"
# Base32 secret shared by the demo Center accounts; add it to any authenticator app, or run
# `manage.py demo_totp` for the current code.
DEMO_TOTP_SECRET = "OIPADEMOTOTPSECRETKEY234"


class Command(BaseCommand):
    help = "Create demo organizations and one user per role (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            before = User.objects.count()
            people = build_personas(
                domain=DEMO_DOMAIN, password=DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET
            )
            created = User.objects.count() - before
            cases = build_demo_cases(people)
            build_default_sources()
            features = build_demo(people)
            if created or cases or any(features.values()):
                record_event(
                    actor=None,
                    action="core.demo_data_loaded",
                    after={
                        "users_created": created,
                        "cases_created": cases,
                        "features": features,
                        "domain": DEMO_DOMAIN,
                    },
                )
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Logins (password for all: {DEMO_PASSWORD}):")
        )
        for local, _org, role, _name in PERSONAS:
            user = people[local]
            mfa = "  (TOTP required)" if role in CENTER_ROLES else ""
            self.stdout.write(f"  {role.label:<28} {user.email:<28} {user.organization}{mfa}")
        self.stdout.write(
            f"Center accounts use TOTP secret {DEMO_TOTP_SECRET}; "
            "`.venv/bin/python manage.py demo_totp` prints the current code."
        )
