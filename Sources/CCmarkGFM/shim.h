#ifndef HOCSO_CCMARKGFM_SHIM_H
#define HOCSO_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// Debian does not ship the private headers that declare the extension node types; the symbols
// are exported, so declare them here and expose getters (Swift 6 cannot read mutable C globals).
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type hocso_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type hocso_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type hocso_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type hocso_node_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }
#endif
