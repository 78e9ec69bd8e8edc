"""Fixtures for the editors' workflows; the world itself is built in ``desk_world``."""

from desk_world import editor, reviewer, world

__all__ = ["editor", "reviewer", "world"]
