#ifndef HOCSO_CARCHIVE_H
#define HOCSO_CARCHIVE_H
// libarchive, opened when the first archive is: `hocso learn` and `hocso --version` never touch
// an archive, and linking libarchive made every start load it and the nine libraries it
// brings (XML, ICU, lzma, nettle…). The functions below have libarchive's signatures; each
// calls the libarchive function of the same name without the `hocso_` prefix.
#include <archive.h>
#include <archive_entry.h>

// The AE_IF* macros carry casts and do not import into Swift; re-export them as constants.
static const unsigned int hocso_AE_IFREG = AE_IFREG;
static const unsigned int hocso_AE_IFDIR = AE_IFDIR;
static const unsigned int hocso_AE_IFLNK = AE_IFLNK;
static const unsigned int hocso_AE_IFMT = AE_IFMT;

/// Opens libarchive once; 1 when it is there, 0 when it could not be loaded.
int hocso_archive_load(void);
/// Why the load failed (the loader's message), or NULL.
const char *hocso_archive_load_error(void);

__LA_MODE_T hocso_archive_entry_filetype(struct archive_entry *);
void hocso_archive_entry_free(struct archive_entry *);
const char *hocso_archive_entry_hardlink(struct archive_entry *);
const char *hocso_archive_entry_hardlink_utf8(struct archive_entry *);
time_t hocso_archive_entry_mtime(struct archive_entry *);
struct archive_entry *hocso_archive_entry_new2(struct archive *);
const char *hocso_archive_entry_pathname_utf8(struct archive_entry *);
__LA_MODE_T hocso_archive_entry_perm(struct archive_entry *);
void hocso_archive_entry_set_filetype(struct archive_entry *, unsigned int);
void hocso_archive_entry_set_gid(struct archive_entry *, la_int64_t);
void hocso_archive_entry_set_hardlink_utf8(struct archive_entry *, const char *);
void hocso_archive_entry_set_mtime(struct archive_entry *, time_t, long);
void hocso_archive_entry_set_pathname_utf8(struct archive_entry *, const char *);
void hocso_archive_entry_set_perm(struct archive_entry *, __LA_MODE_T);
void hocso_archive_entry_set_rdev(struct archive_entry *, dev_t);
void hocso_archive_entry_set_size(struct archive_entry *, la_int64_t);
void hocso_archive_entry_set_symlink_utf8(struct archive_entry *, const char *);
void hocso_archive_entry_set_uid(struct archive_entry *, la_int64_t);
la_int64_t hocso_archive_entry_size(struct archive_entry *);
int hocso_archive_entry_size_is_set(struct archive_entry *);
const char *hocso_archive_entry_symlink(struct archive_entry *);
const char *hocso_archive_entry_symlink_utf8(struct archive_entry *);
int hocso_archive_errno(struct archive *);
const char *hocso_archive_error_string(struct archive *);
const char *hocso_archive_format_name(struct archive *);
la_ssize_t hocso_archive_read_data(struct archive *, void *, size_t);
int hocso_archive_read_free(struct archive *);
struct archive *hocso_archive_read_new(void);
int hocso_archive_read_next_header(struct archive *, struct archive_entry **);
int hocso_archive_read_open_fd(struct archive *, int, size_t);
int hocso_archive_read_open_memory(struct archive *, const void *, size_t);
int hocso_archive_read_support_filter_all(struct archive *);
int hocso_archive_read_support_format_all(struct archive *);
int hocso_archive_write_add_filter_none(struct archive *);
int hocso_archive_write_add_filter_zstd(struct archive *);
int hocso_archive_write_close(struct archive *);
la_ssize_t hocso_archive_write_data(struct archive *, const void *, size_t);
int hocso_archive_write_finish_entry(struct archive *);
int hocso_archive_write_free(struct archive *);
int hocso_archive_write_header(struct archive *, struct archive_entry *);
struct archive *hocso_archive_write_new(void);
int hocso_archive_write_open_fd(struct archive *, int);
int hocso_archive_write_open_filename(struct archive *, const char *);
int hocso_archive_write_set_bytes_in_last_block(struct archive *, int);
int hocso_archive_write_set_filter_option(struct archive *, const char *, const char *, const char *);
int hocso_archive_write_set_format_gnutar(struct archive *);
int hocso_archive_write_set_format_pax_restricted(struct archive *);
int hocso_archive_write_set_format_ustar(struct archive *);
#endif
