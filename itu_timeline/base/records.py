"""`record`: a frozen dataclass whose methods cost nothing to make at start-up.

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

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import Any, TypeVar, cast, dataclass_transform, overload

_Class = TypeVar("_Class", bound=type)


class _Layout:
    """A record class's fields, as its methods need them."""

    def __init__(self, cls: type, kw_only: bool) -> None:
        every = fields(cls)
        self.name = cls.__name__
        self.args = tuple(f.name for f in every if f.init)
        self.positional = 0 if kw_only else len(self.args)
        # What a field takes when no argument gives it: a value, or a factory to call.
        self.defaults: dict[str, Callable[[], Any]] = {}
        for f in every:
            if f.default is not MISSING:
                self.defaults[f.name] = _constant(f.default)
            elif f.default_factory is not MISSING:
                self.defaults[f.name] = f.default_factory
        self.unset = tuple(f.name for f in every if not f.init and f.name in self.defaults)
        self.compared = tuple(f.name for f in every if f.compare)
        self.hashed = tuple(f.name for f in every if f.compare if f.hash is None or f.hash)
        self.shown = tuple(f.name for f in every if f.repr)
        self.every = tuple(f.name for f in every)


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    layout: _Layout = self.__layout__
    if len(args) > layout.positional:
        raise TypeError(f"{layout.name}() takes {layout.positional} positional arguments")
    given = dict(zip(layout.args, args, strict=False))
    for name, value in kwargs.items():
        if name not in layout.args or name in given:
            raise TypeError(f"{layout.name}() got an unexpected or repeated argument {name!r}")
        given[name] = value
    for name in layout.args:
        if name in given:
            object.__setattr__(self, name, given[name])
        elif name in layout.defaults:
            object.__setattr__(self, name, layout.defaults[name]())
        else:
            raise TypeError(f"{layout.name}() missing required argument: {name!r}")
    for name in layout.unset:
        object.__setattr__(self, name, layout.defaults[name]())
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


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


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__layout__.every]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__layout__.every, state, strict=True):
        object.__setattr__(self, name, value)  # frozen: set as the constructor does


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
        made: Any = dataclass(init=False, repr=False, eq=False, slots=slots, kw_only=kw_only)(cls)
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
