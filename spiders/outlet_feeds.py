"""The one feed-and-listing spider for every outlet whose file says ``spider: generic``.

A spider class per outlet file is made here (named by the outlet's slug), so that
``scrapy list`` shows them and ``scrapy crawl turan`` works; they differ only in data.
"""

from __future__ import annotations

from monitor.outlets import Outlet, all_outlets
from spiders.base import OutletSpider


class FeedAndListingSpider(OutletSpider):
    """Feeds and listings from the outlet file; pages read with its selectors, and
    trafilatura where they find nothing."""


def spider_class(outlet: Outlet) -> type[FeedAndListingSpider]:
    class_name = "".join(part.title() for part in outlet.slug.split("_")) + "Spider"
    return type(
        class_name,
        (FeedAndListingSpider,),
        {"name": outlet.slug, "outlet_slug": outlet.slug, "__module__": __name__},
    )


for _outlet in all_outlets().values():
    if _outlet.spider == "generic":
        _class = spider_class(_outlet)
        globals()[_class.__name__] = _class
        del _class  # one name per class, or Scrapy sees the last spider twice
