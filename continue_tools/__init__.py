"""continue-tools: Continue's LLM tools as a versioned registry, and fine-tuning data built from it."""

__version__ = "0.1.0"
