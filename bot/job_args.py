"""A job's work function and arguments as JSON, checked against the function's type hints.

A job waits in the database and may run in another process, days of code later: what it carries
must be plain JSON, and a function that now wants other arguments must refuse them by name rather
than half-run. So a hand-off names the function by module and name, each argument is checked
against the function's annotation when it is queued (a wrong argument fails in the listener, in
tests, not in a worker at night) and again, rebuilt, when it runs.

Dataclasses travel as their fields plus their class's name, since a union of field-less dataclasses
(`Pause | Resume`) cannot be told apart by fields alone. Only classes from this project's packages
are rebuilt from a name.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any, cast, get_type_hints

from pydantic import TypeAdapter, ValidationError

PACKAGES = ("bot.", "handlers.", "schedules.")
TYPE_TAG = "__dataclass__"


class JobArgumentError(TypeError):
    """A work function and its arguments do not fit: a programming error, never retried."""


def work_name(work: Callable[..., Any]) -> str:
    name = f"{work.__module__}:{work.__qualname__}"
    if "<" in work.__qualname__ or not work.__module__.startswith(PACKAGES):
        raise JobArgumentError(f"{name} is not a module-level function of this project")
    return name


def find_work(name: str) -> Callable[..., Any]:
    module, _, qualname = name.partition(":")
    if not module.startswith(PACKAGES) or not qualname.isidentifier():
        raise JobArgumentError(f"no work function {name!r}")
    work = getattr(importlib.import_module(module), qualname, None)
    if not callable(work):
        raise JobArgumentError(f"no work function {name!r}")
    return work


@cache
def parameter_types(work: Callable[..., Any]) -> tuple[Any, ...]:
    """The annotations of every parameter after the first (deps), in order."""
    hints = get_type_hints(work)
    parameters = list(inspect.signature(work).parameters.values())[1:]
    if any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters):
        raise JobArgumentError(f"{work.__qualname__}: work functions take plain positional arguments")
    return tuple(hints.get(p.name, Any) for p in parameters)


@cache
def adapter(hint: Any) -> TypeAdapter[Any]:
    return TypeAdapter(hint)


def encode(work: Callable[..., Any], args: tuple[Any, ...]) -> list[Any]:
    """JSON-ready arguments, or JobArgumentError naming the first that does not fit."""
    hints = parameter_types(work)
    if len(args) != len(hints):
        raise JobArgumentError(
            f"{work.__qualname__} takes {len(hints)} arguments after deps, not {len(args)}"
        )
    encoded = []
    for position, (value, hint) in enumerate(zip(args, hints, strict=True)):
        check(work, position, hint, value)
        json_value = adapter(cast(Hashable, type(value))).dump_python(value, mode="json")
        if dataclasses.is_dataclass(value):
            cls = type(value)
            json_value = {TYPE_TAG: f"{cls.__module__}:{cls.__qualname__}", "fields": json_value}
        encoded.append(json_value)
    return encoded


def decode(work: Callable[..., Any], encoded: list[Any]) -> tuple[Any, ...]:
    hints = parameter_types(work)
    if not isinstance(encoded, list) or len(encoded) != len(hints):
        raise JobArgumentError(f"{work.__qualname__} cannot take the stored arguments {encoded!r:.200}")
    values = []
    for position, (value, hint) in enumerate(zip(encoded, hints, strict=True)):
        if isinstance(value, dict) and TYPE_TAG in value:
            cls = find_dataclass(str(value[TYPE_TAG]))
            rebuilt = adapter(cls).validate_python(value.get("fields") or {})
        else:
            try:
                rebuilt = adapter(hint).validate_python(value)
            except ValidationError as error:
                raise JobArgumentError(f"{work.__qualname__} argument {position + 1}: {error}") from None
        check(work, position, hint, rebuilt)
        values.append(rebuilt)
    return tuple(values)


def check(work: Callable[..., Any], position: int, hint: Any, value: Any) -> None:
    try:
        adapter(hint).validate_python(value, strict=True)
    except ValidationError:
        raise JobArgumentError(
            f"{work.__qualname__} argument {position + 1} should be {hint!r}, not {type(value).__name__}"
        ) from None


def find_dataclass(name: str) -> type:
    module, _, qualname = name.partition(":")
    if not module.startswith(PACKAGES):
        raise JobArgumentError(f"refusing to rebuild {name!r}")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise JobArgumentError(f"{name!r} is not a dataclass")
    return cls
