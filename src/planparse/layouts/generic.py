"""The generic parser: the layout engine with the default declaration, for layouts no family
recognises. The registry adds a ``layout_unknown`` warning whenever detection chooses it."""

from __future__ import annotations

from planparse.layouts import register
from planparse.layouts.base import Fingerprint, LayoutParser
from planparse.layouts.spec import DEFAULT


@register
class GenericParser(LayoutParser):
    name = DEFAULT.name
    version = DEFAULT.version
    description = DEFAULT.description
    fingerprint = Fingerprint(signals=())
    spec = DEFAULT
