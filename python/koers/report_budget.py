"""Report section for this area (see koers.report)."""
