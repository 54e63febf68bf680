"""The certificate as a badge image: a PNG that carries its signed credential (Open Badges 3.0 baking).

The VC-JWT travels in an iTXt chunk with the keyword `openbadgecredential`, so a wallet or a
verifier that is handed the picture alone can extract and check the credential.
"""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

KEYWORD = "openbadgecredential"
SIZE = 480
BRAND = (107, 29, 58)  # the site's theme colour
ACCENT = (11, 93, 80)


def _font(size):
    # Pillow's own scalable font: no system font needed on any machine.
    return ImageFont.load_default(size=size)


def render(token, course_title, code):
    """PNG bytes of a round badge naming the course, with the signed credential baked in."""
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=BRAND)
    draw.ellipse((36, 36, SIZE - 36, SIZE - 36), outline=(255, 255, 255), width=4)
    center = SIZE // 2
    draw.text((center, 118), "Acervo", font=_font(44), fill="white", anchor="mm")
    lines = textwrap.wrap(course_title, width=22)[:4]
    top = center - 12 * len(lines) + 10
    for number, line in enumerate(lines):
        draw.text((center, top + number * 28), line, font=_font(24), fill="white", anchor="mm")
    draw.rounded_rectangle((center - 135, 352, center + 135, 392), radius=18, fill=ACCENT)
    draw.text((center, 372), code, font=_font(18), fill="white", anchor="mm")
    info = PngInfo()
    info.add_itxt(KEYWORD, token, lang="", tkey="", zip=False)
    output = io.BytesIO()
    image.save(output, format="PNG", pnginfo=info)
    return output.getvalue()
