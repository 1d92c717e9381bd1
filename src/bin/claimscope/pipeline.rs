//! Jobs processed on N threads and handed back in input order, as soon as each one's turn
//! comes: a pipeline sees results while its input is still arriving, and memory holds only
//! the jobs in flight, never the stream.

use std::collections::BTreeMap;
use std::sync::mpsc;

/// Runs `work` on every job and calls `emit` with the results in job order. With one thread
/// everything runs on the caller's thread. `emit` returning an error (a closed pipe) stops
/// the run: no further job is started.
pub fn run<J, R, E>(
    jobs: impl Iterator<Item = J> + Send,
    threads: usize,
    work: impl Fn(J) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    J: Send,
    R: Send,
{
    if threads <= 1 {
        for job in jobs {
            emit(work(job))?;
        }
        return Ok(());
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool of a few threads");
    // Jobs read but not yet emitted, at most: the bound on memory.
    let window = threads * 4;
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx.send(()).expect("the channel holds the whole window");
    }
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let work = &work;
        let pool = &pool;
        scope.spawn(move || {
            pool.scope(move |s| {
                for (seq, job) in jobs.enumerate() {
                    // No permit: the writer has stopped, so start nothing more.
                    if permit_rx.recv().is_err() {
                        break;
                    }
                    let done = done_tx.clone();
                    s.spawn(move |_| {
                        let _ = done.send((seq, work(job)));
                    });
                }
                drop(done_tx);
            });
        });
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (seq, result) in done_rx {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                let emitted = emit(result);
                if emitted.is_err() {
                    // Dropping the permits tells the reader to stop.
                    drop(permit_tx);
                    return emitted;
                }
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_job_order_whatever_finishes_first() {
        let mut seen = Vec::new();
        let work = |n: u64| {
            // Later jobs finish first.
            std::thread::sleep(std::time::Duration::from_millis(20 - n));
            n * 10
        };
        run(0..20u64, 4, work, |r| {
            seen.push(r);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, (0..20).map(|n| n * 10).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_emit_stops_the_run() {
        let started = std::sync::atomic::AtomicUsize::new(0);
        let result = run(
            0..10_000u32,
            2,
            |n| {
                started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                n
            },
            |n| if n == 5 { Err("closed") } else { Ok(()) },
        );
        assert_eq!(result, Err("closed"));
        // The window bounds how far the reader got ahead of the failure.
        assert!(started.load(std::sync::atomic::Ordering::Relaxed) < 100);
    }

    #[test]
    fn one_thread_runs_inline() {
        let mut seen = Vec::new();
        run(
            0..5,
            1,
            |n| n + 1,
            |r| {
                seen.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, [1, 2, 3, 4, 5]);
    }
}
