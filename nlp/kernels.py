"""The optional C kernels: each the faster form of a Python function kept beside it.

They are built where a C compiler is found (``ext-modules`` in pyproject.toml; ``make kernels`` in a
checkout). A module that has one asks ``optional_kernel`` once, at import, and runs its Python form
when the answer is None: the kernel was not built, or ``ZONGJIE_PURE_PYTHON`` is set.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def optional_kernel(module: str) -> ModuleType | None:
    """The compiled module ``module``, unless it was not built or ``ZONGJIE_PURE_PYTHON`` is set.

    >>> optional_kernel("nlp.no_such_kernel") is None
    True
    """
    if os.environ.get("ZONGJIE_PURE_PYTHON"):
        return None
    try:
        return importlib.import_module(module)
    except ImportError:
        return None
