"""ArchiMate models in the Model Exchange File Format 3.x: read, write, compare, map.

Municipal architects keep their architecture in ArchiMate; the VNG publishes GEMMA, the
reference architecture West Betuwe mapped its work processes on, as an exchange file. The C++
reader (``include/koers/io/archimate.hpp``) reads elements, relationships (also between
relationships), properties in every ``xml:lang``, Influence modifiers, access types, junctions,
the organizations tree, metadata, and keeps the views as they are, so writing the model gives
the same model back. koers node and edge kinds map to ArchiMate types by ONE table
(:data:`NODE_MAPPINGS`, :data:`EDGE_MAPPINGS`, :data:`MODIFIER_MAPPINGS`, all from C++).

>>> import koers
>>> m = koers.archimate.from_model(koers.examples.load("deventer-2014"))
>>> m
<ArchimateModel 'Deventer strategisch leer & ontwikkelplan 2014-2017': 91 elements, 218 relationships, 3 views>
>>> m.stats()["elements"]["WorkPackage"]   # 30 interventions and 1 programme
31
>>> koers.archimate.loads(m.to_xml()) == m    # written and read back: the same model
True

Refused files raise :class:`koers.InputError` with the line and the element: E116 not XML,
E117 too large, E601-E609 (2.x format, Archi native file, unknown type, dangling relationship,
duplicate or invalid identifier, unknown property definition, DTD entities).
"""
from __future__ import annotations

import json
import os
import pathlib

from . import _core
from ._lazy import pandas as pd

__all__ = ["ArchimateModel", "ArchimateDiff", "read", "loads", "load_json", "from_model", "export",
           "NODE_MAPPINGS", "EDGE_MAPPINGS", "MODIFIER_MAPPINGS", "MOTIVATION_KINDS", "affected_processes",
           "mapped_processes"]

#: The C++ mapping tables as DataFrames, made on first use (reading a file needs no pandas):
#: NODE_MAPPINGS (ArchiMate element type, koers node kind, written as), EDGE_MAPPINGS (ArchiMate
#: relationship type, koers edge kind, reversed, only written from kind), MODIFIER_MAPPINGS
#: (Influence modifier, contribution label).
_TABLES = {"NODE_MAPPINGS": ("archimate_node_mappings", ["archimate_type", "kind", "primary"]),
           "EDGE_MAPPINGS": ("archimate_edge_mappings", ["archimate_type", "kind", "reversed", "only_from"]),
           "MODIFIER_MAPPINGS": ("archimate_modifier_mappings", ["modifier", "label"])}


def __getattr__(name):
    if name in _TABLES:
        table, columns = _TABLES[name]
        globals()[name] = pd.DataFrame(getattr(_core, table), columns=columns)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
#: The koers kinds the ArchiMate motivation elements map to (Driver, Assessment, Goal, Outcome,
#: Principle, Requirement, Stakeholder).
MOTIVATION_KINDS = ["development", "strategic_theme", "goal", "learning_goal", "target_group"]


def _text(texts, lang: str | None = None) -> str:
    for t in texts:
        if lang is None or t.lang == lang:
            return t.text
    return texts[0].text if texts else ""


class ArchimateModel:
    """An ArchiMate model read from (or to be written as) an exchange file.

    ``elements``, ``relationships``, ``organizations`` and ``property_definitions`` are the C++
    objects (ids, types, names with their languages, properties); the ``*_frame`` methods give
    DataFrames.
    """

    def __init__(self, raw: "_core.ArchimateModel", origin: str = ""):
        self._raw = raw
        self.origin = origin
        self._defs = None

    # ---- the model as read --------------------------------------------------------------
    @property
    def id(self) -> str:
        return self._raw.id

    @property
    def name(self) -> str:
        return _text(self._raw.names)

    @property
    def elements(self):
        return self._raw.elements

    @property
    def relationships(self):
        return self._raw.relationships

    @property
    def organizations(self):
        return self._raw.organizations

    @property
    def property_definitions(self):
        return self._raw.property_definitions

    @property
    def metadata_xml(self) -> str:
        return self._raw.metadata_xml

    @property
    def views_xml(self) -> str:
        return self._raw.views_xml

    def element(self, id: str):
        return self._raw.element(id)

    def relationship(self, id: str):
        return self._raw.relationship(id)

    def __eq__(self, other) -> bool:
        return isinstance(other, ArchimateModel) and self._raw == other._raw

    __hash__ = None

    def __reduce__(self):  # pickles (Dask) as its koers.archimate JSON
        return (_from_json_text, (self.to_json(-1), self.origin))

    def __repr__(self) -> str:
        return (f"<ArchimateModel {self.name!r}: {len(self.elements)} elements, "
                f"{len(self.relationships)} relationships, {self._raw.view_count} views>")

    def stats(self) -> dict:
        """``{"elements": {type: n}, "relationships": {type: n}, "property_definitions": n,
        "organizations": n, "views": n}`` (what ``koers archimate stats --json`` prints)."""
        return _core.archimate_stats(self._raw)

    def _definitions(self) -> dict:
        if self._defs is None:
            self._defs = {d.id: _text(d.names) for d in self._raw.property_definitions}
        return self._defs

    def properties_of(self, concept, lang: str | None = None) -> dict:
        """An element's or relationship's properties as {definition name: value}."""
        defs = self._definitions()
        return {defs.get(p.definition, p.definition): _text(p.values, lang) for p in concept.properties}

    # ---- DataFrames ---------------------------------------------------------------------
    def elements_frame(self, types=None, properties: bool = False) -> pd.DataFrame:
        """One row per element (index id): type, name, documentation; with ``properties`` one
        column per property definition name. ``types`` limits the ArchiMate types."""
        want = set([types] if isinstance(types, str) else types) if types else None
        rows = []
        for e in self._raw.elements:
            if want and e.type not in want:
                continue
            row = {"id": e.id, "type": e.type, "name": _text(e.names), "documentation": _text(e.documentation)}
            if properties:
                row.update(self.properties_of(e))
            rows.append(row)
        df = pd.DataFrame(rows, columns=None if rows else ["id", "type", "name", "documentation"])
        return df.set_index("id")

    def processes(self) -> pd.DataFrame:
        """Every BusinessProcess with its properties (GEMMA: Object ID, GEMMA type, URL, ...) as columns,
        plus ``parent``: the name of the process or function that composes or aggregates it."""
        df = self.elements_frame("BusinessProcess", properties=True)
        parent = {}
        for r in self._raw.relationships:
            if r.type in ("Composition", "Aggregation") and r.target in df.index:
                src = self._raw.element(r.source)
                if src is not None and src.type in ("BusinessProcess", "BusinessFunction"):
                    parent.setdefault(r.target, _text(src.names))
        df.insert(2, "parent", [parent.get(i, "") for i in df.index])
        return df

    def relationships_frame(self) -> pd.DataFrame:
        """One row per relationship (index id): type, source, target, their names, modifier, access type."""
        def name_of(i):
            c = self._raw.element(i) or self._raw.relationship(i)
            return _text(c.names) if c is not None else ""
        rows = [{"id": r.id, "type": r.type, "source": r.source, "source_name": name_of(r.source),
                 "target": r.target, "target_name": name_of(r.target), "name": _text(r.names),
                 "modifier": r.modifier, "access_type": r.access_type} for r in self._raw.relationships]
        return pd.DataFrame(rows, columns=["id", "type", "source", "source_name", "target", "target_name", "name",
                                           "modifier", "access_type"]).set_index("id")

    def properties_frame(self) -> pd.DataFrame:
        """Every property value (long form): id, definition, name, lang, value."""
        defs = self._definitions()
        rows = [(c.id, p.definition, defs.get(p.definition, ""), v.lang, v.text)
                for seq in (self._raw.elements, self._raw.relationships) for c in seq
                for p in c.properties for v in p.values]
        return pd.DataFrame(rows, columns=["id", "definition", "name", "lang", "value"])

    # ---- as a koers strategy graph ---------------------------------------------------------
    def to_model(self, kinds=None):
        """The strategy graph of the elements whose types map (:data:`NODE_MAPPINGS`), limited to
        ``kinds`` (koers node kinds) when given; a :class:`koers.Model` on which validation and
        the analyses run. ``.unmapped`` on the result lists what was left out (element and
        relationship ids)."""
        from .model import Model
        graph, els, rels = _core.archimate_to_graph(self._raw, list(kinds or []))
        m = Model(graph)
        m.unmapped = {"elements": list(els), "relationships": list(rels)}
        return m

    def motivation(self):
        """The motivation elements and their Influence/Realization/Aggregation network as a
        :class:`koers.Model` (kinds :data:`MOTIVATION_KINDS`)."""
        return self.to_model(MOTIVATION_KINDS)

    # ---- writing --------------------------------------------------------------------------
    def to_xml(self) -> str:
        return _core.archimate_to_xml(self._raw)

    def write(self, path) -> None:
        """Write the model as an exchange file (3.1; validated against the exchange XSD).

        Parameters
        ----------
        path : str or os.PathLike
            The file to write.

        Examples
        --------
        >>> import koers, pathlib, tempfile
        >>> m = koers.archimate.from_model(koers.examples.load("deventer-2014"))
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "deventer.xml"
        >>> m.write(path)
        >>> koers.archimate.read(path) == m
        True
        """
        _core.archimate_save(self._raw, os.fspath(path))

    def to_json(self, indent: int = 2) -> str:
        return _core.archimate_to_json(self._raw, indent)

    def save_json(self, path) -> None:
        """Write the model as koers.archimate JSON (what ``koers archimate import`` writes)."""
        pathlib.Path(path).write_text(self.to_json(), encoding="utf-8")

    def diff(self, newer: "ArchimateModel") -> "ArchimateDiff":
        """What changed from this model to ``newer``, by identifier."""
        return ArchimateDiff(_core.archimate_diff(self._raw, newer._raw), self, newer)


class ArchimateDiff:
    """Elements and relationships added, removed and changed (renamed, or field by field; properties
    compared by the name of their definition)."""

    def __init__(self, raw, before: ArchimateModel, after: ArchimateModel):
        self._raw = raw
        self.before, self.after = before, after

    def to_dict(self) -> dict:
        """``{"elements": {"added", "removed", "changed"}, "relationships": {...}}``, ids
        (what ``koers archimate diff --json`` prints)."""
        return {part: {"added": list(p.added), "removed": list(p.removed), "changed": [c.id for c in p.changed]}
                for part, p in (("elements", self._raw.elements), ("relationships", self._raw.relationships))}

    def _frame(self, part: str) -> pd.DataFrame:
        p = getattr(self._raw, part)
        get_b = getattr(self.before, part[:-1] if part == "elements" else "relationship")
        get_a = getattr(self.after, part[:-1] if part == "elements" else "relationship")
        rows = []
        for i in p.added:
            c = get_a(i)
            rows.append((i, "added", c.type, _text(c.names), ""))
        for i in p.removed:
            c = get_b(i)
            rows.append((i, "removed", c.type, _text(c.names), ""))
        for c in p.changed:
            rows.append((c.id, "renamed" if c.renamed else "changed", c.type, c.name,
                         ", ".join(f.field for f in c.changes)))
        return pd.DataFrame(rows, columns=["id", "status", "type", "name", "fields"]).set_index("id")

    @property
    def elements(self) -> pd.DataFrame:
        """One row per element added, removed, renamed or changed: status, type, name, fields."""
        return self._frame("elements")

    @property
    def relationships(self) -> pd.DataFrame:
        return self._frame("relationships")

    def changes(self) -> pd.DataFrame:
        """Every changed field (long form): part, id, field, before, after."""
        rows = [(part, c.id, f.field, f.before, f.after)
                for part in ("elements", "relationships") for c in getattr(self._raw, part).changed for f in c.changes]
        return pd.DataFrame(rows, columns=["part", "id", "field", "before", "after"])

    def summary(self) -> pd.DataFrame:
        """Counts per part and status (added, removed, renamed, changed) and ArchiMate type."""
        frames = []
        for part in ("elements", "relationships"):
            df = self._frame(part).reset_index()
            df.insert(0, "part", part)
            frames.append(df)
        df = pd.concat(frames, ignore_index=True)
        return df.groupby(["part", "status"]).size().unstack(fill_value=0)

    def __repr__(self) -> str:
        d = self.to_dict()
        return ("<ArchimateDiff elements +{} -{} ~{}, relationships +{} -{} ~{}>".format(
            *(len(d[p][k]) for p in ("elements", "relationships") for k in ("added", "removed", "changed"))))


def _local_processes(processes=None):
    if processes is None:
        from . import examples
        data = json.loads(examples.path("west-betuwe-2022", "processes.json").read_text(encoding="utf-8"))
        processes = data["processes"]
    return pd.DataFrame(processes)


def mapped_processes(model: ArchimateModel, processes=None) -> pd.DataFrame:
    """A municipality's processes joined to the GEMMA elements they map onto. ``processes``: a
    DataFrame or records with ``id``, ``name`` and ``gemma_id`` (default: the West Betuwe
    example's 36). Index: the local id; the local columns, then ``in_model`` (whether the
    identifier is an element of ``model``) and the element's type, name, parent and properties,
    each prefixed ``gemma:``."""
    procs = _local_processes(processes)
    ids = list(dict.fromkeys(procs["gemma_id"]))
    rows = []
    for g in ids:
        e = model.element(g)
        if e is None:
            continue
        row = {"gemma_id": g, "type": e.type, "name": _text(e.names), "documentation": _text(e.documentation)}
        row.update(model.properties_of(e))
        rows.append(row)
    parents = model.processes()["parent"] if rows else pd.Series(dtype=object)
    found = pd.DataFrame(rows).set_index("gemma_id") if rows else pd.DataFrame()
    if rows:
        found.insert(2, "parent", [parents.get(i, "") for i in found.index])
    found.columns = [f"gemma:{c}" for c in found.columns]
    out = procs.set_index("id")
    out.insert(len(out.columns), "in_model", out["gemma_id"].isin(found.index))
    return out.join(found, on="gemma_id")


def affected_processes(diff: ArchimateDiff, processes=None) -> pd.DataFrame:
    """Which mapped processes a GEMMA change touches. ``processes``: a DataFrame or records with
    ``id``, ``name`` and ``gemma_id`` (default: the West Betuwe example's 36, mapped onto GEMMA by
    ``gemma_id``). One row per local process: its GEMMA element, ``status`` (removed, added,
    renamed, changed, relationships, unchanged), the changed fields and the relationships touching it
    that were added, removed or changed."""
    procs = _local_processes(processes)
    raw = diff._raw
    removed, added = set(raw.elements.removed), set(raw.elements.added)
    changed = {c.id: c for c in raw.elements.changed}
    touching: dict[str, list[str]] = {}
    for kind, ids, model in (("added", raw.relationships.added, diff.after), ("removed", raw.relationships.removed, diff.before),
                             ("changed", [c.id for c in raw.relationships.changed], diff.after)):
        for rid in ids:
            r = model.relationship(rid)
            for end in (r.source, r.target):
                touching.setdefault(end, []).append(f"{kind} {r.type} {rid}")
    rows = []
    for p in procs.itertuples():
        g = p.gemma_id
        c = changed.get(g)
        if g in removed:
            status = "removed"
        elif g in added:
            status = "added"  # not in the older release: mapped onto something new
        elif c is not None:
            status = "renamed" if c.renamed else "changed"
        elif g in touching:
            status = "relationships"
        else:
            status = "unchanged"
        el = diff.after.element(g) or diff.before.element(g)
        rows.append({"id": p.id, "name": p.name, "gemma_id": g, "gemma_name": _text(el.names) if el is not None else "",
                     "status": status, "fields": ", ".join(f.field for f in c.changes) if c is not None else "",
                     "relationships": len(touching.get(g, [])), "relationship_changes": "; ".join(touching.get(g, []))})
    return pd.DataFrame(rows).set_index("id")


def _from_json_text(text: str, origin: str = "") -> ArchimateModel:
    return ArchimateModel(_core.archimate_parse_json(text, origin or "pickle"), origin)


def read(path) -> ArchimateModel:
    """Read an ArchiMate Model Exchange File (3.0, 3.1 or 3.2) with the C++ reader.

    Parameters
    ----------
    path : str or os.PathLike
        The exchange file (XML), e.g. a GEMMA release or an Archi "Open Exchange" export.

    Returns
    -------
    ArchimateModel
        Elements, relationships, properties, organizations and views; :meth:`ArchimateModel.write`
        gives the same model back.

    Raises
    ------
    koers.InputError
        Unreadable (E100), not XML or truncated (E116), over 256 MiB (E117), the 2.x format
        (E602), an Archi native file (E603), unknown types (E604), dangling relationships (E605),
        duplicate (E606) or invalid (E607) identifiers, unknown property definitions (E608), a
        DTD with entities (E609); the message gives the line and the element.

    See Also
    --------
    loads : the same from XML text.
    load_any : an exchange file, ``koers.archimate`` JSON or a koers model.

    Examples
    --------
    >>> import koers, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "deventer.xml"
    >>> written = koers.archimate.export(koers.examples.load("deventer-2014"), path)
    >>> m = koers.archimate.read(path)
    >>> m.stats()["elements"]["Goal"], m == written
    (18, True)
    """
    return ArchimateModel(_core.archimate_load(os.fspath(path)), os.fspath(path))


def loads(text: str, origin: str = "archimate") -> ArchimateModel:
    """Read an ArchiMate model from exchange-file text (as :func:`read` reads a file).

    Parameters
    ----------
    text : str
        The XML text of an exchange file.
    origin : str, default "archimate"
        The name error messages give the text.

    Returns
    -------
    ArchimateModel

    Examples
    --------
    >>> import koers
    >>> m = koers.archimate.from_model(koers.examples.load("deventer-2014"))
    >>> koers.archimate.loads(m.to_xml()).stats()["relationships"]["Influence"]
    122
    """
    return ArchimateModel(_core.archimate_parse(text, origin), origin)


def load_json(path) -> ArchimateModel:
    """Read a koers.archimate JSON file (written by ``koers archimate import``)."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    return ArchimateModel(_core.archimate_parse_json(text, f"'{os.fspath(path)}'"), os.fspath(path))


def from_model(model) -> ArchimateModel:
    """A koers model (:class:`koers.Model`) as an ArchiMate model: elements and relationships by the
    mapping table, the node fields kept as "koers …" properties, one layered view per development."""
    return ArchimateModel(_core.archimate_from_graph(model._g), model.name)


def load_any(path) -> ArchimateModel:
    """An ArchiMate model from a file: an exchange file (XML), koers.archimate JSON, or a koers
    model (koers.model JSON, e.g. saved with ``model.save``) mapped by :func:`from_model`."""
    p = pathlib.Path(path)
    with open(p, "rb") as f:
        start = f.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"<"):
        return read(p)
    text = p.read_text(encoding="utf-8")
    try:
        fmt = json.loads(text).get("format") if text.lstrip().startswith("{") else None
    except ValueError:
        fmt = None
    if fmt == "koers.model":
        from .model import load
        return from_model(load(p))
    return ArchimateModel(_core.archimate_parse_json(text, f"'{os.fspath(path)}'"), os.fspath(path))


def export(source, path) -> ArchimateModel:
    """Write a plan or an ArchiMate model as an exchange file, for Archi and other tools.

    Parameters
    ----------
    source : ArchimateModel, koers.Model, str or os.PathLike
        What to write: an ArchiMate model, a koers strategy graph (mapped by :func:`from_model`:
        one layered view per development, the other fields as ``koers …`` properties) or a
        file :func:`load_any` reads.
    path : str or os.PathLike
        The exchange file to write (3.1; validated against the exchange XSD).

    Returns
    -------
    ArchimateModel
        The model written.

    Examples
    --------
    >>> import koers, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "deventer.xml"
    >>> koers.archimate.export(koers.examples.load("deventer-2014"), path)
    <ArchimateModel 'Deventer strategisch leer & ontwikkelplan 2014-2017': 91 elements, 218 relationships, 3 views>
    >>> path.read_text(encoding="utf-8").startswith("<?xml")
    True
    """
    from .model import Model
    if isinstance(source, Model):
        m = from_model(source)
    elif isinstance(source, ArchimateModel):
        m = source
    else:
        m = load_any(source)
    m.write(path)
    return m
