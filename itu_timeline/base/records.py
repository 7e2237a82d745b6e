"""`record`: a frozen dataclass whose methods cost nothing to make at start-up; and
`str_enum`, a StrEnum made without the checks of a class statement.

`dataclass` writes each class's `__init__`, `__eq__`, `__hash__`, `__repr__`, `__setattr__`
and `__delattr__` as source text and compiles it with `exec` on every start of the program:
0.3-2 ms a class, some 10 ms of a cron run's 30 ms of our own (measured with
`python -X importtime`). A record is a `dataclass` that generates none of them; the methods
below are written once for every record and read the class's fields, laid out once per
class, when they are called. What a dataclass offers stays: `fields`, `replace`, `asdict`,
slots, `default_factory`, `init=False`, `compare=False`, `repr=False`, `__post_init__`;
equality, hashing, `repr` and the refusal to be changed behave as a frozen dataclass's.
Constructing one costs about a microsecond more: there are a few hundred in a run.
"""

import dataclasses
import enum
import inspect
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import MISSING, Field, FrozenInstanceError, field, fields
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast, dataclass_transform, overload

_set = object.__setattr__  # a frozen record's fields are set past its own __setattr__
_Class = TypeVar("_Class", bound=type)


class _Layout:
    """A record class's fields, as its methods need them."""

    def __init__(self, cls: type, kw_only: bool) -> None:
        every = fields(cls)
        self.name = cls.__name__
        self.args = tuple(f.name for f in every if f.init)
        self.accepted = frozenset(self.args)
        self.positional = 0 if kw_only else len(self.args)
        # What a field takes when no argument gives it: a value, or a factory to call.
        self.values = {f.name: f.default for f in every if f.init and f.default is not MISSING}
        self.factories = tuple(
            (f.name, make)
            for f in every
            if f.init and f.default is MISSING and (make := _maker(f)) is not None
        )
        # Fields the constructor takes no argument for, but sets.
        self.unset = tuple(
            (f.name, make) for f in every if not f.init and (make := _maker(f)) is not None
        )
        # For `k` arguments given by position: the values of the fields after them, when
        # each has a plain default; else None (a factory to call, or an argument missing).
        self.after = tuple(
            _defaults(self.args[k:], self.values) for k in range(self.positional + 1)
        )
        self.post = hasattr(cls, "__post_init__")
        self.compared = tuple(f.name for f in every if f.compare)
        self.hashed = tuple(f.name for f in every if f.compare if f.hash is None or f.hash)
        self.shown = tuple(f.name for f in every if f.repr)
        self.every = tuple(f.name for f in every)
        # Every field's value at once, for pickling: a loop in C, not in Python (a day index
        # of ten feeds pickles 30,000 records).
        self.state = attrgetter(*self.every) if len(self.every) > 1 else _one(self.every)

    def given(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """The arguments by name: those given by position first."""
        if len(args) > self.positional:
            raise TypeError(f"{self.name}() takes {self.positional} positional arguments")
        named = dict(zip(self.args, args, strict=False))
        if repeated := named.keys() & kwargs.keys():
            raise TypeError(f"{self.name}() got repeated arguments {sorted(repeated)}")
        return named | kwargs

    def missing(self, values: dict[str, Any]) -> TypeError:
        name = next(n for n in self.args if n not in values)
        return TypeError(f"{self.name}() missing required argument: {name!r}")


def _defaults(names: tuple[str, ...], values: dict[str, Any]) -> tuple[Any, ...] | None:
    return tuple(values[n] for n in names) if values.keys() >= set(names) else None


def _one(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The state of a record of one field or none, as a tuple, as attrgetter's of more."""
    return lambda record: tuple(getattr(record, name) for name in names)


def _maker(f: "Field[Any]") -> Callable[[], Any] | None:
    """What makes a field's value when no argument gives it; None when nothing does."""
    if f.default is not MISSING:
        value = f.default
        return lambda: value
    factory = f.default_factory
    return None if factory is MISSING else factory


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    """Dict operations done in C where the generated `__init__` would be straight-line code:
    about 1 µs more for an event of 26 fields."""
    layout: _Layout = self.__layout__
    by_position = args and not kwargs and len(args) <= layout.positional
    rest = layout.after[len(args)] if by_position else None
    if rest is not None:  # as hot code makes records (a few hundred items a run): no dict
        _consume(map(_set, repeat(self), layout.args, args + rest))
    else:
        if args:
            kwargs = layout.given(args, kwargs)
        if not layout.accepted.issuperset(kwargs):
            unknown = sorted(set(kwargs) - layout.accepted)
            raise TypeError(f"{layout.name}() got unexpected arguments {unknown}")
        values = layout.values | kwargs
        for name, factory in layout.factories:
            if name not in values:
                values[name] = factory()
        if len(values) != len(layout.args):
            raise layout.missing(values)
        _consume(map(_set, repeat(self), values.keys(), values.values()))
    for name, make in layout.unset:
        object.__setattr__(self, name, make())
    if layout.post:
        self.__post_init__()


def _consume(steps: Iterator[None]) -> None:
    """Runs `steps` (a map of setting calls) in C, without a Python loop per field."""
    deque(steps, maxlen=0)


def _values(self: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in names)


def _eq(self: Any, other: Any) -> Any:  # a bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = self.__layout__.compared
    return _values(self, names) == _values(other, names)


def _hash(self: Any) -> int:
    return hash(_values(self, self.__layout__.hashed))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__layout__.shown)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    state: tuple[Any, ...] = self.__layout__.state(self)
    return state


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    names = self.__layout__.every
    if len(state) != len(names):
        raise TypeError(f"{self.__class__.__name__}: {len(state)} values for {len(names)} fields")
    _consume(map(_set, repeat(self), names, state))


_METHODS = {
    "__init__": _init,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
}


@overload
def record(cls: _Class, /) -> _Class: ...
@overload
def record(*, slots: bool = False, kw_only: bool = False) -> Callable[[_Class], _Class]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(
    cls: _Class | None = None, /, *, slots: bool = False, kw_only: bool = False
) -> _Class | Callable[[_Class], _Class]:
    """`@dataclass(frozen=True, ...)` for the classes that a short run imports."""

    def make(cls: _Class) -> _Class:
        made: Any = _with_fields(cls, kw_only, slots)
        made.__layout__ = _Layout(made, kw_only)
        for name, method in _METHODS.items():
            setattr(made, name, method)
        if slots:
            # Pickled as the list of its field values, in the order of its fields: Python's
            # own pickling of slots would set them through the refusing `__setattr__`, and
            # a frozen slotted dataclass's looks its fields up again for every object (half
            # of the time `upcoming` spent reading events from the cache: 19 -> 9 µs each).
            made.__getstate__, made.__setstate__ = _getstate, _setstate
        return cast(_Class, made)

    return make if cls is None else make(cls)


def _with_fields(cls: type, kw_only: bool, slots: bool) -> type:
    """`cls` as `dataclass(init=False, repr=False, eq=False)` leaves it, for a class of plain
    annotated fields (no ClassVar, InitVar or base dataclass: records have none): its fields
    for `fields`, `replace` and `asdict`, each default as a class attribute, or `__slots__`.
    `dataclass` itself spends 0.1 ms a class on what records do not use (the checks for
    ClassVar and InitVar, abstract methods, a signature): 1.3 ms of a cron run's 13 classes."""
    found: dict[str, Field[Any]] = {}
    for name, kind in inspect.get_annotations(cls).items():
        value = cls.__dict__.get(name, MISSING)
        made: Field[Any] = value if isinstance(value, Field) else field(default=value)
        made.name, made.type = name, kind
        made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what `fields` keeps
        if made.kw_only is MISSING:
            made.kw_only = kw_only
        found[name] = made
    match_args = tuple(n for n, f in found.items() if f.init and not f.kw_only)
    if not slots:
        for name, made in found.items():
            if made.default is not MISSING:
                setattr(cls, name, made.default)
            elif name in cls.__dict__:  # a field() with a factory, or none: no class value
                delattr(cls, name)
        cls.__dataclass_fields__ = found  # type: ignore[attr-defined]
        cls.__match_args__ = match_args  # type: ignore[attr-defined,misc]
        return cls
    body = {k: v for k, v in cls.__dict__.items() if k not in (*found, "__dict__", "__weakref__")}
    body |= {"__slots__": tuple(found), "__dataclass_fields__": found, "__match_args__": match_args}
    slotted = type(cls)(cls.__name__, cls.__bases__, body)
    slotted.__qualname__ = cls.__qualname__
    return slotted


# A class statement of a StrEnum runs the checks of `EnumType.__new__` for each member: some
# 0.1 ms a member, 0.15 ms a class, about 2.5 ms for the 8 enums of a cron run (valgrind's
# count). `str_enum` makes the same StrEnum as the standard library makes its own at start-up
# (`enum._simple_enum`, as `re` and `http` do): the same members, values, order, methods and
# pickling, without the checks of aliases and names that our plain lists of values never
# need (tests/test_records.py compares each with the class statement's).
if TYPE_CHECKING:
    Choices = enum.StrEnum  # what the type checker sees

    _Enum = TypeVar("_Enum", bound=enum.StrEnum)

    def str_enum(cls: type[_Enum]) -> type[_Enum]:
        return cls

else:

    class Choices:
        """The base of a `str_enum` class as written; `str_enum` makes it a StrEnum."""

    def str_enum(cls: type) -> type:
        """The StrEnum of the members `cls` (a `Choices`) lists, with its methods."""
        made = enum._simple_enum(enum.StrEnum)(cls)
        made.__doc__ = cls.__doc__  # not the 'An enumeration.' it puts where there is none
        return made
