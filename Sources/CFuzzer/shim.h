#ifndef HOCSO_CFUZZER_SHIM_H
#define HOCSO_CFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). hocso-fuzz calls it from its
// own `main`, because SwiftPM links executables with `main` aliased to the module's entry point
// and so libFuzzer's `main` could never be the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
