"""The terminal report of one analysed article (a plain dict from ``Article.as_dict()``).

Sections: a header, the trust flags, the text with what was found marked, then entities,
quotes, events as sentences, and dates. Colours come from rich and vanish when the output
is not a terminal (or with ``--no-color``).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .events import describe

LABEL_STYLE = {"PERSON": "bold cyan", "ORG": "bold magenta", "PLACE": "bold green"}
DATE_STYLE = "bold yellow"
QUOTE_STYLE = "italic"


def marked_text(result: dict[str, Any]) -> Text:
    text = Text(result.get("text") or "")
    n = len(text.plain)
    for q in result.get("quotes") or []:
        if 0 <= q.get("start", 0) < q.get("end", 0) <= n:
            text.stylize(QUOTE_STYLE + " underline", q["start"], q["end"])
    for d in result.get("dates") or []:
        if 0 <= d.get("start", 0) < d.get("end", 0) <= n:
            text.stylize(DATE_STYLE, d["start"], d["end"])
    for e in result.get("entities") or []:
        if 0 <= e.get("start", 0) < e.get("end", 0) <= n:
            text.stylize(LABEL_STYLE.get(e.get("label", ""), "bold"), e["start"], e["end"])
    return text


def render(result: dict[str, Any], console: Console) -> None:
    head = Text()
    head.append(result.get("title") or result.get("id") or "article", style="bold")
    head.append(f"\nlanguage: {result.get('lang')}   published: {result.get('published') or 'unknown'}")
    if result.get("published_source") and result.get("published"):
        head.append(f" (from {result['published_source']})")
    if result.get("fixes"):
        head.append(f"\nrepaired: {', '.join(result['fixes'])}")
    console.print(Panel(head, title=f"[bold]Warta[/bold] · {result.get('id')}", expand=True))

    flags = result.get("flags") or []
    score = (result.get("trust") or {}).get("stale_score", 0.0)
    if flags:
        rows = [Text(f"⚑ {f.get('kind')} ({f.get('confidence', 0):.2f}): {f.get('message')}", style="bold red")
                for f in flags]
        console.print(Panel(Group(*rows), title=f"Trust flags · stale-news score {score:.2f}",
                            border_style="red"))
    else:
        console.print(Text("Trust flags: none raised", style="green"))

    legend = Text("  ")
    for label, style in LABEL_STYLE.items():
        legend.append(label.lower(), style=style)
        legend.append("  ")
    legend.append("date", style=DATE_STYLE)
    legend.append("  ")
    legend.append("quote", style=QUOTE_STYLE + " underline")
    console.print(Panel(Group(marked_text(result), legend), title="Text"))

    ents = result.get("entities") or []
    if ents:
        t = Table(title="Entities", show_lines=False, expand=True)
        for col in ("mention", "label", "canonical", "country", "role"):
            t.add_column(col)
        seen = set()
        for e in ents:
            key = (e.get("canonical"), e.get("label"), (e.get("role") or {}).get("text"))
            if key in seen:
                continue
            seen.add(key)
            role = (e.get("role") or {}).get("text") or ""
            t.add_row(e.get("text", ""), Text(e.get("label", ""), style=LABEL_STYLE.get(e.get("label", ""), "")),
                      e.get("canonical") or "", e.get("country") or "", role)
        console.print(t)
    else:
        console.print(Text("Entities: none found", style="dim"))

    quotes = result.get("quotes") or []
    console.print(Text(f"Quotes ({len(quotes)})", style="bold"))
    for q in quotes:
        who = q.get("speaker") or "unattributed"
        console.print(Text.assemble(("  " + who, "bold"), f" [{q.get('kind')}]: ",
                                    (f"“{q.get('text', '')}”", QUOTE_STYLE)))

    events = result.get("events") or []
    console.print(Text(f"Events ({len(events)})", style="bold"))
    for ev in events:
        console.print(Text("  " + describe(ev)))
        if ev.get("evidence"):
            console.print(Text(f"      “{ev['evidence']}”", style="dim"))

    dates = result.get("dates") or []
    console.print(Text(f"Dates ({len(dates)})", style="bold"))
    for d in dates:
        conflict = f"  (! {d['conflict']})" if d.get("conflict") else ""
        console.print(Text.assemble("  ", (d.get("text", ""), DATE_STYLE), f" → {d.get('value')}{conflict}"))
    console.print()
