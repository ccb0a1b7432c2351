//! Domain types: what the rest of SMS Up speaks in. Phone numbers are parsed once where they enter
//! ([`phone::Phone`]); messages, delivery states and lanes are plain data ([`message`]).

pub mod label;
pub mod message;
pub mod phone;

pub use message::{
    Accepted, DeliveryState, InboundOutcome, InboundSms, OutboundSms, Priority, SendError,
    StatusOutcome, StatusUpdate,
};
pub use phone::Phone;
