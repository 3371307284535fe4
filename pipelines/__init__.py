"""Scrapy item pipelines: thin adapters over functions in ``monitor/``."""
