// A thin wrapper: Swift's Glibc module is built without _GNU_SOURCE, which hides sync_file_range.
#define _GNU_SOURCE
#include "CWriteback.h"

#if defined(__linux__)
#include <fcntl.h>

int hocso_start_writeback(int fd, int64_t offset, int64_t length) {
    return sync_file_range(fd, (off64_t)offset, (off64_t)length, SYNC_FILE_RANGE_WRITE);
}
#else
int hocso_start_writeback(int fd, int64_t offset, int64_t length) {
    (void)fd;
    (void)offset;
    (void)length;
    return 0;
}
#endif
