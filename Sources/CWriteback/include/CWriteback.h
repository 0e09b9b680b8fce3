#ifndef HOCSO_CWRITEBACK_H
#define HOCSO_CWRITEBACK_H

#include <stdint.h>

/// Asks the kernel to start writing the given range of a file to disk without waiting for it
/// (Linux `sync_file_range(SYNC_FILE_RANGE_WRITE)`, which Swift's Glibc module does not expose).
/// Returns 0, or -1 with errno set; elsewhere it does nothing and returns 0.
int hocso_start_writeback(int fd, int64_t offset, int64_t length);

#endif
