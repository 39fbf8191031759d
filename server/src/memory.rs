//! How the process's allocator gives memory back. glibc's `malloc` serves a large block
//! (at least 128 KiB at first) straight from the kernel and returns it when freed, but
//! the first time such a block is freed it raises that threshold to the block's size
//! (up to 32 MiB). From then on a sign-in's Argon2 block (19 MiB, see
//! `app::services::password`) comes from the heap of the thread that checks the
//! password, and stays there when freed: each thread of the blocking pool keeps one.
//! Measured (BENCHMARKS.md, issue 21): 125 sign-ins took the release server from 20 to
//! 135 MiB resident, and it kept them; with the threshold fixed, 21 MiB.

/// Large blocks (1 MiB and more) are always mapped and unmapped on their own, so a freed
/// one is given back to the system at once. Call before the runtime starts its threads.
pub fn give_back_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Fixing the threshold also turns off its dynamic raising.
        const THRESHOLD: libc::c_int = 1024 * 1024;
        // SAFETY: mallopt only sets an allocator parameter; called before other threads
        // exist, and it is thread-safe in glibc anyway.
        let ok = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD) };
        if ok != 1 {
            eprintln!("exemplar: could not set malloc's mmap threshold; memory freed after sign-ins may stay with the process");
        }
    }
}
