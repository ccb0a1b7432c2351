//! SMPP 3.4 command_status values and how a submit result is classified.

/// ESME_ROK: no error.
pub const ESME_ROK: u32 = 0x00;
/// ESME_RINVMSGLEN: message length invalid.
pub const ESME_RINVMSGLEN: u32 = 0x01;
/// ESME_RINVCMDLEN: command length invalid.
pub const ESME_RINVCMDLEN: u32 = 0x02;
/// ESME_RINVCMDID: invalid command id.
pub const ESME_RINVCMDID: u32 = 0x03;
/// ESME_RINVBNDSTS: incorrect bind status for the command.
pub const ESME_RINVBNDSTS: u32 = 0x04;
/// ESME_RALYBND: already bound.
pub const ESME_RALYBND: u32 = 0x05;
/// ESME_RSYSERR: system error.
pub const ESME_RSYSERR: u32 = 0x08;
/// ESME_RINVSRCADR: invalid source address.
pub const ESME_RINVSRCADR: u32 = 0x0A;
/// ESME_RINVDSTADR: invalid destination address.
pub const ESME_RINVDSTADR: u32 = 0x0B;
/// ESME_RBINDFAIL: bind failed.
pub const ESME_RBINDFAIL: u32 = 0x0D;
/// ESME_RINVPASWD: invalid password.
pub const ESME_RINVPASWD: u32 = 0x0E;
/// ESME_RINVSYSID: invalid system_id.
pub const ESME_RINVSYSID: u32 = 0x0F;
/// ESME_RMSGQFUL: message queue full.
pub const ESME_RMSGQFUL: u32 = 0x14;
/// ESME_RSUBMITFAIL: submit_sm failed.
pub const ESME_RSUBMITFAIL: u32 = 0x45;
/// ESME_RINVDSTTON: invalid destination TON.
pub const ESME_RINVDSTTON: u32 = 0x50;
/// ESME_RINVDSTNPI: invalid destination NPI.
pub const ESME_RINVDSTNPI: u32 = 0x51;
/// ESME_RTHROTTLED: throttling error (the ESME exceeded its allowed rate).
pub const ESME_RTHROTTLED: u32 = 0x58;
/// ESME_RX_T_APPN: ESME receiver temporary application error.
pub const ESME_RX_T_APPN: u32 = 0x64;
/// ESME_RDELIVERYFAILURE: delivery failure.
pub const ESME_RDELIVERYFAILURE: u32 = 0xFE;
/// ESME_RUNKNOWNERR: unknown error.
pub const ESME_RUNKNOWNERR: u32 = 0xFF;

/// What a command_status in a submit_sm_resp means for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusClass {
    /// Accepted.
    Ok,
    /// The SMSC is over capacity: pause the whole connection and resend in order.
    Throttle,
    /// A later retry may succeed.
    Transient,
    /// The destination address is not valid: retrying will not help.
    InvalidDestination,
    /// Retrying the same PDU will not succeed.
    Permanent,
}

/// Classifies a submit_sm_resp (or generic_nack) command_status.
pub fn classify(status: u32) -> StatusClass {
    match status {
        ESME_ROK => StatusClass::Ok,
        ESME_RTHROTTLED | ESME_RMSGQFUL => StatusClass::Throttle,
        ESME_RSYSERR
        | ESME_RSUBMITFAIL
        | ESME_RX_T_APPN
        | ESME_RDELIVERYFAILURE
        | ESME_RUNKNOWNERR
        | ESME_RINVBNDSTS => StatusClass::Transient,
        ESME_RINVDSTADR | ESME_RINVDSTTON | ESME_RINVDSTNPI => StatusClass::InvalidDestination,
        _ => StatusClass::Permanent,
    }
}

/// The ESME_* name of a status, or its hex value.
pub fn name(status: u32) -> String {
    let n = match status {
        ESME_ROK => "ESME_ROK",
        ESME_RINVMSGLEN => "ESME_RINVMSGLEN",
        ESME_RINVCMDLEN => "ESME_RINVCMDLEN",
        ESME_RINVCMDID => "ESME_RINVCMDID",
        ESME_RINVBNDSTS => "ESME_RINVBNDSTS",
        ESME_RALYBND => "ESME_RALYBND",
        ESME_RSYSERR => "ESME_RSYSERR",
        ESME_RINVSRCADR => "ESME_RINVSRCADR",
        ESME_RINVDSTADR => "ESME_RINVDSTADR",
        ESME_RBINDFAIL => "ESME_RBINDFAIL",
        ESME_RINVPASWD => "ESME_RINVPASWD",
        ESME_RINVSYSID => "ESME_RINVSYSID",
        ESME_RMSGQFUL => "ESME_RMSGQFUL",
        ESME_RSUBMITFAIL => "ESME_RSUBMITFAIL",
        ESME_RINVDSTTON => "ESME_RINVDSTTON",
        ESME_RINVDSTNPI => "ESME_RINVDSTNPI",
        ESME_RTHROTTLED => "ESME_RTHROTTLED",
        ESME_RX_T_APPN => "ESME_RX_T_APPN",
        ESME_RDELIVERYFAILURE => "ESME_RDELIVERYFAILURE",
        ESME_RUNKNOWNERR => "ESME_RUNKNOWNERR",
        other => return format!("0x{other:08x}"),
    };
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttle_and_queue_full_pause_others_classified() {
        assert_eq!(classify(0x58), StatusClass::Throttle);
        assert_eq!(classify(0x14), StatusClass::Throttle);
        assert_eq!(classify(0x08), StatusClass::Transient);
        assert_eq!(classify(0x0B), StatusClass::InvalidDestination);
        assert_eq!(classify(0x0A), StatusClass::Permanent);
        assert_eq!(name(0x58), "ESME_RTHROTTLED");
        assert_eq!(name(0x1234), "0x00001234");
    }
}
