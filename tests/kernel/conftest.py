"""The kernel tests' fixtures. Their code lives in kernel_support.py: test modules import Kernel and ROOT from
there, since a bare `from conftest import …` finds whichever tests/*/conftest.py Python imported first."""
from kernel_support import fresh_kernel, kernel  # noqa: F401  (pytest finds fixtures by name here)
