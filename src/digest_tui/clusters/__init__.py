"""Story clusters: articles that tell one story, as several publishers' copies of it.

`story_clusters(articles)` groups them; `Clusters.with_changes` follows a changed folder.
`titles` and `stories` reduce an article to what tells its story, `pairs` decides whether
two tell one, `blocking` picks the pairs worth deciding (never all of them), and
`listing` folds a list of articles so each cluster shows as one row.
"""

from digest_tui.clusters.blocking import ClusteringCancelled
from digest_tui.clusters.clusters import Clusters, clusters_near, story_clusters

__all__ = ["ClusteringCancelled", "Clusters", "clusters_near", "story_clusters"]
