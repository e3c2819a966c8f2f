//! `grunnmur oscal …` — filled in by the OSCAL work (issue 6).

use clap::Subcommand;
use grunnmur_i18n::Lang;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum OscalCommand {}

pub fn run(_lang: Lang, cmd: OscalCommand) -> anyhow::Result<ExitCode> {
    match cmd {}
}
