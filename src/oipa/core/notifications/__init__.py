"""In-app and email notifications, one per recipient and event."""
