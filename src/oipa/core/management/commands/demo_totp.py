"""Print the current TOTP code of the demo Center accounts (demo data only)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand

from .seed_demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current one-time code for the demo Center accounts."

    def handle(self, *args, **options):
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
