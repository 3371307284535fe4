"""Case matching: people named in articles to known political-prisoner cases.

Spellings across scripts and Russian case endings (:mod:`.variants`, :mod:`.declension`,
:mod:`.normalize`), a blocking index (:mod:`.index`), explainable features
(:mod:`.features`) weighed in :mod:`.scoring`, and analysts' feedback (:mod:`.feedback`).
"""

from monitor.matching.context import context_key
from monitor.matching.matcher import Matcher, is_new_case_candidate

__all__ = ["Matcher", "context_key", "is_new_case_candidate"]
