//! Fuzzing every server function's input decoding (issue 19). For each function in the
//! authorisation table, its well-formed call is mutated at random — a field replaced by a
//! value of another type, a huge or negative number, a very long text, control and
//! direction-override characters, a field removed or an unknown one added, the body cut
//! short or replaced by garbage — and sent as several roles. Whatever arrives: never a 5xx,
//! never a dropped connection (a panic), a refusal that says why, and the server still
//! answers afterwards. `EXEMPLAR_FUZZ_CASES` cases per function and role (12 by default in
//! `cargo xtask test`; more on demand), from `EXEMPLAR_FUZZ_SEED` (printed, to replay).
//! With `EXEMPLAR_FUZZ_REPORT=FILE`, a passing run writes its figures there as a row of
//! BENCHMARKS.md's "Reliability" table (`cargo xtask crash-test`).

use crate::authz_table::table;
use crate::common::spawn_app;
use serde_json::{json, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A value a client should never send where the function expects something else.
fn hostile(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(i64::MAX),
        5 => json!(i64::MIN),
        6 => json!(1e308),
        7 => json!(""),
        8 => json!("x".repeat(20_000)),
        9 => json!("Hộ ông\u{0}Tư\u{202E}\u{1b}[31m"),
        10 => json!([]),
        11 => json!({}),
        12 => json!("2026-02-30"),
        13 => json!(u64::MAX),
        14 => {
            // Deep nesting, past any decoder's recursion limit.
            let mut v = json!(1);
            for _ in 0..300 {
                v = json!([v]);
            }
            v
        }
        _ => json!("../../etc/passwd' OR 1=1 --"),
    }
}

/// Every path to a node of `v` (object keys and array indices).
fn paths(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let mut p = at.clone();
                p.push(json!(k));
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut p = at.clone();
                p.push(json!(i));
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

/// The node at `path`, if it is still there (an earlier mutation may have replaced a parent).
fn node<'a>(v: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Value::String(k) => v.get_mut(k.as_str()),
        Value::Number(i) => v.get_mut(i.as_u64()? as usize),
        _ => None,
    })
}

/// A mutation of a JSON call.
fn mutate_json(rng: &mut Rng, call: &Value) -> Vec<u8> {
    let mut v = call.clone();
    let mut all = Vec::new();
    paths(&v, Vec::new(), &mut all);
    for _ in 0..=rng.below(3) {
        let path = all[rng.below(all.len())].clone();
        match rng.below(4) {
            0 | 1 => {
                if let Some(at) = node(&mut v, &path) {
                    *at = hostile(rng);
                }
            }
            2 => {
                if let Some((last, parent)) = path.split_last() {
                    if let (Value::String(k), Some(Value::Object(map))) =
                        (last, node(&mut v, parent))
                    {
                        map.remove(k);
                    }
                }
            }
            _ => {
                if let Some(Value::Object(map)) = node(&mut v, &path) {
                    map.insert("unexpected".into(), hostile(rng));
                }
            }
        }
    }
    let mut bytes = serde_json::to_vec(&v).unwrap();
    if rng.below(8) == 0 {
        let cut = rng.below(bytes.len());
        bytes.truncate(cut);
    }
    bytes
}

/// A mutation of a URL-encoded form call.
fn mutate_form(rng: &mut Rng, call: &str) -> Vec<u8> {
    let mut pairs: Vec<(String, String)> = call
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    for _ in 0..=rng.below(3) {
        let text = match hostile(rng) {
            Value::String(s) => s,
            other => other.to_string(),
        };
        match (rng.below(3), pairs.is_empty()) {
            (0, false) => {
                let i = rng.below(pairs.len());
                pairs[i].1 = encode(&text);
            }
            (1, false) => {
                let i = rng.below(pairs.len());
                pairs.remove(i);
            }
            _ => pairs.push(("unexpected".into(), encode(&text))),
        }
    }
    let mut bytes = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes();
    if rng.below(6) == 0 {
        // Invalid percent-encoding and bytes that are not UTF-8.
        bytes.extend_from_slice(b"&x=%zz%ff\xff\xfe");
    }
    bytes
}

fn garbage(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(512)).map(|_| rng.next() as u8).collect()
}

#[tokio::test]
async fn no_server_function_input_makes_a_5xx_or_a_panic() {
    let cases: usize = std::env::var("EXEMPLAR_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let seed: u64 = std::env::var("EXEMPLAR_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        .max(1);
    println!("fuzzing with EXEMPLAR_FUZZ_SEED={seed}, {cases} cases per function and role");
    let mut rng = Rng(seed);
    let app = spawn_app().await;
    let mut cookies = Vec::new();
    for role in ["admin", "office", "staff1", "council1"] {
        cookies.push((role, app.login(role).await));
    }
    let dummy = reqwest::Client::new();
    let mut failures = Vec::new();
    let mut sent = 0;
    for row in table() {
        let call = (row.body)(dummy.post("http://127.0.0.1/"))
            .build()
            .expect("a call");
        let content_type = call
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json")
            .to_string();
        let body = call
            .body()
            .and_then(|b| b.as_bytes())
            .unwrap_or_default()
            .to_vec();
        let json: Option<Value> = serde_json::from_slice(&body).ok();
        for (role, cookie) in &cookies {
            for _ in 0..cases {
                let fuzzed = match (rng.below(10), &json) {
                    (0, _) => garbage(&mut rng),
                    (_, Some(call)) => mutate_json(&mut rng, call),
                    (_, None) => mutate_form(&mut rng, &String::from_utf8_lossy(&body)),
                };
                sent += 1;
                let resp = app
                    .client
                    .post(app.url(row.path))
                    .header("origin", app.origin())
                    .header("cookie", cookie)
                    .header("content-type", &content_type)
                    .body(fuzzed.clone())
                    .send()
                    .await;
                let shown = String::from_utf8_lossy(&fuzzed[..fuzzed.len().min(300)]).to_string();
                match resp {
                    Err(e) => failures.push(format!(
                        "{} as {role}: no answer ({e}) to {shown}",
                        row.path
                    )),
                    Ok(resp) => {
                        let status = resp.status().as_u16();
                        let text = resp.text().await.unwrap_or_default();
                        if status >= 500 {
                            failures.push(format!(
                                "{} as {role}: {status} {text} to {shown}",
                                row.path
                            ));
                        } else if status >= 400 && text.trim().is_empty() {
                            failures.push(format!(
                                "{} as {role}: {status} without a reason to {shown}",
                                row.path
                            ));
                        }
                    }
                }
            }
        }
    }
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 200, "the server still answers");
    assert!(
        failures.is_empty(),
        "seed {seed}: {} of {sent} fuzzed calls failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if let Some(report) = std::env::var_os("EXEMPLAR_FUZZ_REPORT") {
        let row = format!(
            "| Fuzzing: every server function's input (mutated arguments, hostile text, \
             garbage bodies) as admin, office, unit staff and a council member | {sent} calls \
             ({cases} per function and role, seed {seed}) | **0 answered 5xx**, every refusal \
             a 4xx with its reason, the server answering after | no 5xx, no panic |\n"
        );
        std::fs::write(&report, row).expect("the fuzzing report");
    }
    app.stop().await;
}
