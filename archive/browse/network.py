"""Who met whom and who signed with whom, as GraphML and GEXF for Gephi, networkx or Cytoscape.

Nodes are live people and organizations (and, for agreements, states that are a party in
their own name, as `country:KZ`); an edge joins two nodes that were in one meeting (or were
parties to one agreement), weighted by how many, with the first and last date and the number
of distinct source articles. Written with the standard library's XML escaping: the graph is
built from a bounded window of the list (exports.EXPORT_LIMIT records), read in chunks with
one query per relation, then streamed out as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from xml.sax.saxutils import escape, quoteattr

from django.http import StreamingHttpResponse
from django.utils import timezone

from . import exports

NODE_ATTRS = (("label", "string"), ("kind", "string"), ("country", "string"), ("url", "string"))
EDGE_ATTRS = (("weight", "double"), ("count", "int"), ("first_date", "string"), ("last_date", "string"),
              ("sources", "int"), ("records", "string"))


@dataclass
class Edge:
    count: int = 0
    first_date: str | None = None
    last_date: str | None = None
    articles: set = field(default_factory=set)
    records: list = field(default_factory=list)

    def add(self, record: dict) -> None:
        self.count += 1
        self.records.append(record["id"])
        self.articles.update(s["article_id"] for s in record["sources"])
        if record["date"]:
            self.first_date = min(self.first_date or record["date"], record["date"])
            self.last_date = max(self.last_date or record["date"], record["date"])


@dataclass
class Network:
    nodes: dict = field(default_factory=dict)  # key -> {label, kind, country, url}
    edges: dict = field(default_factory=dict)  # (key, key) -> Edge


# Who may be a node: people and organizations met; agreements also join states that are a party themselves.
NODE_KINDS = {"participants": ("person", "organization"), "parties": ("person", "organization", "country")}


def _node_key(item: dict, kinds: tuple[str, ...]) -> str:
    return exports.record_key(item) if item["kind"] in kinds else ""


def build(export: exports.Export, ids: list[int], members: str, base_url: str = "") -> Network:
    """The network of the records `ids` (meetings or agreements), `members` naming their participants' key."""
    network, kinds = Network(), NODE_KINDS[members]
    for record in export.rows(ids, base_url):
        keys = []
        for item in record[members]:
            key = _node_key(item, kinds)
            if not key or key in keys:
                continue
            keys.append(key)
            network.nodes.setdefault(key, {"label": item["name"], "kind": item["kind"],
                                           "country": item["country_code"] or "", "url": item["url"] or ""})
        for pair in combinations(sorted(keys), 2):
            network.edges.setdefault(pair, Edge()).add(record)
    return network


def _edge_values(edge: Edge) -> dict:
    return {"weight": edge.count, "count": edge.count, "first_date": edge.first_date or "",
            "last_date": edge.last_date or "", "sources": len(edge.articles),
            "records": " ".join(str(r) for r in edge.records)}


def graphml(network: Network, what: str) -> Iterator[str]:
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for name, kind in NODE_ATTRS:
        yield f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n'
    for name, kind in EDGE_ATTRS:
        yield f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n'
    yield f'  <graph id={quoteattr(what)} edgedefault="undirected">\n'
    for key, node in network.nodes.items():
        data = "".join(f'<data key="{k}">{escape(str(node[k]))}</data>' for k, _ in NODE_ATTRS)
        yield f"    <node id={quoteattr(key)}>{data}</node>\n"
    for i, ((a, b), edge) in enumerate(network.edges.items()):
        values = _edge_values(edge)
        data = "".join(f'<data key="{k}">{escape(str(values[k]))}</data>' for k, _ in EDGE_ATTRS)
        yield f'    <edge id="e{i}" source={quoteattr(a)} target={quoteattr(b)}>{data}</edge>\n'
    yield "  </graph>\n</graphml>\n"


def gexf(network: Network, what: str) -> Iterator[str]:
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
           f'  <meta lastmodifieddate="{timezone.now().date().isoformat()}"><creator>the archive</creator>'
           f"<description>{escape(what)}</description></meta>\n"
           '  <graph mode="static" defaultedgetype="undirected">\n    <attributes class="node">\n')
    for i, (name, kind) in enumerate(NODE_ATTRS[1:]):
        yield f'      <attribute id="{i}" title="{name}" type="{kind}"/>\n'
    yield '    </attributes>\n    <attributes class="edge">\n'
    edge_attrs = [(n, k) for n, k in EDGE_ATTRS if n != "weight"]
    for i, (name, kind) in enumerate(edge_attrs):
        yield f'      <attribute id="{i}" title="{name}" type="{"integer" if kind == "int" else kind}"/>\n'
    yield "    </attributes>\n    <nodes>\n"
    for key, node in network.nodes.items():
        values = "".join(f'<attvalue for="{i}" value={quoteattr(str(node[name]))}/>'
                         for i, (name, _) in enumerate(NODE_ATTRS[1:]))
        yield f"      <node id={quoteattr(key)} label={quoteattr(node['label'])}><attvalues>{values}</attvalues></node>\n"
    yield "    </nodes>\n    <edges>\n"
    for i, ((a, b), edge) in enumerate(network.edges.items()):
        v = _edge_values(edge)
        values = "".join(f'<attvalue for="{j}" value={quoteattr(str(v[name]))}/>'
                         for j, (name, _) in enumerate(edge_attrs))
        yield (f'      <edge id="{i}" source={quoteattr(a)} target={quoteattr(b)} weight="{edge.count}">'
               f"<attvalues>{values}</attvalues></edge>\n")
    yield "    </edges>\n  </graph>\n</gexf>\n"


WRITERS = {"graphml": (graphml, "application/graphml+xml"), "gexf": (gexf, "application/gexf+xml")}


def network_response(export: exports.Export, members: str, part: exports.Window, fmt: str, what: str,
                     base_url: str = "", next_url: str = ""):
    write, content_type = WRITERS[fmt]
    network = build(export, part.ids, members, base_url)
    response = StreamingHttpResponse(exports.batched(write(network, what)), content_type=f"{content_type}; charset=utf-8")
    return exports.attach(response, f"{export.name}-network", fmt, part, next_url)
