"""manage.py verify_audit: check the audit hash chain; non-zero exit naming the first break."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from oipa.core.audit.chain import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the audit trail hash chain and the signed checkpoints. Exits non-zero, naming the "
        "first broken event, when anything was edited, deleted, inserted, reordered or cut off."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-checkpoints",
            action="store_true",
            help="Check the chain only, not the checkpoint file.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain(checkpoints=not options["no_checkpoints"])
        if not result.ok:
            raise CommandError(
                _("Audit chain BROKEN at event %(seq)s after %(checked)d intact events: %(reason)s")
                % {
                    "seq": result.first_broken_seq if result.first_broken_seq is not None else "?",
                    "checked": result.checked,
                    "reason": result.reason,
                }
            )
        self.stdout.write(
            _(
                "Audit chain intact: %(checked)d events verified against "
                "%(checkpoints)d checkpoints."
            )
            % {"checked": result.checked, "checkpoints": result.checkpoints}
        )
