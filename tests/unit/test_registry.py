"""etl.registry: the steps' order follows their declared inputs, and bad declarations fail."""

from __future__ import annotations

import textwrap
from types import ModuleType

import pytest

from etl import registry
from etl.registry import RegistryError, Step

RAW = {"figures", "rates", registry.PREVIOUS}


def fake(name: str, *, upstream=(), inputs=("figures",)) -> Step:
    """A step with no model: order() only looks at names, inputs and upstream tables."""
    return Step(
        name=name,
        module=ModuleType(name),
        model=object,
        key=("id",),
        columns=(),
        inputs=tuple(inputs),
        upstream=tuple(upstream),
        doc="",
    )


@pytest.mark.parametrize("step", registry.steps(), ids=lambda s: s.name)
def test_live_order_puts_every_table_after_what_it_reads(step):
    earlier = registry.names()[: registry.names().index(step.name)]
    assert set(step.upstream) <= set(earlier)
    if step.compares_previous:
        assert set(earlier) == set(registry.names()) - {step.name}


@pytest.mark.parametrize("step", registry.steps(), ids=lambda s: s.name)
def test_live_step_takes_key_and_columns_from_its_model(step):
    assert step.key == tuple(step.model.Config.unique)
    assert tuple(step.module.KEY) == step.key
    assert [c.name for c in step.columns] == list(step.model.to_schema().columns)
    assert all(c.description for c in step.columns)
    assert step.doc, "the module docstring describes the table"


def test_order_follows_inputs_and_breaks_ties_by_name():
    steps = [
        fake("zeta", upstream=["base"]),
        fake("alpha", upstream=["base"]),
        fake("report", inputs=[registry.PREVIOUS]),
        fake("base"),
    ]
    assert [s.name for s in registry.order(steps, RAW)] == ["base", "alpha", "zeta", "report"]


def test_a_cycle_is_a_clear_error():
    steps = [fake("a", upstream=["b"]), fake("b", upstream=["a"]), fake("c")]
    with pytest.raises(RegistryError, match="cycle: a, b"):
        registry.order(steps, RAW)


@pytest.mark.parametrize(
    "step",
    [fake("a", inputs=["no_such_input"]), fake("a", upstream=["no_such_table"])],
    ids=["raw input", "table"],
)
def test_an_unknown_input_is_a_clear_error(step):
    with pytest.raises(RegistryError, match=r"table a reads unknown input.*no_such_"):
        registry.order([step, fake("b")], RAW)


def test_live_registry_knows_the_raw_inputs():
    assert {"figures", "oews_releases", "rates", registry.PREVIOUS} <= registry.raw_inputs()


@pytest.fixture
def package(tmp_path, monkeypatch):
    """An empty package `fake_tables` on sys.path; write modules into the returned folder."""
    folder = tmp_path / "fake_tables"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield folder
    import sys

    for name in [m for m in sys.modules if m.startswith("fake_tables")]:
        del sys.modules[name]


TABLE = """
    import pandera.pandas as pa
    from pandera.typing import Series
    from etl.contract import Strict, key_of

    class Model(Strict):
        id: Series[str] = pa.Field(description="Id")

        class Config:
            unique = ["id"]

    MODEL = Model
    KEY = key_of(MODEL)
    INPUTS = ("figures",)
    UPSTREAM = ()

    def run(figures):
        return figures
"""


def test_discover_skips_helpers_and_finds_tables(package):
    (package / "common.py").write_text("def helper():\n    return 1\n")
    (package / "thing.py").write_text(textwrap.dedent(TABLE))
    modules = registry.discover("fake_tables")
    assert [m.__name__ for m in modules] == ["fake_tables.thing"]
    step = registry.step_of(modules[0])
    assert (step.name, step.key, step.inputs) == ("thing", ("id",), ("figures",))
    assert step.columns[0] == registry.Column("id", step.columns[0].dtype, "Id", None, False)


def test_a_half_declared_table_is_a_clear_error(package):
    (package / "half.py").write_text("INPUTS = ()\n\ndef run():\n    return None\n")
    with pytest.raises(
        RegistryError, match=r"fake_tables\.half looks like a table but has no MODEL"
    ):
        registry.discover("fake_tables")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('KEY = ["other"]', "KEY differs"),
        ("def run(figures, rates):\n    return figures", "run\\(\\) takes"),
        ('UPSTREAM = ("figures",)', "both an input and a table"),
    ],
)
def test_a_table_whose_parts_disagree_is_a_clear_error(package, change, message):
    (package / "bad.py").write_text(textwrap.dedent(TABLE) + "\n" + change + "\n")
    (module,) = registry.discover("fake_tables")
    with pytest.raises(RegistryError, match=message):
        registry.step_of(module)
