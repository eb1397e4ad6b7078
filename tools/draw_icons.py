"""Draws gotlucky's app icons (a four-leaf clover on a blue rounded square) as PNG files, with no image
library: run `python3 tools/draw_icons.py` after changing the drawing; the PNGs in public/icons/ are committed."""
import math
import struct
import zlib

BLUE = (29, 79, 145)
GREEN = (92, 184, 92)
LEAF_DARK = (46, 125, 50)
STEM = (255, 213, 74)


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(x, y, size):
    """The colour at (x, y): transparent outside the rounded square."""
    if not inside_rounded_square(x, y, size, size * 0.22):
        return (0, 0, 0, 0)
    u, v = x / size - 0.5, y / size - 0.5
    # Four round leaves around the centre, each a circle touching the middle.
    for angle in (45, 135, 225, 315):
        a = math.radians(angle)
        lx, ly = 0.14 * math.cos(a), 0.14 * math.sin(a) - 0.04
        d = math.hypot(u - lx, v - ly)
        if d < 0.14:
            return (LEAF_DARK if d > 0.115 else GREEN) + (255,)
    # The stem, from under the leaves to the lower right.
    t = max(0.0, min(1.0, (u * 0.16 + (v + 0.04) * 0.34) / (0.16 ** 2 + 0.34 ** 2)))
    if math.hypot(u - 0.16 * t, v + 0.04 - 0.34 * t) < 0.03:
        return STEM + (255,)
    return BLUE + (255,)


def png(size):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel(x + 0.5, y + 0.5, size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


for size in (192, 512):
    with open(f"public/icons/icon-{size}.png", "wb") as file:
        file.write(png(size))
