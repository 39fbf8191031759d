//! The browser bundle: compiled to WASM, bound by wasm-bindgen, optimised by a pinned
//! `wasm-opt` (release), named by content hash and written beside its precompressed copies.
//!
//! What the server serves from the site root (`target/site` in release, `target/site-debug`
//! in debug):
//! - `pkg/exemplar.<hash>.js`, `.wasm`, `.css`, each with `.gz` and `.br` beside it; the
//!   server sends the copy the browser accepts and marks them immutable;
//! - `hash.txt`, the hashes in the form Leptos reads (`js: <hash>` …), so that the page
//!   names the files of this build and an upgraded server never meets an old bundle;
//! - the files of `public/` (the favicon).

use crate::{copy, output, root, sh, sh_in, target_dir, Profile, Result, OUTPUT_NAME, WASM_TARGET};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Builds the bundle for `profile` into its site directory.
pub fn build(profile: Profile) -> Result {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    let mut args = vec![
        "rustc",
        "--package",
        "app",
        "--lib",
        "--target",
        WASM_TARGET,
        "--features",
        "hydrate",
        "--crate-type",
        "cdylib",
    ];
    if profile == Profile::Release {
        args.extend(["--profile", "wasm-release"]);
    }
    sh("cargo", &args)?;
    let wasm = target_dir()
        .join(WASM_TARGET)
        .join(match profile {
            Profile::Debug => "debug",
            Profile::Release => "wasm-release",
        })
        .join("app.wasm");
    let site = profile.site_dir();
    let pkg = site.join("pkg");
    let _ = fs::remove_dir_all(&pkg);
    fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    let pkg_str = pkg.to_string_lossy().into_owned();
    let wasm_str = wasm.to_string_lossy().into_owned();
    let mut bindgen = vec![
        "--target",
        "web",
        "--out-dir",
        &pkg_str,
        "--out-name",
        OUTPUT_NAME,
        "--no-typescript",
    ];
    if profile == Profile::Debug {
        bindgen.push("--debug");
    }
    bindgen.push(&wasm_str);
    sh("wasm-bindgen", &bindgen)?;
    let bundle = pkg.join(format!("{OUTPUT_NAME}_bg.wasm"));
    if profile == Profile::Release {
        optimise(&bundle)?;
    }
    let js = pkg.join(format!("{OUTPUT_NAME}.js"));
    let css = pkg.join(format!("{OUTPUT_NAME}.css"));
    copy(&root().join("style/main.css"), &css)?;
    expect_only(&pkg, &[&js, &bundle, &css])?;

    // Content-hashed names, and the hashes where the server's Leptos reads them.
    let mut hashes = String::new();
    for (kind, file) in [("js", &js), ("wasm", &bundle), ("css", &css)] {
        let hash = content_hash(file)?;
        let named = pkg.join(format!("{OUTPUT_NAME}.{hash}.{kind}"));
        fs::rename(file, &named).map_err(|e| format!("{}: {e}", file.display()))?;
        precompress(&named, profile)?;
        hashes.push_str(&format!("{kind}: {hash}\n"));
    }
    fs::write(site.join("hash.txt"), hashes).map_err(|e| format!("hash.txt: {e}"))?;

    for entry in fs::read_dir(root().join("public")).map_err(|e| format!("public/: {e}"))? {
        let entry = entry.map_err(|e| e.to_string())?;
        copy(&entry.path(), &site.join(entry.file_name()))?;
    }
    Ok(())
}

/// The path of a file of this build's bundle, by kind (`js`, `wasm`, `css`).
pub fn bundle_file(profile: Profile, kind: &str) -> Result<PathBuf> {
    let site = profile.site_dir();
    let hashes = fs::read_to_string(site.join("hash.txt"))
        .map_err(|e| format!("{}: {e}", site.join("hash.txt").display()))?;
    let hash = hashes
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{kind}: ")))
        .ok_or_else(|| format!("hash.txt names no {kind} file"))?;
    Ok(site
        .join("pkg")
        .join(format!("{OUTPUT_NAME}.{}.{kind}", hash.trim())))
}

/// Every file in `pkg/` is hashed and served as immutable, so nothing else may be there
/// (wasm-bindgen writes `snippets/` when a crate inlines JavaScript: that would need hashing
/// too).
fn expect_only(pkg: &Path, expected: &[&Path]) -> Result {
    for entry in fs::read_dir(pkg).map_err(|e| format!("{}: {e}", pkg.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !expected.contains(&path.as_path()) {
            return Err(format!(
                "unexpected file in the bundle: {} (only the JS, WASM and CSS are hashed)",
                path.display()
            ));
        }
    }
    Ok(())
}

/// The first 16 hex digits of the file's SHA-256: the name changes when the content does.
fn content_hash(file: &Path) -> Result<String> {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let digest = Sha256::digest(&bytes);
    Ok(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
}

/// Writes `<file>.gz` and `<file>.br` beside `file`. Release: the strongest settings (done
/// once per build, read by every visitor); debug: quicker ones, the same formats.
fn precompress(file: &Path, profile: Profile) -> Result {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let (gzip_level, brotli_quality) = match profile {
        Profile::Release => (9, 11),
        Profile::Debug => (6, 5),
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(gzip_level));
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    write_beside(file, "gz", &gz)?;
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 64 * 1024, brotli_quality, 22);
        w.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    write_beside(file, "br", &br)
}

fn write_beside(file: &Path, ext: &str, bytes: &[u8]) -> Result {
    let mut name = file.as_os_str().to_owned();
    name.push(format!(".{ext}"));
    fs::write(&name, bytes).map_err(|e| format!("{}: {e}", Path::new(&name).display()))
}

// ---------------------------------------------------------------- tools

pub fn ensure_wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    sh("rustup", &["target", "add", WASM_TARGET])
}

/// The wasm-bindgen CLI must be exactly the version of the library in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

pub fn ensure_wasm_bindgen() -> Result {
    let version = locked_version("wasm-bindgen")?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(());
    }
    // Not --locked: the CLI's own lock file wants a crate version the registry lacks.
    sh(
        "cargo",
        &["install", "--force", &format!("wasm-bindgen-cli@{version}")],
    )
}

/// The binaryen version `xtask/binaryen/package.json` pins. Debian's binaryen (108) breaks
/// the bundle's reference-typed function table: the page renders but never hydrates. It is
/// never used, even when installed: `wasm-opt` is always run from `xtask/binaryen`.
pub const BINARYEN_VERSION: &str = "132";

/// Binaryen's `wasm-opt` from the npm registry (pure JS and WASM: nothing to compile),
/// installed with `npm ci` from the committed lock file.
pub fn wasm_opt() -> Result<PathBuf> {
    let dir = root().join("xtask/binaryen");
    let bin = dir.join("node_modules/.bin/wasm-opt");
    let version = |bin: &Path| output(&bin.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !version(&bin).contains(&format!("version {BINARYEN_VERSION} ")) {
        sh_in(&dir, "npm", &["ci", "--no-audit", "--no-fund"], &[])?;
    }
    let have = version(&bin);
    if !have.contains(&format!("version {BINARYEN_VERSION} ")) {
        return Err(format!(
            "{} reports {have:?}, expected binaryen {BINARYEN_VERSION}",
            bin.display()
        ));
    }
    Ok(bin)
}

/// `wasm-opt -Oz` in place: size first, the bundle is what every phone downloads before the
/// board wakes up.
fn optimise(bundle: &Path) -> Result {
    let bin = wasm_opt()?;
    let bundle = bundle.to_string_lossy().into_owned();
    sh(
        &bin.to_string_lossy(),
        &[
            "-Oz",
            // The features rustc's wasm32 target emits by default.
            "--enable-bulk-memory",
            "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            &bundle,
            "-o",
            &bundle,
        ],
    )
}
