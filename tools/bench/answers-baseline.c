/*
 * Baseline for tools/bench-answers: plain SQLite, the C API, no layers.
 *
 *   answers-baseline ENGINE.sqlite BASELINE.sqlite OFFSET COUNT
 *
 * Reads answer events OFFSET ..< OFFSET+COUNT that the engine just recorded (so the rows are
 * exactly the same), then inserts them into the baseline database (made on first use) with the
 * same durability settings as the centre store (WAL, synchronous=FULL), ONE committed
 * transaction per row, and prints the time taken.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COLUMNS 12

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "answers-baseline: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void exec(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "answers-baseline: %s: %s\n", sql, error ? error : "?");
        exit(1);
    }
}

typedef struct {
    int type[COLUMNS];
    sqlite3_int64 integer[COLUMNS];
    char *text[COLUMNS];
} Row;

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: answers-baseline ENGINE.sqlite BASELINE.sqlite OFFSET COUNT\n");
        return 64;
    }
    sqlite3 *src, *dst;
    check(sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL), src, "open engine database");
    sqlite3_stmt *select;
    check(sqlite3_prepare_v2(src,
        "SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version, lesson_id, "
        "item_id, attempt, payload FROM events WHERE kind = 'answer.submitted' ORDER BY seq LIMIT ?2 OFFSET ?1",
        -1, &select, NULL), src, "prepare select");
    sqlite3_bind_int64(select, 1, atoll(argv[3]));
    sqlite3_bind_int64(select, 2, atoll(argv[4]));
    size_t capacity = 1024, count = 0;
    Row *rows = malloc(capacity * sizeof(Row));
    int rc;
    while ((rc = sqlite3_step(select)) == SQLITE_ROW) {
        if (count == capacity) rows = realloc(rows, (capacity *= 2) * sizeof(Row));
        Row *r = &rows[count++];
        for (int c = 0; c < COLUMNS; c++) {
            r->type[c] = sqlite3_column_type(select, c);
            r->integer[c] = sqlite3_column_int64(select, c);
            r->text[c] = r->type[c] == SQLITE_TEXT ? strdup((const char *)sqlite3_column_text(select, c)) : NULL;
        }
    }
    check(rc, src, "read engine events");
    sqlite3_finalize(select);
    sqlite3_close(src);

    check(sqlite3_open(argv[2], &dst), dst, "open baseline database");
    exec(dst, "PRAGMA journal_mode = WAL");
    exec(dst, "PRAGMA synchronous = FULL");
    exec(dst,
        "CREATE TABLE IF NOT EXISTS events (node_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, learner TEXT NOT NULL, "
        "occurred_at INTEGER NOT NULL, recorded_at INTEGER NOT NULL, course_id TEXT, course_version INTEGER, "
        "lesson_id TEXT, item_id TEXT, attempt INTEGER, payload TEXT NOT NULL, PRIMARY KEY (node_id, seq)) WITHOUT ROWID");
    sqlite3_stmt *begin, *insert, *commit;
    check(sqlite3_prepare_v2(dst, "BEGIN IMMEDIATE", -1, &begin, NULL), dst, "prepare begin");
    check(sqlite3_prepare_v2(dst, "COMMIT", -1, &commit, NULL), dst, "prepare commit");
    check(sqlite3_prepare_v2(dst, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL),
        dst, "prepare insert");

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t i = 0; i < count; i++) {
        check(sqlite3_step(begin), dst, "begin");
        sqlite3_reset(begin);
        for (int c = 0; c < COLUMNS; c++) {
            switch (rows[i].type[c]) {
            case SQLITE_TEXT: sqlite3_bind_text(insert, c + 1, rows[i].text[c], -1, SQLITE_STATIC); break;
            case SQLITE_NULL: sqlite3_bind_null(insert, c + 1); break;
            default: sqlite3_bind_int64(insert, c + 1, rows[i].integer[c]); break;
            }
        }
        check(sqlite3_step(insert), dst, "insert");
        sqlite3_reset(insert);
        check(sqlite3_step(commit), dst, "commit");
        sqlite3_reset(commit);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("baseline answers=%zu seconds=%.3f\n", count, seconds);
    sqlite3_finalize(begin);
    sqlite3_finalize(insert);
    sqlite3_finalize(commit);
    sqlite3_close(dst);
    return 0;
}
