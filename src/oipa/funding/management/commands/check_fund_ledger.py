"""Verify every mutual-aid fund's books; exit non-zero on any imbalance."""

from django.core.management.base import BaseCommand, CommandError

from oipa.funding.ledger import balance, check_ledger
from oipa.funding.models import Account, MutualAidFund


class Command(BaseCommand):
    help = (
        "Check that every journal entry balances and that each fund's reserve equals "
        "contributions minus payouts."
    )

    def handle(self, *args, **options):
        failed = 0
        for fund in MutualAidFund.objects.order_by("pk"):
            problems = check_ledger(fund)
            if problems:
                failed += 1
                for problem in problems:
                    self.stderr.write(f"{fund.name}: {problem}")
            else:
                reserve = balance(fund, Account.RESERVE)
                self.stdout.write(f"{fund.name}: OK, reserve {reserve} CNY")
        if failed:
            raise CommandError(f"{failed} fund(s) out of balance")
