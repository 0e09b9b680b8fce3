#!/usr/bin/env python3
"""Writes a synthetic course folder for benchmarks: N lessons, Q questions each, every question
kind, varied Vietnamese text (fixed seed, so every run generates the same tree).

usage: make-course.py OUT_DIR [LESSONS] [QUESTIONS_PER_LESSON]
"""
import os
import random
import sys

out = sys.argv[1]
lessons = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
per_lesson = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rng = random.Random(20250101)

WORDS = (
    "điện thoại mạng internet tài khoản ngân hàng mật khẩu mã OTP tin nhắn cuộc gọi lừa đảo "
    "công an giả danh chuyển tiền ví điện tử thanh toán hóa đơn điện tử dịch vụ công trực tuyến "
    "căn cước định danh VNeID hồ sơ sức khỏe bảo hiểm y tế bán hàng chợ mạng đơn hàng giao hàng "
    "nông sản hợp tác xã người cao tuổi học sinh công nhân tiểu thương cán bộ xã phường "
    "đường link lạ ứng dụng chính thức cửa hàng bảo mật xác thực hai bước vân tay khuôn mặt "
    "thông tin cá nhân chia sẻ cẩn thận kiểm tra nguồn tin chính thống báo cáo tổng đài"
).split()


def sentence(low=6, high=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?"])


def paragraph(n=3):
    return " ".join(sentence() for _ in range(n))


def question(lesson, index):
    qid = f"b{lesson}-q{index}"
    kind = index % 7
    lines = [f"### {sentence(5, 12).rstrip('.!?')}?", f"<!-- id: {qid} -->", ""]
    if kind == 0:  # single choice
        right = rng.randrange(4)
        for k in range(4):
            lines.append(f"- ({'x' if k == right else ' '}) {sentence(3, 8)} {k}")
            if k != right:
                lines.append(f"  > {sentence()}")
    elif kind == 1:  # true/false
        truth = rng.random() < 0.5
        lines += [f"- ({'x' if truth else ' '}) Đúng", f"- ({' ' if truth else 'x'}) Sai", f"  > {sentence()}"]
    elif kind == 2:  # multiple answer
        lines[1] = f"<!-- id: {qid}; scoring: partial -->"
        for k in range(4):
            lines.append(f"- [{'x' if k % 2 == 0 else ' '}] {sentence(3, 8)} {k}")
    elif kind == 3:  # short answer
        lines[1] = f"<!-- id: {qid}; match: khong-dau -->"
        lines += [f"- = {rng.choice(WORDS)} {rng.choice(WORDS)}", f"- = {rng.choice(WORDS)}", f"- != {rng.choice(WORDS)} sai", f"  > {sentence()}"]
    elif kind == 4:  # numeric
        value = rng.randint(1, 500)
        lines += [f"- = {value},5 ± 0,5"]
    elif kind == 5:  # ordering
        for k in range(1, 5):
            lines.append(f"{k}. Bước {k}: {sentence(3, 7)}")
    else:  # matching
        for k in range(3):
            lines.append(f"- {rng.choice(WORDS)} {k} -> {sentence(2, 5).rstrip('.!?')} {k}")
        lines.append(f"- -> {sentence(2, 4).rstrip('.!?')} thừa")
    lines += ["", "> [!TIP]", f"> {sentence()}", "", "> [!NOTE]", f"> {sentence()}", ""]
    return "\n".join(lines)


course_id = "bench-course"
folder = os.path.join(out, course_id)
os.makedirs(folder, exist_ok=True)
names = [f"{i:04d}-bai-{i}.md" for i in range(1, lessons + 1)]
with open(os.path.join(folder, "course.yaml"), "w", encoding="utf-8") as f:
    f.write(f"id: {course_id}\ntitle: Khóa học thử hiệu năng\ntitle_en: Benchmark course\nlang: vi\nversion: 1\n")
    f.write("description: >-\n  " + paragraph(2) + "\n")
    f.write("lessons:\n" + "".join(f"  - {n}\n" for n in names))
for i, name in enumerate(names, start=1):
    parts = [f"---\nid: bai-{i}\ntitle: Bài {i} — {sentence(3, 8).rstrip('.!?')}\nduration: 15m\n---\n", f"# Bài {i}\n"]
    for s in range(2):
        parts.append(f"## {sentence(3, 7).rstrip('.!?')} {s}\n<!-- id: s{s} -->\n\n{paragraph()}\n\n- {sentence()}\n- {sentence()}\n\n> [!WARNING]\n> {sentence()}\n")
    parts.append("## Câu hỏi ôn tập\n\n" + paragraph(1) + "\n")
    for q in range(per_lesson):
        parts.append(question(i, q))
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
print(folder)
