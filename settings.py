"""Scrapy settings for the case monitor, read from the one ``MONITOR_*`` settings object.

Polite by default: robots.txt obeyed, an identifying user agent with a contact address,
AutoThrottle, one or two requests at a time per domain, retries with a growing per-domain
delay on server errors and time-outs, and a cap on page size.
"""

from __future__ import annotations

from monitor.config import load_settings

_settings = load_settings()

BOT_NAME = "case-monitor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = _settings.user_agent
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
    "Accept-Language": "ru,en;q=0.8",
    "From": _settings.contact,
}
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = max(1, min(_settings.concurrent_per_domain, 2))
DOWNLOAD_DELAY = _settings.download_delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = max(_settings.download_delay, 1.0)
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = _settings.max_page_bytes
DOWNLOAD_WARNSIZE = max(_settings.max_page_bytes // 2, 1)
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
MONITOR_BACKOFF_MAX_DELAY = 120.0

# Reachability sees every download failure first (retries and back-off come after it);
# the loop check sees a redirect before the redirect middleware (600) follows it.
DOWNLOADER_MIDDLEWARES = {
    "spiders.middlewares.BackoffMiddleware": 560,
    "spiders.limits.ReachabilityMiddleware": 570,
    "spiders.middlewares.RedirectLoopMiddleware": 650,
}
ITEM_PIPELINES = {"pipelines.store.StorePipeline": 300}
EXTENSIONS = {"spiders.limits.CrawlDeadline": 500}
# Every crawl ends: the outlet's time limit (the crawl runner passes it; this is the
# default), and at once after this many connection failures in a row (DNS, refused).
MONITOR_CRAWL_TIME_LIMIT = _settings.crawl_time_limit
MONITOR_UNREACHABLE_AFTER = 3

MONITOR_DB_URL = _settings.database_url
HTTPCACHE_ENABLED = _settings.http_cache
HTTPCACHE_DIR = str(_settings.home / "httpcache")

TELNETCONSOLE_ENABLED = False
LOG_LEVEL = _settings.scrapy_log_level
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

# A distributed crawl (scrapy-redis), switched on by MONITOR_REDIS_URL: every crawler
# process of one crawl (same MONITOR_CRAWL_ID) shares the request queue and the seen set,
# so no page is fetched twice and none is missed, across processes and machines. Keys
# are per crawl id and kept after a process ends (another may still be working); the
# crawl runner lets them expire.
if _settings.redis_url:
    SCHEDULER = "scrapy_redis.scheduler.Scheduler"
    DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
    SCHEDULER_PERSIST = True
    SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
    REDIS_URL = _settings.redis_url
    SCHEDULER_QUEUE_KEY = f"monitor:{_settings.crawl_id}:%(spider)s:requests"
    SCHEDULER_DUPEFILTER_KEY = f"monitor:{_settings.crawl_id}:%(spider)s:dupefilter"
    DUPEFILTER_KEY = SCHEDULER_DUPEFILTER_KEY
    # an idle process waits a little for requests its peers are still producing
    EXTENSIONS = {**EXTENSIONS, "spiders.distributed.SharedQueueIdle": 500}
    MONITOR_SHARED_IDLE_SECONDS = 8.0
