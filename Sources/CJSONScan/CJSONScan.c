// Skips the nested part of a JSON document 64 bytes at a time.
//
// Why in C: install checks the id and version at the top of a course.json of several megabytes
// by following its structure, and byte by byte that was a fifth of install time. Here each block
// of 64 bytes becomes bit masks (quotes, backslashes, control bytes, brackets); the bytes inside
// strings follow from the quotes by a prefix XOR, and only brackets outside strings change the
// depth, so a block with no backslash costs a handful of instructions however many strings it
// holds. Blocks with a backslash (rare in course text) and the tail go byte by byte. Swift has no
// portable way to turn a vector comparison into a bit mask, which all of this rests on.
#include "CJSONScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON) && defined(__aarch64__)
#include <arm_neon.h>
#endif

/// Bit i set when byte i of the block is of that class.
typedef struct {
    uint64_t quote, backslash, control, open, close;
} block_masks;

#if defined(__SSE2__)
static inline uint64_t mask16(__m128i matches) {
    return (uint64_t)(uint32_t)_mm_movemask_epi8(matches);
}

static inline block_masks classify(const uint8_t *block) {
    block_masks m = {0, 0, 0, 0, 0};
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), below_space = _mm_set1_epi8(0x1F);
    const __m128i open_brace = _mm_set1_epi8('{'), open_bracket = _mm_set1_epi8('[');
    const __m128i close_brace = _mm_set1_epi8('}'), close_bracket = _mm_set1_epi8(']');
    for (int part = 0; part < 4; part++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(block + 16 * part));
        int shift = 16 * part;
        m.quote |= mask16(_mm_cmpeq_epi8(v, quote)) << shift;
        m.backslash |= mask16(_mm_cmpeq_epi8(v, backslash)) << shift;
        // Unsigned v <= 0x1F: max(v, 0x1F) == 0x1F.
        m.control |= mask16(_mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space)) << shift;
        m.open |= mask16(_mm_or_si128(_mm_cmpeq_epi8(v, open_brace), _mm_cmpeq_epi8(v, open_bracket))) << shift;
        m.close |= mask16(_mm_or_si128(_mm_cmpeq_epi8(v, close_brace), _mm_cmpeq_epi8(v, close_bracket))) << shift;
    }
    return m;
}
#elif defined(__ARM_NEON) && defined(__aarch64__)
static inline uint64_t mask16(uint8x16_t matches) {
    static const uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t bits = vandq_u8(matches, vld1q_u8(weights));
    return (uint64_t)vaddv_u8(vget_low_u8(bits)) | ((uint64_t)vaddv_u8(vget_high_u8(bits)) << 8);
}

static inline block_masks classify(const uint8_t *block) {
    block_masks m = {0, 0, 0, 0, 0};
    for (int part = 0; part < 4; part++) {
        uint8x16_t v = vld1q_u8(block + 16 * part);
        int shift = 16 * part;
        m.quote |= mask16(vceqq_u8(v, vdupq_n_u8('"'))) << shift;
        m.backslash |= mask16(vceqq_u8(v, vdupq_n_u8('\\'))) << shift;
        m.control |= mask16(vcleq_u8(v, vdupq_n_u8(0x1F))) << shift;
        m.open |= mask16(vorrq_u8(vceqq_u8(v, vdupq_n_u8('{')), vceqq_u8(v, vdupq_n_u8('[')))) << shift;
        m.close |= mask16(vorrq_u8(vceqq_u8(v, vdupq_n_u8('}')), vceqq_u8(v, vdupq_n_u8(']')))) << shift;
    }
    return m;
}
#else
static inline block_masks classify(const uint8_t *block) {
    block_masks m = {0, 0, 0, 0, 0};
    for (int i = 0; i < 64; i++) {
        uint64_t bit = (uint64_t)1 << i;
        uint8_t b = block[i];
        if (b == '"') m.quote |= bit;
        if (b == '\\') m.backslash |= bit;
        if (b < 0x20) m.control |= bit;
        if (b == '{' || b == '[') m.open |= bit;
        if (b == '}' || b == ']') m.close |= bit;
    }
    return m;
}
#endif

/// Bit i = XOR of bits 0…i: set from an opening quote up to, not including, its closing quote.
static inline uint64_t prefix_xor(uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/// One byte; returns 1 when it closed the depth below 2 or broke the document.
static inline int step(hocso_json_state *s, uint8_t b) {
    if (s->in_string) {
        if (s->escaped) {
            s->escaped = 0;
        } else if (b == '\\') {
            s->escaped = 1;
        } else if (b == '"') {
            s->in_string = 0;
        } else if (b < 0x20) {
            s->broken = 1;
            return 1;
        }
    } else if (b == '"') {
        s->in_string = 1;
    } else if (b == '{' || b == '[') {
        s->depth++;
    } else if (b == '}' || b == ']') {
        s->depth--;
        if (s->depth < 2) return 1;
    }
    return 0;
}

size_t hocso_json_skip_nested(const uint8_t *bytes, size_t count, hocso_json_state *s) {
    size_t i = 0;
    while (count - i >= 64) {
        block_masks m;
        // A block after a backslash, or holding one, goes byte by byte: which quotes are
        // escaped depends on the length of each run of backslashes.
        if (s->escaped || (m = classify(bytes + i)).backslash != 0) {
            for (size_t end = i + 64; i < end;) {
                if (step(s, bytes[i++])) return i;
            }
            continue;
        }
        uint64_t inside = prefix_xor(m.quote);
        if (s->in_string) inside = ~inside;
        uint64_t opens = m.open & ~inside, closes = m.close & ~inside;
        int64_t close_count = __builtin_popcountll(closes);
        int64_t depth = s->depth;
        int dropped_at = -1;  // the bracket that takes the depth below 2, if this block has one
        if (close_count <= depth - 2) {
            // Even if every close came first, the depth stays at 2 or more.
            depth += __builtin_popcountll(opens) - close_count;
        } else {
            for (uint64_t brackets = opens | closes; brackets != 0; brackets &= brackets - 1) {
                int bit = __builtin_ctzll(brackets);
                depth += ((opens >> bit) & 1) ? 1 : -1;
                if (depth < 2) {
                    dropped_at = bit;
                    break;
                }
            }
        }
        uint64_t scanned = dropped_at < 0 || dropped_at == 63 ? ~(uint64_t)0 : ((uint64_t)1 << (dropped_at + 1)) - 1;
        uint64_t control = m.control & inside & scanned;
        if (control != 0) {
            s->broken = 1;
            return i + (size_t)__builtin_ctzll(control) + 1;
        }
        s->depth = depth;
        if (dropped_at >= 0) {
            s->in_string = 0;  // a bracket that counts is outside any string
            return i + (size_t)dropped_at + 1;
        }
        s->in_string = (uint8_t)(inside >> 63);
        i += 64;
    }
    while (i < count) {
        if (step(s, bytes[i++])) return i;
    }
    return i;
}
