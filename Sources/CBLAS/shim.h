// OpenBLAS's CBLAS interface (Debian/Ubuntu: `apt-get install libopenblas-dev`), which also
// declares `openblas_set_num_threads` / `openblas_get_num_threads`.
#include <cblas.h>
