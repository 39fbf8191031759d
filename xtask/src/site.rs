//! The browser bundle: compiled to WASM, bound by wasm-bindgen, optimised by a pinned
//! `wasm-opt` (release), named by content hash and written beside its precompressed copies.
//!
//! What the server serves from the site root (`target/site` in release, `target/site-debug`
//! in debug):
//! - `pkg/exemplar.<hash>.js`, `.wasm`, `.css`: the main module, what every page needs;
//! - `pkg/split_<page>.<hash>.wasm` and `pkg/chunk_<n>.<hash>.wasm`: each page's own code
//!   (Leptos lazy routes, split out of rustc's output by `wasm_split_cli_support`, as
//!   cargo-leptos does), fetched by `pkg/__wasm_split.<hash>.js` when the page is first
//!   shown, and `pkg/__wasm_split_manifest.<hash>.json`, which modules each page needs (the
//!   server preloads them with the page);
//! - each JS, WASM and CSS file with `.gz` and `.br` beside it; the server sends the copy
//!   the browser accepts and marks them immutable;
//! - `hash.txt`, the hashes in the form Leptos reads (`js: <hash>` … `split: <hash>`), so
//!   that the page names the files of this build and an upgraded server never meets an
//!   old bundle;
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
    // The splitter reads the linker's relocations; passed after `--`, the flag reaches only
    // `app`'s own link, so the dependencies are not rebuilt.
    args.extend(["--", "-Clink-args=--emit-relocs"]);
    sh("cargo", &args)?;
    let out_dir = target_dir().join(WASM_TARGET).join(match profile {
        Profile::Debug => "debug",
        Profile::Release => "wasm-release",
    });
    let wasm = out_dir.join("app.wasm");
    let site = profile.site_dir();
    let pkg = site.join("pkg");
    let _ = fs::remove_dir_all(&pkg);
    fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;

    // Each page's code in its own module, fetched when the page is first shown (Leptos's
    // lazy routes); what they share in `chunk_*` modules; the loader that fetches them.
    let main_wasm = out_dir.join("app_split.wasm");
    let split = split(&wasm, &pkg, &main_wasm)?;

    let pkg_str = pkg.to_string_lossy().into_owned();
    let main_str = main_wasm.to_string_lossy().into_owned();
    let mut bindgen = vec![
        "--target",
        "web",
        "--out-dir",
        &pkg_str,
        "--out-name",
        OUTPUT_NAME,
        "--no-typescript",
        // The split modules link to the main module's table, stack and memory, and the
        // loader finds its exports by their mangled names.
        "--keep-lld-exports",
        "--no-demangle",
    ];
    if profile == Profile::Debug {
        bindgen.push("--debug");
    }
    bindgen.push(&main_str);
    sh("wasm-bindgen", &bindgen)?;
    let bundle = pkg.join(format!("{OUTPUT_NAME}_bg.wasm"));
    if profile == Profile::Release {
        let bin = wasm_opt()?;
        std::thread::scope(|scope| {
            let jobs: Vec<_> = std::iter::once(&bundle)
                .chain(&split.modules)
                .map(|file| scope.spawn(|| optimise(&bin, file)))
                .collect();
            jobs.into_iter()
                .try_for_each(|job| job.join().map_err(|_| "wasm-opt panicked".to_string())?)
        })?;
    }
    let js = pkg.join(format!("{OUTPUT_NAME}.js"));
    let css = pkg.join(format!("{OUTPUT_NAME}.css"));
    let loader = pkg.join(SPLIT_LOADER);
    copy(&root().join("style/main.css"), &css)?;
    let mut expected = vec![
        js.as_path(),
        bundle.as_path(),
        css.as_path(),
        loader.as_path(),
    ];
    expected.extend(split.modules.iter().map(PathBuf::as_path));
    expect_only(&pkg, &expected)?;

    let hashes = name_by_content(&pkg, &split, &js, &bundle, &css, &loader)?;
    fs::write(site.join("hash.txt"), hashes).map_err(|e| format!("hash.txt: {e}"))?;
    for entry in fs::read_dir(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))? {
        let file = entry.map_err(|e| e.to_string())?.path();
        let ext = file.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("js" | "wasm" | "css")) {
            precompress(&file, profile)?;
        }
    }

    for entry in fs::read_dir(root().join("public")).map_err(|e| format!("public/: {e}"))? {
        let entry = entry.map_err(|e| e.to_string())?;
        copy(&entry.path(), &site.join(entry.file_name()))?;
    }
    Ok(())
}

/// The loader's name as the splitter writes it into the main module's imports: 22
/// placeholder characters where the content hash goes (Leptos's name for it).
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";
/// The pages' modules and the modules each page needs, by split name (read by Leptos's
/// `HydrationScripts` on the server, to preload a page's modules with the page).
const SPLIT_MANIFEST: &str = "__wasm_split_manifest";

/// What the splitter wrote beside the main module.
struct Split {
    /// `split_<page>.wasm` and `chunk_<n>.wasm` in `pkg/`.
    modules: Vec<PathBuf>,
    /// Split name → the stems of the modules it needs.
    manifest: std::collections::BTreeMap<String, Vec<String>>,
}

/// Splits rustc's output `wasm` at the lazy routes: the main module to `main_wasm` (for
/// wasm-bindgen), the rest and the loader into `pkg`.
fn split(wasm: &Path, pkg: &Path, main_wasm: &Path) -> Result<Split> {
    let input = fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let link_name = format!("./{SPLIT_LOADER}");
    let main_module = format!("./{OUTPUT_NAME}.js");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = pkg;
    options.main_out_path = main_wasm;
    options.link_name = &link_name;
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("splitting {}: {e:#}", wasm.display()))?;
    Ok(Split {
        modules: split.split_modules,
        manifest: split.prefetch_map.into_iter().collect(),
    })
}

/// Renames every file of `pkg/` after its content and rewrites the names where they are
/// referred to; returns `hash.txt`'s text (`js: <hash>` …, the form Leptos reads).
///
/// The main JS and the loader import each other, so each one's name is taken from both
/// contents: a change to either (or to a page's module, named in the loader) renames both,
/// and an immutable cached copy is never paired with a newer one.
fn name_by_content(
    pkg: &Path,
    split: &Split,
    js: &Path,
    bundle: &Path,
    css: &Path,
    loader: &Path,
) -> Result<String> {
    let read = |file: &Path| fs::read(file).map_err(|e| format!("{}: {e}", file.display()));
    let text = |file: &Path| {
        String::from_utf8(read(file)?).map_err(|e| format!("{}: {e}", file.display()))
    };
    let write = |file: &Path, bytes: &[u8]| {
        fs::write(file, bytes).map_err(|e| format!("{}: {e}", file.display()))
    };
    let remove =
        |file: &Path| fs::remove_file(file).map_err(|e| format!("{}: {e}", file.display()));

    // The pages' modules: named in the loader (`new URL("./chunk_3.wasm", import.meta.url)`)
    // and in the manifest (by stem).
    let mut loader_text = text(loader)?;
    let mut manifest = split.manifest.clone();
    for module in &split.modules {
        let stem = module
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: no name", module.display()))?
            .to_string();
        let named = format!("{stem}.{}", hex(&read(module)?, 8));
        let quoted = format!("\"./{stem}.wasm\"");
        if !loader_text.contains(&quoted) {
            return Err(format!("the split loader does not name {quoted}"));
        }
        loader_text = loader_text.replace(&quoted, &format!("\"./{named}.wasm\""));
        for stems in manifest.values_mut() {
            for s in stems.iter_mut().filter(|s| **s == stem) {
                *s = named.clone();
            }
        }
        fs::rename(module, pkg.join(format!("{named}.wasm")))
            .map_err(|e| format!("{}: {e}", module.display()))?;
    }

    // The main JS and the loader, named from both contents.
    let js_text = text(js)?;
    let both = [js_text.as_bytes(), loader_text.as_bytes()].concat();
    let js_hash = hex(&both, 8);
    let loader_hash = hex(&[loader_text.as_bytes(), js_text.as_bytes()].concat(), 11);
    let loader_name = format!("__wasm_split.{loader_hash}.js");
    debug_assert_eq!(loader_name.len(), SPLIT_LOADER.len());
    let js_name = format!("{OUTPUT_NAME}.{js_hash}.js");
    let loader_text = loader_text.replace(
        &format!("\"./{OUTPUT_NAME}.js\""),
        &format!("\"./{js_name}\""),
    );
    write(&pkg.join(&loader_name), loader_text.as_bytes())?;
    remove(loader)?;
    write(
        &pkg.join(&js_name),
        js_text.replace(SPLIT_LOADER, &loader_name).as_bytes(),
    )?;
    remove(js)?;
    // The main module imports the loader's functions by its name (the same length).
    let wasm = replace_bytes(
        &read(bundle)?,
        SPLIT_LOADER.as_bytes(),
        loader_name.as_bytes(),
    );
    let wasm_hash = hex(&wasm, 8);
    write(&pkg.join(format!("{OUTPUT_NAME}.{wasm_hash}.wasm")), &wasm)?;
    remove(bundle)?;

    let css_bytes = read(css)?;
    let css_hash = hex(&css_bytes, 8);
    fs::rename(css, pkg.join(format!("{OUTPUT_NAME}.{css_hash}.css")))
        .map_err(|e| format!("{}: {e}", css.display()))?;

    let manifest = serde_json::to_vec(&manifest).map_err(|e| e.to_string())?;
    let manifest_hash = hex(&manifest, 8);
    write(
        &pkg.join(format!("{SPLIT_MANIFEST}.{manifest_hash}.json")),
        &manifest,
    )?;

    Ok(format!(
        "js: {js_hash}\nwasm: {wasm_hash}\ncss: {css_hash}\nmanifest: {manifest_hash}\nsplit: {loader_hash}\n"
    ))
}

/// `bytes` with every occurrence of `from` replaced by `to`, of the same length.
fn replace_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from {
            out[i..i + from.len()].copy_from_slice(to);
            i += from.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The first `n` bytes of the SHA-256 of `bytes`, in hex: the name changes when the
/// content does.
fn hex(bytes: &[u8], n: usize) -> String {
    Sha256::digest(bytes)[..n]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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

/// The WASM a page group needs (the main module and the group's modules, by the build's
/// manifest): how many files, and their bytes raw, gzip and brotli.
pub fn wasm_for(profile: Profile, group: &str) -> Result<(usize, u64, u64, u64)> {
    let pkg = profile.site_dir().join("pkg");
    let hashes = fs::read_to_string(profile.site_dir().join("hash.txt"))
        .map_err(|e| format!("hash.txt: {e}"))?;
    let manifest_hash = hashes
        .lines()
        .find_map(|l| l.strip_prefix("manifest: "))
        .ok_or("hash.txt names no split manifest")?;
    let manifest = pkg.join(format!("{SPLIT_MANIFEST}.{}.json", manifest_hash.trim()));
    let manifest: std::collections::BTreeMap<String, Vec<String>> = serde_json::from_str(
        &fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?,
    )
    .map_err(|e| format!("{}: {e}", manifest.display()))?;
    let stems = manifest
        .get(group)
        .ok_or_else(|| format!("the split manifest has no group {group}"))?;
    let mut files = vec![bundle_file(profile, "wasm")?];
    files.extend(stems.iter().map(|stem| pkg.join(format!("{stem}.wasm"))));
    let size = |file: &Path, ext: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(ext);
        fs::metadata(&name)
            .map(|m| m.len())
            .map_err(|e| format!("{}: {e}", Path::new(&name).display()))
    };
    let mut total = (files.len(), 0, 0, 0);
    for file in &files {
        total.1 += size(file, "")?;
        total.2 += size(file, ".gz")?;
        total.3 += size(file, ".br")?;
    }
    Ok(total)
}

/// Every file in `pkg/` is hashed and served as immutable, so nothing else may be there
/// (wasm-bindgen writes `snippets/` when a crate inlines JavaScript: that would need hashing
/// too).
fn expect_only(pkg: &Path, expected: &[&Path]) -> Result {
    for entry in fs::read_dir(pkg).map_err(|e| format!("{}: {e}", pkg.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !expected.contains(&path.as_path()) {
            return Err(format!(
                "unexpected file in the bundle: {} (only the JS, WASM, CSS and split modules are hashed)",
                path.display()
            ));
        }
    }
    Ok(())
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
fn optimise(bin: &Path, bundle: &Path) -> Result {
    let bundle = bundle.to_string_lossy().into_owned();
    let mut args = vec![
        "-Oz",
        // The features rustc's wasm32 target emits by default.
        "--enable-bulk-memory",
        "--enable-mutable-globals",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-reference-types",
        "--enable-multivalue",
    ];
    // `EXEMPLAR_WASM_NAMES=1` keeps the functions' names in the release modules (a few
    // hundred KiB more), for twiggy to say what is in each one.
    if std::env::var_os("EXEMPLAR_WASM_NAMES").is_some_and(|v| v == "1") {
        args.push("-g");
    }
    args.extend([bundle.as_str(), "-o", bundle.as_str()]);
    sh(&bin.to_string_lossy(), &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_every_occurrence_of_a_same_length_name() {
        assert_eq!(
            replace_bytes(b"xabcyabcabc", b"abc", b"ABC"),
            b"xABCyABCABC"
        );
        assert_eq!(replace_bytes(b"aaaa", b"aa", b"bb"), b"bbbb");
        assert_eq!(replace_bytes(b"ab", b"abc", b"xyz"), b"ab");
    }

    /// A bundle as the splitter and wasm-bindgen leave it, with names that are prefixes of
    /// each other (`chunk_1`, `chunk_10`).
    #[test]
    fn names_every_file_by_content_and_rewrites_the_references() {
        let pkg = std::env::temp_dir().join(format!("xtask-site-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&pkg);
        fs::create_dir_all(&pkg).unwrap();
        let put = |name: &str, text: &str| {
            fs::write(pkg.join(name), text).unwrap();
            pkg.join(name)
        };
        let js = put(
            "exemplar.js",
            &format!("import * as import1 from \"./{SPLIT_LOADER}\";\nimports[\"./{SPLIT_LOADER}\"] = import1;\n"),
        );
        let loader = put(
            SPLIT_LOADER,
            "import { initSync } from \"./exemplar.js\";\n\
             fetch(new URL(\"./chunk_1.wasm\", import.meta.url));\n\
             fetch(new URL(\"./chunk_10.wasm\", import.meta.url));\n\
             fetch(new URL(\"./split_board.wasm\", import.meta.url));\n",
        );
        let bundle = put(
            "exemplar_bg.wasm",
            &format!("\0asm imports {SPLIT_LOADER} end"),
        );
        let css = put("exemplar.css", "body {}");
        let modules = ["chunk_1", "chunk_10", "split_board"]
            .map(|stem| put(&format!("{stem}.wasm"), &format!("\0asm {stem}")))
            .to_vec();
        let split = Split {
            modules,
            manifest: [(
                "board".to_string(),
                vec!["chunk_1".into(), "chunk_10".into(), "split_board".into()],
            )]
            .into(),
        };

        let hashes = name_by_content(&pkg, &split, &js, &bundle, &css, &loader).unwrap();
        let hash = |kind: &str| {
            hashes
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{kind}: ")))
                .unwrap_or_else(|| panic!("no {kind} in {hashes}"))
                .to_string()
        };
        let read = |name: String| {
            fs::read_to_string(pkg.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let loader_name = format!("__wasm_split.{}.js", hash("split"));
        assert_eq!(loader_name.len(), SPLIT_LOADER.len());
        let js_text = read(format!("exemplar.{}.js", hash("js")));
        assert_eq!(js_text.matches(&loader_name).count(), 2, "{js_text}");
        assert!(read(format!("exemplar.{}.wasm", hash("wasm"))).contains(&loader_name));
        assert_eq!(read(format!("exemplar.{}.css", hash("css"))), "body {}");

        let loader_text = read(loader_name);
        assert!(loader_text.contains(&format!("\"./exemplar.{}.js\"", hash("js"))));
        let manifest: std::collections::BTreeMap<String, Vec<String>> =
            serde_json::from_str(&read(format!("{SPLIT_MANIFEST}.{}.json", hash("manifest"))))
                .unwrap();
        let stems = &manifest["board"];
        assert_eq!(stems.len(), 3);
        for (stem, named) in ["chunk_1", "chunk_10", "split_board"].iter().zip(stems) {
            assert!(named.starts_with(&format!("{stem}.")), "{named}");
            assert_eq!(read(format!("{named}.wasm")), format!("\0asm {stem}"));
            assert!(
                loader_text.contains(&format!("\"./{named}.wasm\"")),
                "{loader_text}"
            );
        }
        // Nothing is left under its unhashed name.
        let mut left: Vec<_> = fs::read_dir(&pkg)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| !n.contains('.') || n.matches('.').count() < 2)
            .collect();
        left.sort();
        assert_eq!(left, Vec::<String>::new());
        assert!(!pkg.join(SPLIT_LOADER).exists());
        fs::remove_dir_all(&pkg).unwrap();
    }
}
