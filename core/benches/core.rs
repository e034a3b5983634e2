//! Benchmarks of what users feel: start-up, search, open-now, screens, saved work.
//! `scripts/bench.sh` prints the medians; `scripts/budgets.sh` checks them against the budgets.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lykt_core::Lykt;
use lykt_core::app::{Clock, Event, Platform};
use lykt_core::calendar::parse_instant;
use lykt_core::content::translations::Catalog;
use lykt_core::content::{ContentPack, EMBEDDED, EMBEDDED_LANGUAGES};

fn at() -> lykt_core::calendar::Instant {
    parse_instant("2026-03-27T14:30:00Z").expect("instant")
}

/// Parsing, validating and indexing the embedded pack, against plain JSON parsing of the same bytes.
fn start_up(c: &mut Criterion) {
    c.bench_function("cold_start", |b| {
        b.iter(|| ContentPack::from_embedded().expect("valid"))
    });
    c.bench_function("json_floor", |b| {
        b.iter(|| {
            for (_, text) in EMBEDDED {
                black_box(
                    serde_json::from_str::<serde_json::Value>(black_box(text)).expect("JSON"),
                );
            }
        })
    });
}

/// The start of a person reading each language: the embedded pack, then their locales resolved,
/// which unpacks a translated language's strings; and the unpacking alone (inflate and index).
fn languages(c: &mut Criterion) {
    let ids = ["en", "nb"]
        .into_iter()
        .chain(EMBEDDED_LANGUAGES.iter().map(|(id, _)| *id));
    let mut group = c.benchmark_group("cold_start_in");
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(3));
    for id in ids {
        group.bench_function(id, |b| {
            b.iter(|| {
                let pack = ContentPack::from_embedded().expect("valid");
                let locales = pack.locales(&[id]).expect("locale");
                (pack, locales)
            })
        });
    }
    group.finish();
    let mut group = c.benchmark_group("unpack");
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(2));
    for (id, packed) in EMBEDDED_LANGUAGES {
        group.bench_function(*id, |b| {
            b.iter(|| Catalog::from_packed(black_box(packed)).expect("unpacks"))
        });
    }
    group.finish();
}

fn contacts(c: &mut Criterion) {
    let book = Lykt::new(&["nb-NO", "en"]).expect("entry").contact_book();
    let t = at();
    c.bench_function("contact_search", |b| {
        b.iter(|| book.search(black_box("grunerlokka"), None, t))
    });
    let pack = ContentPack::embedded().expect("pack");
    c.bench_function("open_now_all", |b| {
        b.iter(|| {
            for contact in &pack.contacts {
                black_box(contact.hours.status(black_box(t)));
            }
        })
    });
}

/// Every screen reachable by links from the start screen, built once.
fn screens(c: &mut Criterion) {
    let lykt = Lykt::new(&["en"]).expect("entry");
    let mut app = lykt.app(Platform::Android);
    app.set_clock(Clock::Fixed(at()));
    let mut targets = vec!["home".to_owned()];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(t) = targets.pop() {
        if !seen.insert(t.clone()) {
            continue;
        }
        if let Ok(tr) = app.dispatch(Event::Open { target: t }) {
            for block in tr.screen.blocks {
                if let lykt_core::app::Block::Link { target, .. } = block {
                    targets.push(target);
                }
            }
        }
    }
    let all: Vec<String> = seen.into_iter().collect();
    c.bench_function("every_screen", |b| {
        b.iter(|| {
            for t in &all {
                let _ = black_box(app.dispatch(Event::Open { target: t.clone() }));
            }
        })
    });
}

/// The vault: unlock (the PIN key derivation, on its own), and saving and listing 1,000 records.
fn vault(c: &mut Criterion) {
    use lykt_core::vault::{RecordKind, Vault, VaultConfig};
    let now = 1_795_000_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vault");
    let mut v = Vault::create(&path, "482916", None, VaultConfig::default(), now).expect("vault");
    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    group.bench_function("unlock", |b| {
        b.iter(|| {
            v.lock();
            v.unlock("482916", None, now).expect("unlocks");
        })
    });
    group.bench_function("save_1000", |b| {
        b.iter(|| {
            v.delete_all(now).expect("empties");
            for i in 0..1000 {
                v.save(RecordKind::Note, "case", &format!("note {i}"), now)
                    .expect("saves");
            }
        })
    });
    group.bench_function("list_1000", |b| {
        b.iter(|| assert_eq!(v.list(now).expect("lists").records.len(), 1000))
    });
    group.finish();
}

/// Opening one record, and deleting one, in vaults of 100, 1,000 and 10,000 records of 2,000
/// characters each (about the size of a saved note). Each deletion is timed alone: the record it
/// deletes is saved just before, untimed, so every deletion rebuilds a file of the same size.
fn vault_sizes(c: &mut Criterion) {
    use lykt_core::vault::{RecordKind, Vault, VaultConfig};
    use std::time::{Duration, Instant};
    let now = 1_795_000_000;
    let text = "x".repeat(2_000);
    let mut group = c.benchmark_group("vault");
    group.sample_size(10);
    // A deletion at 10,000 records takes long enough that a fixed count per sample keeps the
    // run short; the untimed saves before each deletion add to its wall time.
    group.sampling_mode(criterion::SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for n in [100, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut v =
            Vault::create(dir.path(), "482916", None, VaultConfig::default(), now).expect("vault");
        let ids: Vec<String> = (0..n)
            .map(|_| v.save(RecordKind::Note, "case", &text, now).expect("saves"))
            .collect();
        let mut next = ids.iter().cycle();
        group.bench_function(criterion::BenchmarkId::new("open", n), |b| {
            b.iter(|| v.get(next.next().expect("ids"), now).expect("opens"))
        });
        group.bench_function(criterion::BenchmarkId::new("delete", n), |b| {
            b.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for _ in 0..iters {
                    let id = v.save(RecordKind::Note, "case", &text, now).expect("saves");
                    let start = Instant::now();
                    v.delete(&id, now).expect("deletes");
                    timed += start.elapsed();
                }
                timed
            })
        });
    }
    group.finish();
}

/// An assessment with 20 indicators marked; a full walk of the minors' flow; a quick exit.
fn features(c: &mut Criterion) {
    use lykt_core::minors::MinorsFlow;
    use lykt_core::toolkit::{MinorAnswer, Toolkit};
    let lykt = Lykt::new(&["en"]).expect("entry");
    let toolkit = Toolkit::new(lykt.pack().clone(), lykt.locales().clone());
    let ids: Vec<String> = toolkit
        .indicators()
        .into_iter()
        .filter(|i| !i.minor_only)
        .take(20)
        .map(|i| i.id)
        .collect();
    assert_eq!(ids.len(), 20);
    c.bench_function("assessment_20", |b| {
        b.iter(|| {
            toolkit
                .assess_ids(black_box(&ids), MinorAnswer::Unsure, None)
                .expect("assesses")
        })
    });
    let flow = MinorsFlow::new(lykt.pack().clone(), lykt.locales().clone());
    let longest: Vec<String> = lykt
        .pack()
        .minors
        .flow
        .paths()
        .into_iter()
        .max_by_key(Vec::len)
        .expect("paths")
        .into_iter()
        .map(|a| a.option)
        .collect();
    let t = at();
    c.bench_function("minors_walk", |b| {
        b.iter(|| flow.walk(black_box(&longest), t).expect("walks"))
    });
    c.bench_function("quick_exit", |b| {
        b.iter_batched_ref(
            || {
                let mut fresh = lykt.app(Platform::Android);
                for target in ["info", "info/danger", "info/under-18"] {
                    fresh
                        .dispatch(Event::Open {
                            target: target.into(),
                        })
                        .expect("opens");
                }
                fresh
            },
            |a| black_box(a.quick_exit()),
            criterion::BatchSize::SmallInput,
        )
    });
}

criterion_group!(
    benches,
    start_up,
    languages,
    contacts,
    screens,
    features,
    vault,
    vault_sizes
);
criterion_main!(benches);
