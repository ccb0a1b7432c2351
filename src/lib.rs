//! SMS Up: group messaging over plain SMS. Create a list, share its name, and one SMS to the list reaches
//! every member, who never see each other's numbers.
#![warn(missing_docs)]

pub mod app;
pub mod channels;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod domain;
pub mod engine;
pub mod members;
pub mod ops;
pub mod outbox;
pub mod service;
pub use domain::phone;
pub mod store;
pub mod web;
