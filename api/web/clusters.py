from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.relations import get_cluster, list_clusters
from ..schemas.common import NoArgs
from ..schemas.relations import ClusterArgs, ClusterPage, ClusterSchema
from .base import Blueprint
from .paging import envelope

blp = Blueprint("statement-clusters", __name__, url_prefix="/v1/statement-clusters",
                description="One remark reported by several outlets: statements of one speaker, in different "
                            "documents, whose words overlap.")


@blp.route("")
class Clusters(MethodView):
    @blp.arguments(ClusterArgs, location="query", as_kwargs=True)
    @blp.response(200, ClusterPage)
    def get(self, per_page, cursor=None, **filters):
        """List statement clusters, by id, each with its outlets and every report"""
        return envelope(list_clusters(db.session, cursor=cursor, limit=per_page, **filters), per_page)


@blp.route("/<int(max=2147483647):cluster_id>")
class ClusterItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, ClusterSchema)
    def get(self, cluster_id):
        """One statement cluster: the speaker, the outlets and each report with its evidence"""
        return get_cluster(db.session, cluster_id) or abort(404, message=f"No statement cluster {cluster_id}")
