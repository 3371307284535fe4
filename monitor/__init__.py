"""Case monitor: news scraping, extraction, case matching and alerts for human-rights monitors."""

__version__ = "0.1.0"
