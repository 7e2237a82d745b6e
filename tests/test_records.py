"""A record behaves as the frozen dataclass it stands for: same equality, hash, repr, replace,
pickling and refusal to change, for any field values."""

import copy
import dataclasses
import enum
import pickle
import types
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.base.records import Choices, record, str_enum


def shaped(name: str, decorate: Callable[[type], type]) -> Any:
    """The same class, made by `decorate` (a frozen dataclass, or a record) and named `name`
    (pickle finds it by that name in this module)."""

    class Shape:
        name: str
        count: int = 0
        tags: tuple[str, ...] = ()
        hidden: str = field(default="h", repr=False, compare=False)
        first: int = field(init=False, repr=False, compare=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "first", self.count + 1)

    Shape.__name__ = Shape.__qualname__ = name
    return decorate(Shape)


Plain = shaped("Plain", dataclass(frozen=True, slots=True))
Fast = shaped("Fast", record(slots=True))


@record(kw_only=True)
class Keyed:
    name: str
    items: list[int] = field(default_factory=list)


values = st.tuples(st.text(max_size=5), st.integers(), st.lists(st.text(max_size=3)).map(tuple))


def both(name: str, count: int, tags: tuple[str, ...]) -> tuple[Any, Any]:
    return Plain(name, count, tags=tags), Fast(name, count, tags=tags)


@given(values, values)
def test_equality_hash_and_repr_are_a_frozen_dataclasses(one: tuple, other: tuple) -> None:
    plain_a, fast_a = both(*one)
    plain_b, fast_b = both(*other)
    assert (fast_a == fast_b) == (plain_a == plain_b)
    assert hash(fast_a) == hash(plain_a)
    assert repr(fast_a) == repr(plain_a).replace("Plain(", "Fast(")
    assert fast_a != plain_a  # another class: never equal, as dataclasses


@given(values)
def test_replace_pickle_and_copy_keep_every_field(one: tuple) -> None:
    _, fast = both(*one)
    changed = dataclasses.replace(fast, count=fast.count + 1, hidden="x")
    assert (changed.count, changed.first, changed.hidden) == (fast.count + 1, fast.count + 2, "x")
    assert dataclasses.replace(fast, hidden="x") == fast  # compare=False
    for back in (pickle.loads(pickle.dumps(changed)), copy.copy(changed)):
        assert back == changed
        assert (back.first, back.hidden) == (changed.first, changed.hidden)


def test_a_record_refuses_to_change_and_wrong_arguments() -> None:
    fast = Fast("a")
    with pytest.raises(FrozenInstanceError):
        fast.count = 2
    with pytest.raises(FrozenInstanceError):
        del fast.count
    with pytest.raises(TypeError, match="missing required argument: 'name'"):
        Fast()
    with pytest.raises(TypeError, match="unexpected arguments \\['nope'\\]"):
        Fast("a", nope=1)
    with pytest.raises(TypeError, match="repeated"):
        Fast("a", name="b")
    with pytest.raises(TypeError, match="positional"):
        Keyed("a")


def test_a_default_factory_gives_each_record_its_own_value() -> None:
    one, two = Keyed(name="a"), Keyed(name="a")
    assert one.items == two.items == []
    assert one.items is not two.items
    assert [f.name for f in dataclasses.fields(Keyed)] == ["name", "items"]


def field_facts(cls: Any) -> list[tuple[Any, ...]]:
    return [
        (f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.compare, f.kw_only)
        for f in dataclasses.fields(cls)
    ]


@pytest.mark.parametrize("slots", [True, False])
def test_a_record_class_is_laid_out_as_its_dataclass(slots: bool) -> None:
    """Fields, their defaults as class values (or slots), and match arguments as
    `dataclass` leaves them; a record is made without `dataclass`'s per-class work."""
    plain = shaped("PlainLaid", dataclass(frozen=True, slots=slots))
    fast = shaped("FastLaid", record(slots=slots))
    assert dataclasses.is_dataclass(fast)
    assert field_facts(fast) == field_facts(plain)
    assert fast.__match_args__ == plain.__match_args__
    assert getattr(fast, "__slots__", None) == getattr(plain, "__slots__", None)
    for name in ("name", "count", "tags", "hidden", "first"):
        assert hasattr(fast, name) == hasattr(plain, name), name
        if not slots and hasattr(plain, name):
            assert getattr(fast, name) == getattr(plain, name)
    made = fast("a", 2)
    assert dataclasses.asdict(made) == dataclasses.asdict(plain("a", 2))
    assert not hasattr(made, "__dict__") if slots else vars(made)
    keyed = [(f.name, f.kw_only) for f in dataclasses.fields(Keyed)]
    assert keyed == [("name", True), ("items", True)]
    assert Keyed.__match_args__ == ()


def _every_str_enum() -> list[type[enum.StrEnum]]:
    """Each enum of the package made by `str_enum`."""
    from itu_timeline.cli.options import OutputFormat
    from itu_timeline.core import model
    from itu_timeline.core.upcoming import Urgency

    made = [model.Body, model.Kind, model.Status, model.Basis, model.Format, model.Precision]
    return [*made, Urgency, OutputFormat]


@pytest.mark.parametrize("made", _every_str_enum(), ids=lambda e: e.__name__)
def test_a_str_enum_is_the_class_statements_strenum(made: type[enum.StrEnum]) -> None:
    """The standard library's own check that a quickly made enum equals the one a class
    statement makes: members, values, order, names, module, doc and every method."""
    namespace = {"__module__": made.__module__, "__qualname__": made.__qualname__}
    if made.__doc__ is not None:
        namespace["__doc__"] = made.__doc__

    def body(ns: dict[str, Any]) -> None:
        ns.update(namespace)
        for member in made:
            ns[member.name] = member.value

    stated = types.new_class(made.__name__, (enum.StrEnum,), exec_body=body)
    enum._test_simple_enum(stated, made)  # type: ignore[attr-defined]  # raises on a difference
    assert all(pickle.loads(pickle.dumps(m)) is m for m in made)
    assert [str(m) for m in made] == [m.value for m in made]


def test_the_enum_check_would_notice_a_difference() -> None:
    @str_enum
    class Mine(Choices):
        A = "a"
        B = "b"

    class Stated(enum.StrEnum):
        A = "a"
        B = "c"

    Stated.__qualname__ = Mine.__qualname__
    with pytest.raises(TypeError):
        enum._test_simple_enum(Stated, Mine)  # type: ignore[attr-defined]
