#!/usr/bin/python3
"""rdflib side of internal/rdfcheck (embedded in the Go package, run with Debian's /usr/bin/python3).

Usage: python3 rdflib_check.py REQUEST.json  -> one JSON object on stdout.
  {"op": "parse", "files": [{"path": P, "fmt": "nt|nq|ttl|jsonld"}, ...]}
      -> {"results": [{"path", "ok", "count", "error"}]}   (rdflib log warnings count as errors)
  {"op": "same", "files": [...]}
      -> {"results": [{"path", "ok", "count", "error", "triples"}], "mismatches": [{"path",
          "count", "first_count", "only_first": [nt lines], "n_only_first", "only_this", "n_only_this"}]}
      every file is parsed, its named graphs merged into one graph, and each graph is compared
      with the first one (rdflib.compare.isomorphic and triple counts).
The network is refused: a remote @context (or anything else that would be fetched) is an error.
"""
import json
import logging
import re
import socket
import sys


def _no_network(*_a, **_k):
    raise OSError("rdfcheck: network access refused (the file must not need remote documents)")


socket.socket.connect = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network

import rdflib  # noqa: E402
from rdflib.compare import graph_diff, isomorphic, to_isomorphic  # noqa: E402

rdflib.NORMALIZE_LITERALS = False  # compare lexical forms exactly as written

# rdflib 6.1.1 (Debian 12) unescapes N-Triples / N-Quads literals with a chain of str.replace,
# so "C:\\temp" (backslash, then "temp") comes out as "C:\<TAB>emp". Replace it with a one-pass
# unescape (what later rdflib versions do). Malformed escapes are left to the other parsers.
_ESC = re.compile(r'\\(?:([tbnrf"\'\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))')
_ESC_CHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unquote(s):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    if "\\" not in s:
        return s
    return _ESC.sub(lambda m: _ESC_CHAR[m.group(1)] if m.group(1) else chr(int(m.group(2) or m.group(3), 16)), s)


import rdflib.plugins.parsers.ntriples as _ntriples  # noqa: E402

_ntriples.unquote = _unquote

FORMATS = {"nt": "nt", "nq": "nquads", "ttl": "turtle", "trig": "trig", "jsonld": "json-ld"}
DATASET_FORMATS = {"nq", "trig", "jsonld"}


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.msgs = []

    def emit(self, record):
        self.msgs.append(record.getMessage())


def short(s, n=600):
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def parse(f):
    """-> (merged rdflib.Graph, number of statements parsed) or raises."""
    fmt = f["fmt"]
    if fmt in DATASET_FORMATS:
        g = rdflib.ConjunctiveGraph()
    else:
        g = rdflib.Graph()
    g.parse(f["path"], format=FORMATS[fmt])
    if fmt in DATASET_FORMATS:
        triples = ((s, p, o) for s, p, o, _g in g.quads((None, None, None, None)))
    else:
        triples = iter(g)
    merged = rdflib.Graph()
    n = 0
    for t in triples:
        merged.add(t)
        n += 1
    return merged, n


def run(f):
    cap = Capture()
    root = logging.getLogger()
    root.addHandler(cap)
    try:
        g, n = parse(f)
    except Exception as e:  # noqa: BLE001
        return None, {"path": f["path"], "ok": False, "error": short(f"{type(e).__name__}: {e}")}
    finally:
        root.removeHandler(cap)
    if cap.msgs:
        return g, {"path": f["path"], "ok": False, "count": n,
                   "error": short("warning: " + " | ".join(cap.msgs[:5]))}
    return g, {"path": f["path"], "ok": True, "count": n}


def nt(triples, limit=10):
    return sorted(" ".join(t.n3() for t in tr) + " ." for tr in triples)[:limit]


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        req = json.load(fh)
    results, graphs = [], []
    for f in req["files"]:
        g, r = run(f)
        results.append(r)
        graphs.append(g)
    out = {"results": results}
    if req["op"] == "same":
        out["mismatches"] = []
        if all(g is not None for g in graphs) and graphs:
            first = graphs[0]
            for f, g in zip(req["files"][1:], graphs[1:]):
                if len(g) == len(first) and isomorphic(first, g):
                    continue
                _both, a, b = graph_diff(to_isomorphic(first), to_isomorphic(g))
                out["mismatches"].append({
                    "path": f["path"], "count": len(g), "first_count": len(first),
                    "only_first": nt(a), "n_only_first": len(a),
                    "only_this": nt(b), "n_only_this": len(b)})
            for r, g in zip(results, graphs):
                r["triples"] = len(g)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
