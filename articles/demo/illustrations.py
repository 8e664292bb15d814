"""Abstract illustrations for the demo articles, drawn with Pillow at load time.

Each picture is a sky gradient with one motif drawn over it. The random choices
are seeded from the picture's key, so every run draws the same pictures.
"""

import math
import random
import zlib
from collections.abc import Callable
from io import BytesIO
from itertools import pairwise

from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageOps

WIDTH, HEIGHT = 1600, 1000

type Colour = tuple[int, int, int]
type Motif = Callable[[Image.Image, list[Colour], random.Random], None]


def draw(motif: str, palette: list[str], *, key: str) -> bytes:
    """A JPEG of `motif`: sky from the first two colours, shapes from the rest."""
    if len(palette) < 4:
        raise ValueError(f"Illustration {key!r} needs at least four colours.")
    colours = [ImageColor.getrgb(colour)[:3] for colour in palette]
    rng = random.Random(zlib.crc32(key.encode()))
    canvas = _gradient(colours[0], colours[1])
    MOTIFS[motif](canvas, colours[2:], rng)
    buffer = BytesIO()
    canvas.convert("RGB").save(buffer, format="JPEG", quality=90, optimize=True)
    return buffer.getvalue()


def _gradient(top: Colour, bottom: Colour) -> Image.Image:
    """A vertical gradient filling the canvas."""
    ramp = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return ImageOps.colorize(ramp, black=top, white=bottom).convert("RGBA")


def _layer() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A transparent layer to draw translucent shapes on."""
    layer = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _sun(canvas: Image.Image, colour: Colour, centre: tuple[int, int], radius: int):
    """A disc with a soft glow around it."""
    layer, pen = _layer()
    x, y = centre
    glow = radius * 2
    pen.ellipse((x - glow, y - glow, x + glow, y + glow), fill=(*colour, 70))
    layer = layer.filter(ImageFilter.GaussianBlur(radius))
    pen = ImageDraw.Draw(layer)
    pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 255))
    canvas.alpha_composite(layer)


def _wave_points(rng: random.Random, base: float, amplitude: float) -> list:
    """The outline of a band whose top edge is a sum of two sine waves."""
    phase1, phase2 = rng.uniform(0, math.tau), rng.uniform(0, math.tau)
    freq1, freq2 = rng.uniform(1.0, 2.5), rng.uniform(3.0, 6.0)
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 1, 10):
        t = x / WIDTH * math.tau
        wobble = math.sin(freq1 * t + phase1) + 0.35 * math.sin(freq2 * t + phase2)
        points.append((x, base + amplitude * wobble))
    points.append((WIDTH, HEIGHT))
    return points


def skyline(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """A sun low over two rows of towers with lit windows."""
    _sun(canvas, colours[0], (rng.randint(900, 1300), 330), 110)
    pen = ImageDraw.Draw(canvas)
    for row, (colour, floor) in enumerate(((colours[1], 700), (colours[-1], 820))):
        x = rng.randint(-60, 0)
        while x < WIDTH:
            width = rng.randint(70, 160)
            top = floor - rng.randint(80, 360 - row * 140)
            pen.rectangle((x, top, x + width, HEIGHT), fill=colour)
            if row == 1:
                _windows(pen, (x, top, x + width), colours[0], rng)
            x += width + rng.randint(0, 30)


def _windows(pen: ImageDraw.ImageDraw, tower: tuple, colour: Colour, rng):
    """A grid of windows on a tower, about a third of them lit."""
    left, top, right = tower
    for y in range(top + 20, HEIGHT - 40, 34):
        for x in range(left + 14, right - 24, 28):
            if rng.random() < 0.35:
                pen.rectangle((x, y, x + 12, y + 18), fill=colour)


def hills(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """Rolling hills fading into the distance under a sun."""
    _sun(canvas, colours[0], (rng.randint(300, 1300), rng.randint(220, 360)), 90)
    pen = ImageDraw.Draw(canvas)
    bands = colours[1:]
    for index, colour in enumerate(bands):
        base = 520 + index * (420 / len(bands))
        pen.polygon(_wave_points(rng, base, 60 - index * 8), fill=colour)


def waves(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """Translucent swells of sea, one over another."""
    layer, pen = _layer()
    for index in range(7):
        colour = colours[index % len(colours)]
        base = 380 + index * 85
        pen.polygon(_wave_points(rng, base, rng.randint(25, 55)), fill=(*colour, 170))
    canvas.alpha_composite(layer)


def circles(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """Overlapping translucent discs, a blurred set behind a sharp one."""
    for blur in (24, 0):
        layer, pen = _layer()
        for _ in range(14 if blur else 9):
            colour = rng.choice(colours)
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            r = rng.randint(60, 260)
            pen.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 120))
        if blur:
            layer = layer.filter(ImageFilter.GaussianBlur(blur))
        canvas.alpha_composite(layer)


def bars(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """A bar chart with a trend line over it, on faint grid lines."""
    pen = ImageDraw.Draw(canvas)
    grid = (*colours[-1], 255)
    for y in range(200, 900, 100):
        pen.line((120, y, 1480, y), fill=grid, width=2)
    count, left, gap = 12, 160, 20
    width = (1440 - left - gap * (count - 1)) // count
    heights = [rng.randint(180, 620) for _ in range(count)]
    tops = []
    for index, height in enumerate(heights):
        x = left + index * (width + gap)
        colour = colours[index % 2]
        pen.rectangle((x, 880 - height, x + width, 880), fill=colour)
        tops.append((x + width // 2, 880 - height - 40))
    pen.line(tops, fill=colours[2 % len(colours)], width=8, joint="curve")
    pen.line((120, 880, 1480, 880), fill=colours[-1], width=6)


def orbits(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """A star with tilted rings and small planets, over a field of dots."""
    pen = ImageDraw.Draw(canvas)
    for _ in range(220):
        x, y, r = (
            rng.randint(0, WIDTH),
            rng.randint(0, HEIGHT),
            rng.choice((1, 2, 2, 3)),
        )
        pen.ellipse((x - r, y - r, x + r, y + r), fill=colours[-1])
    centre = (WIDTH // 2 + rng.randint(-200, 200), HEIGHT // 2)
    _sun(canvas, colours[0], centre, 70)
    pen = ImageDraw.Draw(canvas)
    for ring in range(1, 5):
        rx, ry = 150 + ring * 140, 60 + ring * 50
        box = (centre[0] - rx, centre[1] - ry, centre[0] + rx, centre[1] + ry)
        pen.ellipse(box, outline=colours[1], width=3)
        angle = rng.uniform(0, math.tau)
        px, py = centre[0] + rx * math.cos(angle), centre[1] + ry * math.sin(angle)
        size = rng.randint(14, 34)
        planet = colours[1 + ring % (len(colours) - 1)]
        pen.ellipse((px - size, py - size, px + size, py + size), fill=planet)


def arches(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """A colonnade of round arches with the sunset showing through them."""
    _sun(canvas, colours[0], (WIDTH // 2, 470), 150)
    layer, pen = _layer()
    wall, shade = colours[1], colours[-1]
    pen.rectangle((0, 180, WIDTH, HEIGHT), fill=wall)
    span, pier = 240, 60
    count = WIDTH // (span + pier) + 1
    offset = (WIDTH - count * (span + pier) + pier) // 2
    for index in range(count):
        left = offset + index * (span + pier)
        right = left + span
        pen.rectangle((left, 400, right, 860), fill=(0, 0, 0, 0))
        pen.pieslice((left, 280, right, 520), 180, 360, fill=(0, 0, 0, 0))
    pen.rectangle((0, 860, WIDTH, HEIGHT), fill=shade)
    for y in range(880, HEIGHT, 40):
        pen.line((0, y, WIDTH, y + rng.randint(-6, 6)), fill=wall, width=3)
    canvas.alpha_composite(layer)


def fields(canvas: Image.Image, colours: list[Colour], rng: random.Random) -> None:
    """Strips of farmland running to a flat horizon."""
    horizon = 420
    _sun(canvas, colours[0], (rng.randint(200, 1400), horizon - 60), 80)
    pen = ImageDraw.Draw(canvas)
    pen.rectangle((0, horizon, WIDTH, HEIGHT), fill=colours[1])
    vanishing = WIDTH // 2 + rng.randint(-300, 300)
    edges = sorted(rng.sample(range(-2400, 4000, 120), 26))
    for index, (left, right) in enumerate(pairwise(edges)):
        colour = colours[1 + index % (len(colours) - 1)]
        pen.polygon(
            [(vanishing, horizon), (left, HEIGHT), (right, HEIGHT)], fill=colour
        )


MOTIFS: dict[str, Motif] = {
    motif.__name__: motif
    for motif in (skyline, hills, waves, circles, bars, orbits, arches, fields)
}
