"""Users, organizations, memberships and roles."""
