"""Continue source -> tool registry."""
