"""matplotlib's Agg rasteriser for the diagram's boxes and arrows, without its backend module.

``matplotlib.backends.backend_agg`` imports ``backend_bases``, and with it matplotlib's whole
text, artist and mathtext machinery: about a tenth of a second that every diagram refresh paid
and that a drawing of paths never uses. :func:`renderer` gives the Agg core
(``matplotlib.backends._backend_agg``) with the few graphics-context attributes it reads, and
falls back to the full :class:`~matplotlib.backends.backend_agg.RendererAgg` when asked for
text drawing (``full``) or when an installed matplotlib's core wants something else: both give
the same pixels (a test compares them).
"""

from __future__ import annotations

from typing import Any


class _Context:
    """A graphics context as matplotlib's Agg core reads it (the state of
    ``GraphicsContextBase``): solid lines, no clipping, hatching, snapping or sketching."""

    def __init__(self) -> None:
        from matplotlib._enums import CapStyle, JoinStyle

        self._alpha = 1.0
        self._forced_alpha = False
        self._antialiased = 1
        self._capstyle = CapStyle("butt")
        self._joinstyle = JoinStyle("round")
        self._cliprect = None
        self._clippath = None
        self._dashes = (0, None)
        self._linewidth = 1.0
        self._rgb: tuple[float, ...] = (0.0, 0.0, 0.0, 1.0)
        self._hatch = None
        self._hatch_color = None
        self._hatch_linewidth = 1.0
        self._snap = None
        self._sketch = None

    def set_antialiased(self, value: bool) -> None:
        self._antialiased = int(bool(value))

    def set_linewidth(self, width: float) -> None:
        self._linewidth = float(width)

    def set_foreground(self, rgba: tuple[float, float, float, float]) -> None:
        self._rgb = tuple(rgba)

    def restore(self) -> None:
        pass

    def get_dashes(self) -> tuple[int, None]:
        return self._dashes

    def get_clip_rectangle(self) -> None:
        return None

    def get_clip_path(self) -> tuple[None, None]:
        return None, None

    def get_snap(self) -> None:
        return None

    def get_hatch(self) -> None:
        return None

    def get_hatch_path(self, density: float = 6.0) -> None:
        return None

    def get_hatch_color(self) -> None:
        return None

    def get_hatch_linewidth(self) -> float:
        return self._hatch_linewidth

    def get_sketch_params(self) -> None:
        return None


class _Core:
    """The Agg core with the renderer methods the diagram uses."""

    def __init__(self, core: Any) -> None:
        self._core = core

    def new_gc(self) -> _Context:
        return _Context()

    def draw_path(self, gc: _Context, path: Any, transform: Any, rgb_face: Any = None) -> None:
        self._core.draw_path(gc, path, transform, rgb_face)

    def buffer_rgba(self) -> memoryview:
        return memoryview(self._core)


def renderer(width_px: int, height_px: int, dpi: float, *, full: bool = False) -> Any:
    """An Agg renderer of ``width_px`` x ``height_px`` pixels; ``full`` for one that draws text
    too (matplotlib's own)."""
    if not full:
        try:
            from matplotlib.backends._backend_agg import RendererAgg as Core
            from matplotlib.path import Path
            from matplotlib.transforms import Affine2D

            light = _Core(Core(int(width_px), int(height_px), dpi))
            probe = light.new_gc()  # the installed core reads a context as this one gives it
            light.draw_path(probe, Path([(0, 0), (1, 0), (1, 1), (0, 0)], closed=True), Affine2D(),
                            (1.0, 1.0, 1.0, 1.0))
            return light
        except (ImportError, AttributeError, TypeError, ValueError):
            pass
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(width_px, height_px, dpi)
