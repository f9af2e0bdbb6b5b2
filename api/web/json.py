"""Flask's JSON provider on orjson: the same JSON, several times faster to encode.

Keys stay sorted, as with Flask's default provider; what orjson does not encode natively (dates as
HTTP dates, Decimal, objects with __html__) goes through Flask's own `default`.
"""
from __future__ import annotations

from typing import Any

import orjson
from flask.json.provider import DefaultJSONProvider

OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


class OrjsonProvider(DefaultJSONProvider):
    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs:   # options orjson does not take (indent, separators...): Flask's own encoder
            return super().dumps(obj, **kwargs)
        return orjson.dumps(obj, default=self.default, option=OPTIONS).decode()

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return super().loads(s, **kwargs) if kwargs else orjson.loads(s)

    def response(self, *args: Any, **kwargs: Any):
        obj = self._prepare_response_obj(args, kwargs)
        if self._app.debug:   # pretty-printed, as Flask does in debug mode
            return super().response(obj)
        return self._app.response_class(orjson.dumps(obj, default=self.default, option=OPTIONS) + b"\n",
                                        mimetype=self.mimetype)
