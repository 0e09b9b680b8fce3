#!/usr/bin/env python3
"""Writes a course folder whose lessons show large pictures, for the pack-install benchmark:
about MEGABYTES of PNG files made of random pixels (stored without compression, so neither the
PNG nor the pack can shrink them), the same bytes on every run (fixed seed).

usage: make-picture-course.py OUT_DIR [MEGABYTES] [PICTURES]
"""
import os
import random
import struct
import sys
import zlib

out = sys.argv[1]
megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 120
pictures = int(sys.argv[3]) if len(sys.argv) > 3 else 60
rng = random.Random(20261203)

course_id = "bench-pictures"
folder = os.path.join(out, course_id)
os.makedirs(os.path.join(folder, "images"), exist_ok=True)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def noise_png(path, size):
    """An RGB PNG of about `size` bytes of random pixels, deflate level 0 (stored blocks)."""
    width = 1024
    row = 1 + width * 3  # filter byte + pixels
    height = max(1, size // row)
    pixels = bytearray(rng.randbytes(row * height))
    pixels[::row] = bytes(height)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", header))
        f.write(chunk(b"IDAT", zlib.compress(bytes(pixels), 0)))
        f.write(chunk(b"IEND", b""))


each = megabytes * 1_000_000 // pictures
per_lesson = 3
lessons = (pictures + per_lesson - 1) // per_lesson
names = []
for lesson in range(1, lessons + 1):
    images = []
    for k in range(per_lesson):
        index = (lesson - 1) * per_lesson + k + 1
        if index > pictures:
            break
        name = f"images/anh-{index:03d}.png"
        noise_png(os.path.join(folder, name), each)
        images.append(f"![Ảnh {index}]({name})")
    name = f"{lesson:02d}-bai-{lesson}.md"
    names.append(name)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(f"---\nid: bai-{lesson}\ntitle: Bài {lesson} — xem ảnh\n---\n\n## Xem ảnh\n\n")
        f.write("\n\n".join(images) + "\n\n")
        f.write(f"## Câu hỏi\n\n### Bạn đã xem hết ảnh của bài {lesson} chưa?\n<!-- id: q{lesson} -->\n\n")
        f.write("- (x) Rồi\n- ( ) Chưa\n")
with open(os.path.join(folder, "course.yaml"), "w", encoding="utf-8") as f:
    f.write(f"id: {course_id}\ntitle: Khoá học nhiều ảnh\ntitle_en: Picture benchmark course\nlang: vi\nversion: 1\n")
    f.write("description: Ảnh lớn để đo tốc độ cài gói.\n")
    f.write("lessons:\n" + "".join(f"  - {n}\n" for n in names))
print(folder)
