// The parts of libxml2 the audit log uses: the streaming text writer, its output buffers, and XML Schema validation.
//
// Debian's libxml2 is built with ICU, and its encoding header then includes ICU's, which clash with the ICU that
// the Swift toolchain's Foundation carries (`UErrorCode` defined twice) in any module that imports both. The writer
// never needs libxml2's ICU converters, so the switch is turned off after the version header defines it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
