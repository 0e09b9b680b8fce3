#ifndef HOCSO_CARCHIVE_SHIM_H
#define HOCSO_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

// The AE_IF* macros carry casts and do not import into Swift; re-export them as constants.
static const unsigned int hocso_AE_IFREG = AE_IFREG;
static const unsigned int hocso_AE_IFDIR = AE_IFDIR;
static const unsigned int hocso_AE_IFLNK = AE_IFLNK;
static const unsigned int hocso_AE_IFMT = AE_IFMT;
#endif
