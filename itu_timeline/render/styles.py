"""Colours shared by the Rich renderers: one per body, and three levels of urgency."""

BODY_STYLES = {
    "ITU": "bold blue",
    "ITU-T": "green",
    "ITU-R": "magenta",
    "ITU-D": "yellow",
    "UN": "cyan",
}
OTHER_BODY_STYLE = "white"


def body_style(body: str) -> str:
    return BODY_STYLES.get(body, OTHER_BODY_STYLE)
