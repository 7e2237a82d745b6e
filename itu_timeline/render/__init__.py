"""Renderers: pure functions from core objects to strings or Rich renderables."""
