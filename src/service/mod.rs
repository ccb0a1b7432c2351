//! Use cases: what SMS Up does with what arrives, written once over the store's ports (a store
//! backend implements SQL primitives only; the policy is here and in the engine).

pub mod alert_report;
pub mod inbound;
pub mod members;
pub mod reconfirm;
