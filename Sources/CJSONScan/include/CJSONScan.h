#ifndef HOCSO_CJSONSCAN_H
#define HOCSO_CJSONSCAN_H

#include <stddef.h>
#include <stdint.h>

/// Where a scan of a JSON document stands between chunks.
typedef struct {
    /// Objects and arrays open.
    int64_t depth;
    /// 1 inside a string.
    uint8_t in_string;
    /// 1 when the previous byte was a backslash inside a string.
    uint8_t escaped;
    /// 1 once a raw control byte was found inside a string (not JSON).
    uint8_t broken;
} hocso_json_state;

/// Follows a JSON document below its top two levels, keeping nothing: from `bytes`, with
/// `state->depth >= 2`, steps through strings (escapes, control bytes) and brackets until the
/// depth falls below 2 (just after that closing bracket), the bytes end, or `state->broken` is
/// set; returns how many bytes it consumed. The caller parses the top levels itself.
size_t hocso_json_skip_nested(const uint8_t *bytes, size_t count, hocso_json_state *state);

#endif
