"""The style sheet of the public page, light and dark, and the colour of each body (a class
that colours a chart bar and its key in the legend alike).

Each body colour has at least 3:1 contrast against the page's background in its theme, as
WCAG asks of the parts of a chart (tests/test_page_colours.py computes it).

Sides are logical (start, end, inline), never left and right: the Arabic pages, written right
to left, mirror the tables and lists by themselves. The chart keeps its own direction, time
running left to right as on its axis of dates in every language."""

from itu_timeline.core.model import Body

# body: (light theme, dark theme). Bodies without a colour of their own share OTHER's.
BODY_COLOURS = {
    Body.ITU: ("#1f5fbf", "#6fa8ff"),
    Body.ITU_T: ("#1b7a3a", "#4cc47a"),
    Body.ITU_R: ("#8a2be2", "#c08cff"),
    Body.ITU_D: ("#a15c00", "#e0a040"),
    Body.UN: ("#00798c", "#3cc3d6"),
}
OTHER = ("#5f5f5f", "#a0a0a0")
# The system's font first; then Noto, which has the letters of all six languages (Debian's
# fonts-noto-core and fonts-noto-cjk), so Arabic and Chinese never show as empty boxes.
FONTS = (
    'system-ui,"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","Noto Sans CJK SC",'
    '"Noto Sans SC",sans-serif'
)
BACKGROUNDS = ("#ffffff", "#121212")
MARKS = {"today": ("#d0021b", "#ff6b6b"), "mark": ("#1a1a1a", "#e8e8e8")}  # today, deadlines


def body_class(body: Body) -> str:
    """'c-itu-t': the class of a body's colour; 'c-other' for those sharing a colour."""
    return f"c-{body.value.lower()}" if body in BODY_COLOURS else "c-other"


def _colour_rules(theme: int) -> str:
    pairs = [(body_class(b), c[theme]) for b, c in BODY_COLOURS.items()]
    pairs.append(("c-other", OTHER[theme]))
    rules = "".join(f".{name}{{fill:{colour};background:{colour}}}" for name, colour in pairs)
    marks = "".join(f"--{name}:{colours[theme]};" for name, colours in MARKS.items())
    return f":root{{{marks}}}{rules}"


CSS = f"""
:root{{color-scheme:light dark;--fg:#1a1a1a;--bg:{BACKGROUNDS[0]};--muted:#4a4a4a;
--link:#0645ad;--line:#c8c8c8}}
@media (prefers-color-scheme:dark){{:root{{--fg:#e8e8e8;--bg:{BACKGROUNDS[1]};--muted:#c0c0c0;
--link:#8ab4f8;--line:#555}}}}
{_colour_rules(0)}
@media (prefers-color-scheme:dark){{{_colour_rules(1)}}}
html{{background:var(--bg);color:var(--fg)}}
body{{font:16px/1.5 {FONTS};max-width:60rem;margin:0 auto;padding:0 1rem;
overflow-wrap:break-word}}
@media (min-width:40rem){{td:nth-child(-n+3){{white-space:nowrap}}}}
@media (max-width:40rem){{#upcoming thead{{position:absolute;width:1px;height:1px;
overflow:hidden;clip-path:inset(50%)}}#upcoming tr{{display:block;border-bottom:1px solid
var(--line);padding:.4rem 0}}#upcoming td{{display:inline;border:0;
padding:0;padding-inline-end:.5rem}}
#upcoming td:last-child{{display:block}}}}
a{{color:var(--link)}}
header p,caption,.note,.facts{{color:var(--muted)}}
nav ul,ul.legend,ul.years{{list-style:none;padding:0;display:flex;flex-wrap:wrap;
gap:.25rem 1rem}}
table{{border-collapse:collapse;width:100%}}
caption{{text-align:start}}
th,td{{text-align:start;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid
var(--line)}}
article{{border-top:1px solid var(--line);padding:.5rem 0}}
article h3{{font-size:1.1rem;margin:.25rem 0}}
dl{{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 1rem;margin:0}}
dt{{font-weight:bold}}dd{{margin:0;overflow-wrap:anywhere}}
ul.entries{{list-style:none;padding:0;margin:0}}
ul.entries>li{{border-top:1px solid var(--line);padding:.3rem 0}}
.swatch{{display:inline-block;width:1.5em;height:.8em;margin-inline-end:.35em;
vertical-align:baseline}}
.chart{{width:100%;height:auto;font:13px {FONTS};direction:ltr}}
.fallback{{color:var(--muted);font-size:.8em}}
.chart text{{fill:currentColor}}
.chart .grid{{stroke:var(--line)}}
.chart .today{{stroke:var(--today);stroke-width:2}}
.chart .deadline{{fill:var(--mark)}}
.key-mark{{color:var(--mark)}}.key-today{{color:var(--today)}}
.months{{display:none}}
@media (max-width:48rem){{.chart{{display:none}}.months{{display:block}}}}
@media print{{nav,#subscribe{{display:none}}:root{{--fg:#000;--bg:#fff;--link:#000}}
body{{max-width:none}}article{{break-inside:avoid}}}}
"""
