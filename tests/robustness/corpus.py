"""A corpus of bad, hostile and odd inputs, made by this script (nothing downloaded).

:func:`build_corpus` writes every case into a folder and returns what planparse must do with
each one (:class:`Expect`). The cases are built with PyMuPDF and pikepdf from the committed
fixtures or from scratch; random bytes are seeded, so the corpus is the same on every run.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"
# A small born-digital fixture to damage, rotate, encrypt and outline.
BASE_FIXTURE = FIXTURES / "solleftea-malavstamning-t2-2024.pdf"

MANY_PAGES = 2000
TINY_CHARS = 200_000
BOMB_SIDE = 20_000  # a BOMB_SIDE x BOMB_SIDE 8-bit image: 400 MB inflated, ~0.4 MB deflated
NESTING = 10_000
# The JavaScript and the Launch action would create this file if anything ran them; the test
# puts it in the corpus folder's parent and checks that it never appears.
PWNED = "PWNED-by-planparse-corpus"


NAMES: tuple[str, ...] = (
    "bad-zero-bytes.pdf",
    "bad-random-bytes.pdf",
    "bad-html.pdf",
    "bad-plain-text.pdf",
    "bad-png.pdf",
    "bad-zip.pdf",
    "bad-truncated-10.pdf",
    "bad-truncated-50.pdf",
    "bad-truncated-90.pdf",
    "bad-broken-xref.pdf",
    "bad-encrypted-user-password.pdf",
    "odd-encrypted-owner-only.pdf",
    "odd-javascript-launch.pdf",
    "bad-2000-pages.pdf",
    "bad-200k-tiny-chars.pdf",
    "bad-image-bomb.pdf",
    "odd-deeply-nested.pdf",
    "bad-deeply-nested-page.pdf",
    "odd-rotated-90.pdf",
    "odd-text-as-outlines.pdf",
    "odd-english.pdf",
    "odd-kallelse.pdf",
)


@dataclass(frozen=True)
class Expect:
    """What planparse must do with one file.

    ``error``: the manifest's ``error_type`` (the file fails); otherwise the file parses with
    a status in ``statuses`` and, in ``warnings``, warning codes its JSON must carry.
    ``limit``: the limit name an error or warning message must name (with its value).
    """

    error: str | None = None
    statuses: tuple[str, ...] = ("ok", "warning")
    warnings: tuple[str, ...] = ()
    limit: str | None = None
    parser: str | None = None
    # the document must have the base fixture's content (the same JSON but for the file)
    same_as_base: bool = False
    title: str | None = None  # the document's title
    # instead of ``error``, the file may be repaired on reading: then it parses with these
    repaired_warnings: tuple[str, ...] = ()


# MuPDF repairs what it can of a truncated PDF: either the file fails as corrupt, or it parses
# with warnings that say it was repaired and which pages are damaged.
TRUNCATED = Expect(error="corrupt", repaired_warnings=("pdf_repaired",))


# --------------------------------------------------------------------------- raw PDF writing


def raw_pdf(objects: list[bytes]) -> bytes:
    """A classic PDF (header, ``objects`` numbered from 1, xref table, trailer; root is 1)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_page_objects(content: bytes, resources_extra: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
        b" /Resources << /Font << /F1 4 0 R >> " + resources_extra + b" >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(content),
    ]


def _text_ops(lines: list[str], size: float = 11, x: float = 56, top: float = 780) -> bytes:
    ops = [b"BT /F1 %g Tf %g TL %g %g Td" % (size, size * 1.3, x, top)]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + esc.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


# --------------------------------------------------------------------------- documents


def _pymupdf_text_pdf(pages: list[list[str]], fontsize: float = 11) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        y = 72.0
        for line in lines:
            page.insert_text((56, y), line, fontsize=fontsize, fontname="helv")
            y += fontsize * 1.4
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


LETTER = [
    "Kallelse till sammanträde",
    "",
    "Kultur- och fritidsnämnden kallas till sammanträde tisdagen den 14 oktober 2025",
    "klockan 13.00 i Fullmäktigesalen, kommunhuset.",
    "",
    "Ärenden",
    "Val av justerare och tid för justering.",
    "Godkännande av dagordningen.",
    "Information från förvaltningen om lokalbehovet för föreningslivet.",
    "Delegationsbeslut och meddelanden.",
    "",
    "Förhinder anmäls till nämndsekreteraren senast dagen före sammanträdet.",
    "",
    "Anna Andersson, ordförande",
]

ENGLISH = [
    "Annual Report of the Harbour Board",
    "",
    "Introduction",
    "The harbour board presents its report on the operations during the year.",
    "Traffic through the port increased by four per cent compared with last year,",
    "mainly because of new container routes to the Baltic states.",
    "",
    "Finances",
    "Revenue grew steadily while maintenance costs were kept within the budget.",
    "The board thanks all staff for their work during a demanding year.",
]


def _truncated(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def _broken_xref(data: bytes) -> bytes:
    """Point startxref at garbage and scramble every offset in the xref table(s)."""
    import re

    pos = data.rfind(b"startxref")
    end = data.index(b"%%EOF", pos)
    head = data[:pos]
    # scramble classic xref entries (10-digit offsets), if the file has a table
    head = re.sub(rb"(?m)^\d{10} (\d{5}) n", lambda m: b"0000000017 " + m.group(1) + b" n", head)
    return head + b"startxref\n999999\n" + data[end:]


def _encrypted(src: Path, user_pw: str) -> bytes:
    import pymupdf

    with pymupdf.open(src) as doc:
        return doc.tobytes(
            encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=user_pw, owner_pw="owner-secret"
        )


def _rotated(src: Path) -> bytes:
    import pymupdf

    with pymupdf.open(src) as doc:
        for page in doc:
            page.set_rotation(90)
        return doc.tobytes()


def _javascript(target: Path) -> bytes:
    """A Swedish letter whose OpenAction runs JavaScript and whose link launches a shell."""
    import pikepdf

    base = _pymupdf_text_pdf([LETTER])
    pdf = pikepdf.open(io.BytesIO(base))
    js = f"app.launchURL('file://{target}'); this.exportDataObject({{cName: '{target}', nLaunch: 2}});"
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(js))
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array(
                [
                    pikepdf.String("run"),
                    pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(js)),
                ]
            )
        )
    )
    launch = pikepdf.Dictionary(
        S=pikepdf.Name.Launch,
        F=pikepdf.String("/bin/sh"),
        Unix=pikepdf.Dictionary(
            F=pikepdf.String("/bin/sh"), P=pikepdf.String(f"-c 'touch {target}'")
        ),
        Win=pikepdf.Dictionary(
            F=pikepdf.String("cmd.exe"), P=pikepdf.String(f"/c echo > {target}")
        ),
        NewWindow=True,
    )
    page = pdf.pages[0]
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Link,
                        Rect=pikepdf.Array([50, 700, 300, 720]),
                        Border=pikepdf.Array([0, 0, 0]),
                        A=launch,
                    )
                )
            ]
        )
    )
    page.obj.AA = pikepdf.Dictionary(O=launch)  # page-open action as well
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _many_pages(n: int) -> bytes:
    """``n`` tiny pages sharing one content stream with one word (cheap to make and read)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
        + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 10 Tf 20 20 Td (Sida) Tj ET"),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 60] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    objs += [page] * n
    return raw_pdf(objs)


def _tiny_chars(n: int) -> bytes:
    """One page with ``n`` characters in 1-point type (400 lines of n/400 characters)."""
    per_line = n // 400
    word = "abcdefghi "
    line = (word * (per_line // len(word) + 1))[:per_line]
    ops = [b"BT /F1 1 Tf 1.2 TL 10 830 Td"]
    ops += [b"(" + line.encode() + b") Tj T*"] * 400
    ops.append(b"ET")
    content = zlib.compress(b"\n".join(ops), 9)
    objs = _text_page_objects(b"")
    objs[4] = _stream(content, b"/Filter /FlateDecode")
    return raw_pdf(objs)


def _bomb(side: int) -> bytes:
    """A page whose only content is a side x side grey image deflated to a few hundred KB."""
    comp = zlib.compressobj(9)
    rows = b"\xff" * side * 100
    chunks = [comp.compress(rows) for _ in range(side // 100)]
    chunks.append(comp.flush())
    data = b"".join(chunks)
    img = _stream(
        data,
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode" % (side, side),
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
            img,
        ]
    )


def _deeply_nested(depth: int, *, inline: bool) -> bytes:
    """A letter whose page resources hold ``depth``-deep nested arrays and dictionaries.

    ``inline``: inside the page object itself (MuPDF cannot load the page object: the page
    is empty and damaged); otherwise in objects the resources refer to (the page reads).
    """
    arrays = b"[" * depth + b"1" + b"]" * depth
    dicts = b"<< /A " * depth + b"1" + b" >>" * depth
    if inline:
        return raw_pdf(
            _text_page_objects(_text_ops(LETTER), b"/Deep " + arrays + b" /DeepDict " + dicts)
        )
    objects = _text_page_objects(
        _text_ops(LETTER), b"/Deep 6 0 R /DeepDict 7 0 R /Properties 8 0 R"
    )
    objects += [arrays, dicts, b"<< /P1 " + dicts + b" >>"]
    return raw_pdf(objects)


def _outlines(src: Path) -> bytes:
    """The first page of ``src`` with every glyph drawn as a vector path (no text layer)."""
    import pymupdf

    with pymupdf.open(src) as doc:
        svg = doc[0].get_svg_image(text_as_path=True)
    with pymupdf.open("svg", svg.encode("utf-8")) as vec:
        pdf_bytes = vec.convert_to_pdf()
    return pdf_bytes


def _png() -> bytes:
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 32, 32), False)
    pix.clear_with(200)
    return pix.tobytes("png")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>Verksamhetsplan</w:document>")
    return buf.getvalue()


# --------------------------------------------------------------------------- the corpus


def build_corpus(folder: Path) -> dict[str, Expect]:
    """Write every bad input into ``folder``; return the expectation per file name."""
    folder.mkdir(parents=True, exist_ok=True)
    base = BASE_FIXTURE.read_bytes()
    marker = folder.parent / PWNED
    files: dict[str, tuple[bytes, Expect]] = {
        "bad-zero-bytes.pdf": (b"", Expect(error="empty")),
        "bad-random-bytes.pdf": (
            random.Random(20251123).randbytes(64 * 1024),
            Expect(error="not_a_pdf"),
        ),
        "bad-html.pdf": (
            b"<!DOCTYPE html><html><head><title>Verksamhetsplan</title></head>"
            b"<body><h1>Sidan finns inte</h1></body></html>\n",
            Expect(error="not_a_pdf"),
        ),
        "bad-plain-text.pdf": (
            "Verksamhetsplan 2025\nMål 1: Alla ska må bra.\n".encode(),
            Expect(error="not_a_pdf"),
        ),
        "bad-png.pdf": (_png(), Expect(error="not_a_pdf")),
        "bad-zip.pdf": (_zip(), Expect(error="not_a_pdf")),
        "bad-truncated-10.pdf": (_truncated(base, 0.10), TRUNCATED),
        "bad-truncated-50.pdf": (_truncated(base, 0.50), TRUNCATED),
        "bad-truncated-90.pdf": (_truncated(base, 0.90), TRUNCATED),
        "bad-broken-xref.pdf": (
            _broken_xref(base),
            Expect(warnings=("pdf_repaired",), same_as_base=True),
        ),
        "bad-encrypted-user-password.pdf": (
            _encrypted(BASE_FIXTURE, "hemligt"),
            Expect(error="encrypted"),
        ),
        "odd-encrypted-owner-only.pdf": (_encrypted(BASE_FIXTURE, ""), Expect(same_as_base=True)),
        "odd-javascript-launch.pdf": (
            _javascript(marker),
            Expect(warnings=("layout_unknown",), parser="generic", title=LETTER[0]),
        ),
        "bad-2000-pages.pdf": (
            _many_pages(MANY_PAGES),
            Expect(error="limit_exceeded", limit="max_pages"),
        ),
        "bad-200k-tiny-chars.pdf": (
            _tiny_chars(TINY_CHARS),
            Expect(error="limit_exceeded", limit="max_chars_per_page"),
        ),
        "bad-image-bomb.pdf": (
            _bomb(BOMB_SIDE),
            Expect(statuses=("warning",), warnings=("ocr_skipped",), limit="max_image_pixels"),
        ),
        "odd-deeply-nested.pdf": (
            _deeply_nested(NESTING, inline=False),
            Expect(
                warnings=("layout_unknown",), parser="generic", title="Kallelse till sammanträde"
            ),
        ),
        "bad-deeply-nested-page.pdf": (
            _deeply_nested(NESTING, inline=True),
            Expect(statuses=("warning",), warnings=("page_damaged",)),
        ),
        "odd-rotated-90.pdf": (_rotated(BASE_FIXTURE), Expect(same_as_base=True)),
        "odd-text-as-outlines.pdf": (_outlines(BASE_FIXTURE), Expect()),
        "odd-english.pdf": (
            _pymupdf_text_pdf([ENGLISH]),
            Expect(warnings=("layout_unknown",), parser="generic", title=ENGLISH[0]),
        ),
        "odd-kallelse.pdf": (
            _pymupdf_text_pdf([LETTER]),
            Expect(warnings=("layout_unknown",), parser="generic", title=LETTER[0]),
        ),
    }
    assert tuple(files) == NAMES
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: expect for name, (_, expect) in files.items()}


if __name__ == "__main__":  # build the corpus into a folder to look at it
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-corpus")
    for name, expect in build_corpus(target).items():
        print(f"{name:40} {expect}")
