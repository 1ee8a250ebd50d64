"""Create the first Center administrator of a new installation."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oipa.accounts.services import bootstrap_center_admin


class Command(BaseCommand):
    help = (
        "Create the first Center administrator (and the Center). Password from "
        "OIPA_ADMIN_PASSWORD or asked interactively."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="")
        parser.add_argument("--center-name", default="")

    def handle(self, *args, email, name, center_name, **options):
        password = os.environ.get("OIPA_ADMIN_PASSWORD") or getpass.getpass("Password: ")
        try:
            membership = bootstrap_center_admin(
                email=email, password=password, full_name=name, center_name=center_name
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {membership.user.email} as administrator of {membership.organization}. "
                "They must set up TOTP at first login."
            )
        )
