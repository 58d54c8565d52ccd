"""The "json" fixture format, with times kept to the microsecond.

Django's own JSON serializer writes datetimes to the millisecond (for
JavaScript). A record saved at 12:00:00.000417 would be dumped as
"12:00:00.000Z", loaded back as 12:00:00, then dumped as "12:00:00Z": a dump of
a loaded fixture would not give the same file. Registered for "json" in
settings.SERIALIZATION_MODULES, so `dumpdata`/`loaddata` use it; the files are
ordinary Django JSON fixtures, only more precise.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoJSONSerializer

__all__ = ["Deserializer", "ExactJSONEncoder", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(DjangoJSONSerializer):
    def _init_options(self):
        super()._init_options()
        if self.json_kwargs["cls"] is DjangoJSONEncoder:
            self.json_kwargs["cls"] = ExactJSONEncoder
