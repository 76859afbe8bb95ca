//! The placemap command line.

/// mimalloc (v3): about 6-13% less CPU than the system allocator for the same outputs, with peak memory
/// within a few MB of it (README, "Speed and memory").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // An interrupted run leaves no temporary files behind (outputs are renamed into place only at the end).
    if let Err(e) = placemap::write::output::remove_temporaries_on_signal() {
        eprintln!("placemap: warning: {e}");
    }
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`placemap lookup X | head`) is the reader's choice, not an error.
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            // One clear line per error.
            let mut msg = format!("placemap: error: {e}");
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(&format!(": {c}"));
                }
            }
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}
