// A second thread for one-sentence forward passes. Each pass splits ~30 short steps (a linear
// layer, a layer's attention) into parts, and waking a parked worker for each step costs tens of
// microseconds on a virtual machine, more when its virtual CPU was idle. This partner spins for
// a short while after each job, so the steps of one pass cost no wake-ups, and parks on a
// condition variable when idle. The caller and the partner take parts from a shared counter
// until none is left: neither waits for the other beyond one part, and a partner still waking
// up leaves the caller to do them all.
#include "CMiniLMKernels.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define PAUSE() _mm_pause()
#else
#define PAUSE() ((void)0)
#endif

/// How long the partner keeps spinning after its last job before it parks.
#define SPIN_NANOSECONDS 300000L

static struct {
    pthread_once_t once;
    int started;
    /// Held by the caller whose job is posted.
    atomic_int busy;
    /// The posted job in one word, so a part is taken of the job it was counted for: job number
    /// (bits 32–63), part count (16–31), next part to take (0–15).
    atomic_ullong claim;
    /// How many parts of the posted job are done.
    atomic_int done;
    atomic_int sleeping;
    /// The posted job's task; written before `claim` posts it, read after a part of it is taken
    /// (and replaced only once all its parts are done).
    minilm_pair_task task;
    void *context;
    pthread_mutex_t mutex;
    pthread_cond_t wake;
} pair = {
    .once = PTHREAD_ONCE_INIT,
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
};

static long now_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000000000L + now.tv_nsec;
}

static int has_parts_left(unsigned long long claim) {
    return (claim & 0xFFFF) < ((claim >> 16) & 0xFFFF);
}

/// Takes and runs parts of the posted job until none is left.
static void take_parts(int worker) {
    unsigned long long claim = atomic_load(&pair.claim);
    while (has_parts_left(claim)) {
        if (!atomic_compare_exchange_weak(&pair.claim, &claim, claim + 1)) continue;
        pair.task(pair.context, (int)(claim & 0xFFFF), worker);
        atomic_fetch_add(&pair.done, 1);
        claim = atomic_load(&pair.claim);
    }
}

static void *partner_main(void *unused) {
    (void)unused;
    long idleSince = now_nanoseconds();
    unsigned spins = 0;
    for (;;) {
        if (has_parts_left(atomic_load(&pair.claim))) {
            take_parts(1);
            idleSince = now_nanoseconds();
            spins = 0;
            continue;
        }
        PAUSE();
        if ((++spins & 63) != 0 || now_nanoseconds() - idleSince < SPIN_NANOSECONDS) continue;
        // Park. `sleeping` is set before the last look at `claim` and the poster reads it after
        // posting (both sequentially consistent), so a post is never missed. Woken, spin again
        // even if the caller has meanwhile taken every part: more steps of its pass follow.
        pthread_mutex_lock(&pair.mutex);
        atomic_store(&pair.sleeping, 1);
        if (!has_parts_left(atomic_load(&pair.claim))) pthread_cond_wait(&pair.wake, &pair.mutex);
        atomic_store(&pair.sleeping, 0);
        pthread_mutex_unlock(&pair.mutex);
        idleSince = now_nanoseconds();
        spins = 0;
    }
    return 0;
}

static void start_partner(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pair.started = pthread_create(&thread, &attributes, partner_main, 0) == 0;
    pthread_attr_destroy(&attributes);
}

int minilm_pair_run(minilm_pair_task task, void *context, int parts) {
    if (parts <= 0) return 1;
    if (parts > 0xFFFF) return 0;
    pthread_once(&pair.once, start_partner);
    int idle = 0;
    if (!pair.started || !atomic_compare_exchange_strong(&pair.busy, &idle, 1)) return 0;
    pair.task = task;
    pair.context = context;
    atomic_store(&pair.done, 0);
    unsigned long long job = (atomic_load(&pair.claim) >> 32) + 1;
    atomic_store(&pair.claim, (job << 32) | ((unsigned long long)parts << 16));
    if (atomic_load(&pair.sleeping)) {
        pthread_mutex_lock(&pair.mutex);
        pthread_cond_signal(&pair.wake);
        pthread_mutex_unlock(&pair.mutex);
    }
    take_parts(0);
    while (atomic_load(&pair.done) < parts) PAUSE();
    atomic_store(&pair.busy, 0);
    return 1;
}
