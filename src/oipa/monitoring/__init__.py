"""Dispute monitoring (Art. 11, 13): feeds, disputes, party matching, review, alerts."""
