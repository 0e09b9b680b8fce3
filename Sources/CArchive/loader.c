// Opens libarchive on first use (see include/CArchive.h for why) and forwards each call to it.
#include "CArchive.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The soname Debian 12's libarchive13 installs; the ABI behind it is stable.
#define LIBARCHIVE_SONAME "libarchive.so.13"

#define HOCSO_ARCHIVE_FUNCTIONS(F) \
    F(archive_entry_filetype) F(archive_entry_free) F(archive_entry_hardlink) F(archive_entry_hardlink_utf8) \
    F(archive_entry_mtime) F(archive_entry_new2) F(archive_entry_pathname_utf8) F(archive_entry_perm) \
    F(archive_entry_set_filetype) F(archive_entry_set_gid) F(archive_entry_set_hardlink_utf8) \
    F(archive_entry_set_mtime) F(archive_entry_set_pathname_utf8) F(archive_entry_set_perm) \
    F(archive_entry_set_rdev) F(archive_entry_set_size) F(archive_entry_set_symlink_utf8) \
    F(archive_entry_set_uid) F(archive_entry_size) F(archive_entry_size_is_set) F(archive_entry_symlink) \
    F(archive_entry_symlink_utf8) F(archive_errno) F(archive_error_string) F(archive_format_name) \
    F(archive_read_data) F(archive_read_free) F(archive_read_new) F(archive_read_next_header) \
    F(archive_read_open_fd) F(archive_read_open_memory) F(archive_read_support_filter_all) \
    F(archive_read_support_format_all) F(archive_write_add_filter_none) F(archive_write_add_filter_zstd) \
    F(archive_write_close) F(archive_write_data) F(archive_write_finish_entry) F(archive_write_free) \
    F(archive_write_header) F(archive_write_new) F(archive_write_open_fd) F(archive_write_open_filename) \
    F(archive_write_set_bytes_in_last_block) F(archive_write_set_filter_option) \
    F(archive_write_set_format_gnutar) F(archive_write_set_format_pax_restricted) \
    F(archive_write_set_format_ustar)

// Each pointer has the type archive.h declares, so a signature that drifts fails to compile.
#define HOCSO_FIELD(name) __typeof__(name) *name;
static struct { HOCSO_ARCHIVE_FUNCTIONS(HOCSO_FIELD) } api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

static void load(void) {
    void *library = dlopen(LIBARCHIVE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : LIBARCHIVE_SONAME ": cannot be loaded");
        return;
    }
#define HOCSO_RESOLVE(name)                                                                  \
    if ((api.name = (__typeof__(name) *)dlsym(library, #name)) == NULL) {                    \
        snprintf(load_error, sizeof load_error, LIBARCHIVE_SONAME " lacks " #name);          \
        return;                                                                              \
    }
    HOCSO_ARCHIVE_FUNCTIONS(HOCSO_RESOLVE)
    loaded = 1;
}

int hocso_archive_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *hocso_archive_load_error(void) { return hocso_archive_load() ? NULL : load_error; }

// Callers check hocso_archive_load() before making a reader or writer, so this is only reached
// by a programming error; stopping beats calling through a null pointer.
static void require(void) {
    if (!hocso_archive_load()) {
        fprintf(stderr, "hocso: libarchive is not available: %s\n", load_error);
        abort();
    }
}

#define CALL(name, ...) (require(), api.name(__VA_ARGS__))

__LA_MODE_T hocso_archive_entry_filetype(struct archive_entry *e) { return CALL(archive_entry_filetype, e); }
void hocso_archive_entry_free(struct archive_entry *e) { CALL(archive_entry_free, e); }
const char *hocso_archive_entry_hardlink(struct archive_entry *e) { return CALL(archive_entry_hardlink, e); }
const char *hocso_archive_entry_hardlink_utf8(struct archive_entry *e) { return CALL(archive_entry_hardlink_utf8, e); }
time_t hocso_archive_entry_mtime(struct archive_entry *e) { return CALL(archive_entry_mtime, e); }
struct archive_entry *hocso_archive_entry_new2(struct archive *a) { return CALL(archive_entry_new2, a); }
const char *hocso_archive_entry_pathname_utf8(struct archive_entry *e) { return CALL(archive_entry_pathname_utf8, e); }
__LA_MODE_T hocso_archive_entry_perm(struct archive_entry *e) { return CALL(archive_entry_perm, e); }
void hocso_archive_entry_set_filetype(struct archive_entry *e, unsigned int t) { CALL(archive_entry_set_filetype, e, t); }
void hocso_archive_entry_set_gid(struct archive_entry *e, la_int64_t g) { CALL(archive_entry_set_gid, e, g); }
void hocso_archive_entry_set_hardlink_utf8(struct archive_entry *e, const char *s) { CALL(archive_entry_set_hardlink_utf8, e, s); }
void hocso_archive_entry_set_mtime(struct archive_entry *e, time_t t, long ns) { CALL(archive_entry_set_mtime, e, t, ns); }
void hocso_archive_entry_set_pathname_utf8(struct archive_entry *e, const char *s) { CALL(archive_entry_set_pathname_utf8, e, s); }
void hocso_archive_entry_set_perm(struct archive_entry *e, __LA_MODE_T m) { CALL(archive_entry_set_perm, e, m); }
void hocso_archive_entry_set_rdev(struct archive_entry *e, dev_t d) { CALL(archive_entry_set_rdev, e, d); }
void hocso_archive_entry_set_size(struct archive_entry *e, la_int64_t s) { CALL(archive_entry_set_size, e, s); }
void hocso_archive_entry_set_symlink_utf8(struct archive_entry *e, const char *s) { CALL(archive_entry_set_symlink_utf8, e, s); }
void hocso_archive_entry_set_uid(struct archive_entry *e, la_int64_t u) { CALL(archive_entry_set_uid, e, u); }
la_int64_t hocso_archive_entry_size(struct archive_entry *e) { return CALL(archive_entry_size, e); }
int hocso_archive_entry_size_is_set(struct archive_entry *e) { return CALL(archive_entry_size_is_set, e); }
const char *hocso_archive_entry_symlink(struct archive_entry *e) { return CALL(archive_entry_symlink, e); }
const char *hocso_archive_entry_symlink_utf8(struct archive_entry *e) { return CALL(archive_entry_symlink_utf8, e); }
int hocso_archive_errno(struct archive *a) { return CALL(archive_errno, a); }
const char *hocso_archive_error_string(struct archive *a) { return CALL(archive_error_string, a); }
const char *hocso_archive_format_name(struct archive *a) { return CALL(archive_format_name, a); }
la_ssize_t hocso_archive_read_data(struct archive *a, void *b, size_t n) { return CALL(archive_read_data, a, b, n); }
int hocso_archive_read_free(struct archive *a) { return CALL(archive_read_free, a); }
struct archive *hocso_archive_read_new(void) { require(); return api.archive_read_new(); }
int hocso_archive_read_next_header(struct archive *a, struct archive_entry **e) { return CALL(archive_read_next_header, a, e); }
int hocso_archive_read_open_fd(struct archive *a, int fd, size_t n) { return CALL(archive_read_open_fd, a, fd, n); }
int hocso_archive_read_open_memory(struct archive *a, const void *b, size_t n) { return CALL(archive_read_open_memory, a, b, n); }
int hocso_archive_read_support_filter_all(struct archive *a) { return CALL(archive_read_support_filter_all, a); }
int hocso_archive_read_support_format_all(struct archive *a) { return CALL(archive_read_support_format_all, a); }
int hocso_archive_write_add_filter_none(struct archive *a) { return CALL(archive_write_add_filter_none, a); }
int hocso_archive_write_add_filter_zstd(struct archive *a) { return CALL(archive_write_add_filter_zstd, a); }
int hocso_archive_write_close(struct archive *a) { return CALL(archive_write_close, a); }
la_ssize_t hocso_archive_write_data(struct archive *a, const void *b, size_t n) { return CALL(archive_write_data, a, b, n); }
int hocso_archive_write_finish_entry(struct archive *a) { return CALL(archive_write_finish_entry, a); }
int hocso_archive_write_free(struct archive *a) { return CALL(archive_write_free, a); }
int hocso_archive_write_header(struct archive *a, struct archive_entry *e) { return CALL(archive_write_header, a, e); }
struct archive *hocso_archive_write_new(void) { require(); return api.archive_write_new(); }
int hocso_archive_write_open_fd(struct archive *a, int fd) { return CALL(archive_write_open_fd, a, fd); }
int hocso_archive_write_open_filename(struct archive *a, const char *f) { return CALL(archive_write_open_filename, a, f); }
int hocso_archive_write_set_bytes_in_last_block(struct archive *a, int n) { return CALL(archive_write_set_bytes_in_last_block, a, n); }
int hocso_archive_write_set_filter_option(struct archive *a, const char *m, const char *o, const char *v) { return CALL(archive_write_set_filter_option, a, m, o, v); }
int hocso_archive_write_set_format_gnutar(struct archive *a) { return CALL(archive_write_set_format_gnutar, a); }
int hocso_archive_write_set_format_pax_restricted(struct archive *a) { return CALL(archive_write_set_format_pax_restricted, a); }
int hocso_archive_write_set_format_ustar(struct archive *a) { return CALL(archive_write_set_format_ustar, a); }
