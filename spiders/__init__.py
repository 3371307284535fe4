"""Scrapy spiders: one per outlet slug. They find and parse pages, nothing else."""
