#ifndef IIA_CNCURSESW_SHIM_H
#define IIA_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

/* Attribute macros are not imported into Swift; these expose them as functions. */
static inline attr_t iia_a_normal(void) { return A_NORMAL; }
static inline attr_t iia_a_bold(void) { return A_BOLD; }
static inline attr_t iia_a_reverse(void) { return A_REVERSE; }
static inline attr_t iia_a_dim(void) { return A_DIM; }

/* wcwidth is only declared under _XOPEN_SOURCE, which SwiftPM drops; declare it here. */
extern int wcwidth(wchar_t c);
static inline int iia_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
