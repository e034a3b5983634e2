//! Every link on every screen reachable from the start screen opens, in both languages, and every
//! tool is at most two steps from the start screen.

use std::collections::{BTreeMap, VecDeque};

use lykt_core::Lykt;
use lykt_core::app::{Block, Clock, Event, Platform};
use lykt_core::calendar::parse_instant;

/// Breadth-first crawl: target -> links needed from the start screen.
fn crawl(locale: &str) -> BTreeMap<String, usize> {
    let lykt = Lykt::new(&[locale]).expect("entry");
    let mut app = lykt.app(Platform::Android);
    app.set_clock(Clock::Fixed(
        parse_instant("2026-03-27T21:30:00Z").expect("instant"),
    ));
    let mut depth = BTreeMap::from([("home".to_owned(), 0)]);
    let mut queue = VecDeque::from([("home".to_owned(), 0)]);
    while let Some((target, d)) = queue.pop_front() {
        let screen = app
            .dispatch(Event::Open {
                target: target.clone(),
            })
            .unwrap_or_else(|e| panic!("{locale}: link to {target} fails: {e}"))
            .screen;
        for block in screen.blocks {
            if let Block::Link { target: next, .. } = block
                && !depth.contains_key(&next)
            {
                depth.insert(next.clone(), d + 1);
                queue.push_back((next, d + 1));
            }
        }
    }
    depth
}

#[test]
fn every_link_opens_and_every_tool_is_two_steps_from_home() {
    for locale in ["en", "nb"] {
        let depth = crawl(locale);
        for tool in [
            "contacts",
            "info",
            "minors",
            "placement",
            "assess",
            "duties",
            "rights",
            "learn",
        ] {
            let d = depth
                .get(tool)
                .unwrap_or_else(|| panic!("{tool} is not reachable"));
            assert!(*d <= 2, "{tool} is {d} steps from the start screen");
        }
        assert!(depth.len() > 60, "only {} screens reachable", depth.len());
    }
}
