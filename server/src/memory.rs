//! How the process's allocator gives memory back. glibc's `malloc` serves a large block
//! (at least 128 KiB at first) straight from the kernel and returns it when freed, but
//! the first time such a block is freed it raises that threshold to the block's size
//! (up to 32 MiB), and the heap's trim threshold to twice that. From then on a sign-in's
//! Argon2 block (19 MiB, see `app::services::password`) comes from the heap of the thread
//! that checks the password, and stays there when freed: each thread of the blocking pool
//! keeps one. Measured (BENCHMARKS.md, issue 21): 125 sign-ins took the release server
//! from 20 to 135 MiB resident, and it kept them; with the thresholds fixed, 25 MiB.

/// Blocks of 16 MiB and more (a password check's) are always mapped and unmapped on their
/// own, so a freed one goes back to the system at once; smaller ones come from the heap as
/// they would once glibc had raised its thresholds (a 1 MiB threshold cost the board's
/// page 13 % of its throughput in page faults). Call before the runtime starts its threads.
pub fn give_back_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Fixing the thresholds also turns off their dynamic raising.
        const MMAP_THRESHOLD: libc::c_int = 16 * 1024 * 1024;
        const TRIM_THRESHOLD: libc::c_int = 2 * MMAP_THRESHOLD;
        // SAFETY: mallopt only sets allocator parameters; it is called before any other
        // thread exists (and is thread-safe in glibc anyway).
        let ok = unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                && libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
        };
        if !ok {
            eprintln!("exemplar: could not set malloc's thresholds; memory freed after sign-ins may stay with the process");
        }
    }
}
