// zlib's gzip file API: the audit log writes `.gz` through it so it can sync-flush at every checkpoint.
#include <zlib.h>
