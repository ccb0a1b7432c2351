//! Reach reports: an alert's sender learns by SMS how far it got, once, without asking — when 95%
//! of its messages have a delivery receipt, when none is still on the way, or after
//! `alerts.report_after_minutes`, whichever comes first. (`STATUS A12` asks again at any time.)

use crate::engine::{AlertReach, Engine};
use crate::store::{Store, StoreError};

/// How long after an alert its report may still be sent (a deployment stopped for longer does not
/// report stale alerts when it starts again).
const LOOK_BACK_MS: i64 = 24 * 3_600_000;

/// Whether an alert `age_ms` old, with `reach`, is due for its report.
pub fn due(reach: &AlertReach, age_ms: i64, report_after_ms: i64) -> bool {
    let done = reach.total > 0 && (reach.delivered * 100 >= reach.total * 95 || reach.waiting == 0);
    done || age_ms >= report_after_ms
}

/// One run at `now` (ms since epoch): every alert due is reported to its sender; returns how many.
pub async fn run(
    store: &dyn Store,
    engine: &Engine,
    report_after_minutes: u32,
    now: i64,
) -> Result<u64, StoreError> {
    let after = i64::from(report_after_minutes) * 60_000;
    let mut reported = 0;
    for a in store.unreported_alerts(now - LOOK_BACK_MS, now).await? {
        if !due(&a.reach, now - a.created_at, after) {
            continue;
        }
        // Nobody to tell: marked, so that it is not looked at again.
        let Some(phone) = &a.phone else {
            store.report_alert(a.id, None, now).await?;
            continue;
        };
        let lang = engine.language_for(a.language, None, phone);
        let text = engine.alert_report(lang, a.id, &a.reach);
        let text = match a.font {
            Some(crate::engine::Font::Zawgyi) => crate::engine::to_zawgyi(&text).unwrap_or(text),
            _ => text,
        };
        if store.report_alert(a.id, Some(&text), now).await? {
            reported += 1;
        }
    }
    Ok(reported)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(total: u64, delivered: u64, waiting: u64) -> AlertReach {
        AlertReach {
            total,
            delivered,
            failed: total - delivered - waiting,
            waiting,
            ..AlertReach::default()
        }
    }

    #[test]
    fn a_report_waits_for_95_percent_or_the_time() {
        let five = 5 * 60_000;
        assert!(
            !due(&reach(120, 113, 7), 60_000, five),
            "94% after a minute"
        );
        assert!(due(&reach(120, 114, 6), 60_000, five), "95%");
        assert!(
            due(&reach(120, 113, 7), five, five),
            "94% after five minutes"
        );
        assert!(
            due(&reach(120, 60, 0), 1_000, five),
            "nothing more on the way"
        );
        assert!(!due(&reach(0, 0, 0), 1_000, five), "no recipient yet");
        assert!(
            due(&reach(0, 0, 0), five, five),
            "no recipient after five minutes"
        );
        assert!(due(&reach(20, 19, 1), 0, five), "19 of 20");
        assert!(!due(&reach(20, 18, 2), 0, five), "18 of 20");
    }
}
