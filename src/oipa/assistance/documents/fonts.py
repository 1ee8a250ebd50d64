"""The CJK font formal documents are set in.

WenQuanYi Micro Hei (installed by the setup) is embedded when present, so the PDF looks the same
on every reader; otherwise reportlab's built-in STSong-Light CID font is referenced (readers
supply it), which still shows Chinese correctly.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
EMBEDDED_NAME = "OipaCJK"
FALLBACK_NAME = "STSong-Light"


@functools.cache
def cjk_font() -> str:
    """The registered font name to use: the embedded TTF when readable, else STSong-Light."""
    if FONT_PATH.is_file():
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, str(FONT_PATH), subfontIndex=0))
            return EMBEDDED_NAME
        except (TTFError, OSError):
            pass  # a damaged font file must not stop the Center from issuing documents
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_NAME))
    return FALLBACK_NAME
