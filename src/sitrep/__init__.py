"""sitrep: turn conflict and security reporting into a sourced, mapped, checkable picture."""
__version__ = "0.1.0"
