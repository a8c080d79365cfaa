"""The standalone review page for one document: page images with provenance boxes, and a
side panel with the goal tree and everything else that was extracted.

One HTML file, no server and no network: CSS and JS are inline and page images are data URIs
in ``data-src`` attributes, set as ``src`` only when a page comes near the viewport.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any

from planparse.review.images import PageImage
from planparse.review.items import DEFAULT_THRESHOLD, KINDS, Item, collect

COLOURS: dict[str, str] = {
    "goal": "#1f6fd1",
    "activity": "#1a9a3a",
    "indicator": "#e07b00",
    "budget_line": "#7b3fc4",
    "investment": "#8a5a2b",
    "control": "#d43f9a",
    "risk": "#d62020",
}

SECTIONS: tuple[tuple[str, str], ...] = (
    ("goal", "Goals"),
    ("budget_line", "Budget"),
    ("investment", "Investments"),
    ("control", "Internal control"),
    ("risk", "Risks"),
)

CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222}
body{display:flex;flex-direction:column}
header{padding:6px 12px;border-bottom:1px solid #ccc;background:#f6f6f6}
header h1{font-size:15px;margin:0 0 2px}
header .meta span{margin-right:12px}
.legend span{display:inline-block;margin-right:10px}
.legend i{display:inline-block;width:11px;height:11px;border:2px solid;margin-right:3px;vertical-align:-1px}
.low{color:#b00000;font-weight:600}
main{flex:1;display:flex;min-height:0}
#panel{width:38%;max-width:560px;min-width:280px;overflow:auto;border-right:1px solid #ccc;padding:4px 8px 40px}
#panel h2{font-size:13px;margin:12px 0 4px;padding-bottom:2px;border-bottom:1px solid #ddd}
#panel ul{list-style:none;margin:0;padding:0}
.item{padding:3px 4px 3px 6px;margin:1px 0;border-left:4px solid var(--c);cursor:pointer;border-radius:2px}
.item:hover{background:#f0f4ff}
.item.selected{background:#dbe7ff;outline:1px solid #6d8fd6}
.item .kind{font-size:10px;text-transform:uppercase;color:var(--c);font-weight:700;margin-right:4px}
.item .d{color:#555;font-size:12px}
.item .flag{color:#b00000;font-size:12px}
.item.nopos .where{color:#b00000;font-weight:600}
.where{color:#777;font-size:11px;margin-left:4px}
.item.look{background:#fff4d6}
.warn{padding:3px 6px;margin:2px 0;background:#fff4d6;border-left:4px solid #e0a800;cursor:pointer}
#pages{flex:1;overflow:auto;background:#777;padding:12px}
.page{position:relative;margin:0 auto 14px;width:100%;max-width:900px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.4)}
.page img{position:absolute;inset:0;width:100%;height:100%;display:block}
.page .no{position:absolute;left:-2px;top:-2px;background:#333;color:#fff;font-size:11px;padding:1px 5px;z-index:3}
.page .pw{position:absolute;right:0;top:-2px;background:#e0a800;color:#000;font-size:11px;padding:1px 5px;z-index:3}
.box{position:absolute;border:2px solid var(--c);background:color-mix(in srgb,var(--c) 8%,transparent);cursor:pointer;z-index:1}
.box:hover{background:color-mix(in srgb,var(--c) 20%,transparent);z-index:2}
.box.look{border-style:dashed}
.box.look::after{content:"!";position:absolute;right:-2px;top:-2px;background:#b00000;color:#fff;font:bold 10px/12px sans-serif;padding:0 3px}
.box.selected{background:color-mix(in srgb,var(--c) 30%,transparent);outline:3px solid #ffd400;outline-offset:1px;z-index:2;animation:pulse .9s ease-out 2}
@keyframes pulse{0%{outline-color:#ff2f00}100%{outline-color:#ffd400}}
body.only-look .item:not(.look){display:none}
kbd{border:1px solid #aaa;border-radius:3px;padding:0 3px;font-size:11px;background:#fff}
"""

JS = r"""
(function(){
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("#panel .item"));
  var pages = document.getElementById("pages");
  var current = -1;
  function load(page){
    var img = page && page.querySelector("img[data-src]");
    if (img) { img.src = img.getAttribute("data-src"); img.removeAttribute("data-src"); }
  }
  if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function(entries){
      entries.forEach(function(e){ if (e.isIntersecting) { load(e.target); io.unobserve(e.target); } });
    }, {root: pages, rootMargin: "1200px 0px"});
    document.querySelectorAll(".page").forEach(function(p){ io.observe(p); });
  } else {
    document.querySelectorAll(".page").forEach(load);
  }
  function boxOf(id){ return document.querySelector('.box[data-item="' + id + '"]'); }
  function select(index, from){
    if (index < 0 || index >= items.length) return;
    document.querySelectorAll(".selected").forEach(function(el){ el.classList.remove("selected"); });
    current = index;
    var li = items[index], id = li.getAttribute("data-item"), box = boxOf(id);
    li.classList.add("selected");
    if (from !== "panel") li.scrollIntoView({block: "nearest"});
    if (box) {
      load(box.parentNode);
      box.classList.remove("selected"); void box.offsetWidth; box.classList.add("selected");
      if (from !== "box") box.scrollIntoView({block: "center", inline: "nearest"});
    } else if (li.getAttribute("data-page")) {
      var pg = document.getElementById("page-" + li.getAttribute("data-page"));
      if (pg) { load(pg); pg.scrollIntoView({block: "start"}); }
    }
  }
  window.planparseSelect = function(id){ select(items.findIndex(function(li){ return li.getAttribute("data-item") === id; }), "api"); };
  items.forEach(function(li, i){ li.addEventListener("click", function(){ select(i, "panel"); }); });
  document.querySelectorAll(".box").forEach(function(box){
    box.addEventListener("click", function(ev){
      ev.stopPropagation();
      var id = box.getAttribute("data-item");
      select(items.findIndex(function(li){ return li.getAttribute("data-item") === id; }), "box");
    });
  });
  document.querySelectorAll(".warn[data-page]").forEach(function(w){
    w.addEventListener("click", function(){
      var pg = document.getElementById("page-" + w.getAttribute("data-page"));
      if (pg) { load(pg); pg.scrollIntoView({block: "start"}); }
    });
  });
  function visible(i){ return items[i].offsetParent !== null; }
  function step(dir, lookOnly){
    var i = current;
    for (var n = 0; n < items.length; n++) {
      i += dir;
      if (i < 0 || i >= items.length) return;
      if (visible(i) && (!lookOnly || items[i].classList.contains("look"))) { select(i, "key"); return; }
    }
  }
  document.addEventListener("keydown", function(ev){
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA") return;
    if (ev.key === "j" || ev.key === "ArrowDown" || ev.key === "ArrowRight") { step(1, false); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "ArrowUp" || ev.key === "ArrowLeft") { step(-1, false); ev.preventDefault(); }
    else if (ev.key === "n") { step(1, true); ev.preventDefault(); }
    else if (ev.key === "p") { step(-1, true); ev.preventDefault(); }
  });
  var only = document.getElementById("only-look");
  if (only) only.addEventListener("change", function(){ document.body.classList.toggle("only-look", only.checked); });
})();
"""


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _hover(item: Item) -> str:
    lines = [f"{KINDS[item.kind]}: {item.label}"]
    if item.method not in (None, "native") and item.raw_text is not None:
        lines.append(f"raw text ({item.method}): {item.raw_text}")
    lines.extend(item.flags)
    return "\n".join(lines)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _panel_item(item: Item) -> str:
    classes = ["item"]
    if item.flags:
        classes.append("look")
    if item.bbox is None:
        classes.append("nopos")
        where = f'<span class="where">no position ({escape(item.no_position or "")})</span>'
    else:
        where = f'<span class="where">p. {item.page}</span>'
    page_attr = f' data-page="{item.page}"' if item.page is not None else ""
    details = "".join(f'<div class="d">{escape(d)}</div>' for d in item.details)
    flags = "".join(f'<div class="flag">⚑ {escape(f)}</div>' for f in item.flags)
    return (
        f'<li class="{" ".join(classes)}" id="p-{item.id}" data-item="{item.id}" '
        f'data-kind="{item.kind}"{page_attr} data-uid="{_attr(item.uid or "")}" '
        f'style="--c:{COLOURS[item.kind]};margin-left:{item.depth * 14}px" '
        f'title="{_attr(_hover(item))}">'
        f'<span class="kind">{escape(KINDS[item.kind])}</span>{escape(_short(item.label))}{where}'
        f"{details}{flags}</li>"
    )


def _box(item: Item, page: PageImage) -> str:
    assert item.bbox is not None
    x0, y0, x1, y1 = item.bbox
    w, h = page.width or 1.0, page.height or 1.0
    # Clamp to the page so a box slightly outside still shows.
    left, top = max(0.0, x0 / w * 100), max(0.0, y0 / h * 100)
    right, bottom = min(100.0, x1 / w * 100), min(100.0, y1 / h * 100)
    style = (
        f"--c:{COLOURS[item.kind]};left:{left:.3f}%;top:{top:.3f}%;"
        f"width:{max(right - left, 0.2):.3f}%;height:{max(bottom - top, 0.2):.3f}%"
    )
    look = " look" if item.flags else ""
    return (
        f'<div class="box{look}" data-item="{item.id}" data-kind="{item.kind}" '
        f'data-uid="{_attr(item.uid or "")}" style="{style}" title="{_attr(_hover(item))}"></div>'
    )


def build_page(
    doc: dict[str, Any],
    images: list[PageImage],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    pdf_name: str | None = None,
) -> str:
    """The review HTML for one document (its JSON form) and its rendered pages."""
    items = collect(doc, threshold)
    by_page: dict[int, PageImage] = {p.number: p for p in images}
    for item in items:  # a page the PDF does not have: no box, and say why
        if item.bbox is not None and item.page not in by_page:
            item.bbox, item.no_position = None, f"page {item.page} is not in the PDF"
    source = doc.get("source") or {}
    warnings = [w for w in doc.get("warnings") or [] if isinstance(w, dict)]
    layout_conf = source.get("layout_confidence")
    low_layout = isinstance(layout_conf, int | float) and layout_conf < threshold
    muni = doc.get("municipality") or {}
    title = " · ".join(
        str(p) for p in (muni.get("name"), doc.get("title"), doc.get("year")) if p
    ) or str(source.get("file") or "planparse review")
    n_look = sum(1 for i in items if i.flags)
    n_nopos = sum(1 for i in items if i.bbox is None)
    counts = ", ".join(
        f"{sum(1 for i in items if i.kind == k)} {label}" for k, label in KINDS.items()
    )

    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{escape(title)} – planparse review</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        '<div class="meta">',
        f"<span>file: <b>{escape(str(source.get('file') or pdf_name or '?'))}</b></span>",
        f"<span>parser: <b>{escape(str(source.get('parser')))}</b></span>",
        (
            f'<span class="{"low" if low_layout else ""}" id="layout-confidence">'
            f"layout confidence: {layout_conf if layout_conf is not None else '?'}"
            f"{' (low)' if low_layout else ''}</span>"
        ),
        f"<span>text layer: {escape(str(source.get('text_layer')))}</span>",
        f"<span>{len(images)} pages</span>",
        "</div>",
        f'<div class="meta"><span>{escape(counts)}</span>',
        f'<span class="{"low" if n_look else ""}">{n_look} to look at</span>',
        f'<span class="{"low" if warnings else ""}">{len(warnings)} warnings</span>',
        f'<span class="{"low" if n_nopos else ""}">{n_nopos} without position</span>',
        '<label><input type="checkbox" id="only-look"> only what needs a look</label></div>',
        '<div class="legend">',
        *(
            f'<span><i style="border-color:{COLOURS[k]};background:{COLOURS[k]}22"></i>'
            f"{escape(label)}</span>"
            for k, label in KINDS.items()
        ),
        "<span>dashed / ! = needs a look</span>",
        "<span><kbd>j</kbd>/<kbd>k</kbd> or arrows: next/previous item, "
        "<kbd>n</kbd>/<kbd>p</kbd>: next/previous to look at</span>",
        "</div></header>",
        "<main>",
        '<nav id="panel">',
    ]
    if warnings or low_layout:
        out.append('<h2>Warnings</h2><ul id="warnings">')
        if low_layout:
            out.append(
                f'<li class="warn">layout confidence {layout_conf} is below {threshold}: '
                "the layout family may be wrong</li>"
            )
        for w in warnings:
            page = w.get("page")
            page_attr = f' data-page="{page}"' if isinstance(page, int) else ""
            where = f" (p. {page})" if isinstance(page, int) else ""
            out.append(
                f'<li class="warn"{page_attr}><b>{escape(str(w.get("code")))}</b>{where}: '
                f"{escape(str(w.get('message')))}</li>"
            )
        out.append("</ul>")
    for kind, heading in SECTIONS:
        # The goal section also holds the goals' indicators and activities (the tree).
        section = [
            i for i in items if (kind == "goal" and i.kind in ("goal", "activity", "indicator"))
            or i.kind == kind
        ]
        if not section:
            continue
        out.append(f'<h2>{heading}</h2><ul data-section="{kind}">')
        out.extend(_panel_item(i) for i in section)
        out.append("</ul>")
    if not items:
        out.append("<p>Nothing was extracted from this document.</p>")
    out.append('</nav><section id="pages">')
    warned_pages = {w.get("page") for w in warnings if isinstance(w.get("page"), int)}
    for page in images:
        b64 = base64.b64encode(page.data).decode("ascii")
        out.append(
            f'<div class="page" id="page-{page.number}" data-page="{page.number}" '
            f'style="aspect-ratio:{page.width:.2f}/{page.height:.2f}">'
            f'<img alt="page {page.number}" data-src="data:{page.mime};base64,{b64}">'
            f'<span class="no">{page.number}</span>'
        )
        if page.number in warned_pages:
            out.append('<span class="pw">warning</span>')
        out.extend(_box(i, page) for i in items if i.bbox is not None and i.page == page.number)
        out.append("</div>")
    out.append("</section></main>")
    out.append(f"<script>{JS}</script>")
    out.append("</body></html>\n")
    return "\n".join(out)
