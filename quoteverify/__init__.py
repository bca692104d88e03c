"""quoteverify: check quotations in news articles against their primary sources."""

__version__ = "0.1.0"
