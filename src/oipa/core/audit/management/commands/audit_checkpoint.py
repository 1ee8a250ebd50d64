"""manage.py audit_checkpoint: record the audit chain head in the signed checkpoint file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from oipa.core.audit.checkpoints import checkpoint_path, write_checkpoint


class Command(BaseCommand):
    help = "Append a signed checkpoint of the audit chain head (nothing when it has not moved)."

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = write_checkpoint()
        if checkpoint is None:
            self.stdout.write(_("No new checkpoint: the chain head has not moved."))
            return
        self.stdout.write(
            _("Checkpoint written to %(path)s: event %(seq)d, %(algorithm)s %(hash)s")
            % {
                "path": checkpoint_path(),
                "seq": checkpoint.seq,
                "algorithm": checkpoint.algorithm,
                "hash": checkpoint.hash,
            }
        )
