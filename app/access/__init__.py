"""Who may do what: staff accounts, roles and permissions, and the one door to secrets."""
