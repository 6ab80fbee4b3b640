"""The CPC request wizard: one file per page and the wizard that submits the draft."""
