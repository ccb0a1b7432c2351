//! The pure core: an inbound SMS plus the facts the store loaded give state changes, replies and a
//! fan-out. No I/O happens here; the store loads [`Facts`] for a [`Command`] and applies the [`Decision`]
//! in the same transaction.

pub mod carrier;
pub mod parse;

use smsup_lang::{Arg, Keyword, Lang};

pub use parse::{parse, Command, MoveArg, Parsed};

use crate::phone::Phone;

/// A member's role in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Created the list.
    Owner,
    /// May post to announce lists, add and remove members.
    Admin,
    /// A plain member.
    Member,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    /// Read a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// The owner or an admin: may manage members and correct alerts.
    pub(crate) fn can_manage(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }
}

/// Rules of the deployment that the engine applies.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Longest post in segments.
    pub max_post_segments: u32,
    /// Posts per sender per hour.
    pub posts_per_sender_per_hour: u32,
    /// Segments per list per day (0: no limit).
    pub list_segments_per_day: u64,
    /// Confirm posts to their sender.
    pub confirm_posts: bool,
    /// Smart-encode replies and posts.
    pub smart_encoding: bool,
    /// Default reply language.
    pub default_language: Lang,
    /// Region for numbers without a country code.
    pub default_region: String,
    /// Lists one number may create in 24 hours.
    pub lists_per_number_per_day: u32,
    /// Invitations (ADD) one number may send in an hour.
    pub invites_per_sender_per_hour: u32,
    /// Invitations (ADD) one number may send in 24 hours.
    pub invites_per_sender_per_day: u32,
    /// Days before the same number may be invited to the same list again.
    pub reinvite_days: u32,
    /// Replies one number may receive in a minute; more are not sent (a flood gets silence).
    pub replies_per_number_per_minute: u32,
    /// Moves to a new number (MOVE) one number may ask for in 24 hours (each sends the new
    /// number an SMS).
    pub moves_per_number_per_day: u32,
    /// Messages one number outside a list may send to its help line in an hour.
    pub outside_per_list_per_hour: u32,
    /// Days a join request to a private list, and a help request's code, stay open.
    pub request_days: u32,
    /// Private messages (TO) one member may send in an hour.
    pub private_per_sender_per_hour: u32,
    /// Alerts one list may send per hour (ALERT bypasses the posting limits, not this one).
    pub alerts_per_list_per_hour: u32,
    /// Minutes an alert's message may wait to be sent; after that it expires, never late.
    pub alert_expire_minutes: u32,
    /// What the networks block (links, phone numbers, requests for personal information): such a
    /// post is not relayed and its sender is told why.
    pub carrier: carrier::CarrierRules,
    /// Numbers of the deployment's own country get replies in the country's language (true), or
    /// in the deployment's default language (false: refugees hold local SIMs).
    pub local_country_language: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            max_post_segments: 6,
            posts_per_sender_per_hour: 30,
            list_segments_per_day: 0,
            confirm_posts: true,
            smart_encoding: true,
            default_language: Lang::En,
            default_region: "MY".into(),
            lists_per_number_per_day: 3,
            invites_per_sender_per_hour: 10,
            invites_per_sender_per_day: 30,
            reinvite_days: 7,
            replies_per_number_per_minute: 10,
            moves_per_number_per_day: 3,
            outside_per_list_per_hour: 5,
            request_days: 7,
            private_per_sender_per_hour: 10,
            alerts_per_list_per_hour: 6,
            alert_expire_minutes: 30,
            carrier: carrier::CarrierRules::default(),
            local_country_language: false,
        }
    }
}

/// How a member's phone shows Burmese: in Unicode, or in the Zawgyi font encoding that many
/// Burmese phones still use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// Unicode (the default).
    Unicode,
    /// Zawgyi: Burmese sent to this member is converted to Zawgyi.
    Zawgyi,
}

impl Font {
    /// Its name in the database and in replies.
    pub fn as_str(self) -> &'static str {
        match self {
            Font::Unicode => "Unicode",
            Font::Zawgyi => "Zawgyi",
        }
    }

    /// From its stored name.
    pub fn from_stored(name: &str) -> Option<Font> {
        match name {
            "Unicode" => Some(Font::Unicode),
            "Zawgyi" => Some(Font::Zawgyi),
            _ => None,
        }
    }

    /// From what a member typed after FONT (`zawgyi`, `zg`, `ဇော်ဂျီ`, `unicode`, `ယူနီကုဒ်`).
    pub fn from_choice(word: &str) -> Option<Font> {
        let w = smsup_lang::normalize(word.trim());
        match w.as_str() {
            "zawgyi" | "zg" | "zawgyione" | "ဇော်ဂျီ" | "ဇော်ဂျီး" => {
                Some(Font::Zawgyi)
            }
            "unicode" | "uni" | "ယူနီကုဒ်" | "ယူနီကုတ်" => {
                Some(Font::Unicode)
            }
            _ => None,
        }
    }
}

/// The sender of the SMS being handled.
#[derive(Debug, Clone)]
pub struct Sender {
    /// Member id (every number that writes in has one).
    pub id: i64,
    /// The sender's number.
    pub phone: Phone,
    /// The alias shown on posts.
    pub alias: Option<String>,
    /// The language the member chose.
    pub language: Option<Lang>,
    /// Opted out of everything.
    pub opted_out: bool,
    /// How their phone shows Burmese, when known.
    pub font: Option<Font>,
}

/// A member's alias, or their label in one list (`#K7PQ`) when they have none.
pub fn display_name(alias: Option<&str>, label: &str) -> String {
    match alias {
        Some(a) if !a.is_empty() => a.to_string(),
        _ => format!("#{label}"),
    }
}

/// The list a command names, as stored.
#[derive(Debug, Clone)]
pub struct ListFacts {
    /// List id.
    pub id: i64,
    /// Display name as created.
    pub name: String,
    /// Only owner and admins post.
    pub announce: bool,
    /// Active members who receive posts (loaded for INFO only; 0 otherwise).
    pub members: u64,
    /// The sender's role, when an active member.
    pub sender_role: Option<Role>,
    /// Members who would receive a post now (active, not opted out, not the sender).
    pub recipients: u64,
    /// Segments this list sent in the last 24 hours.
    pub segments_today: u64,
    /// The sender's label in this list (`K7PQ`, shown as `#K7PQ`), when a member.
    pub sender_label: Option<String>,
    /// Another member of this list has an alias that looks like the sender's: the sender's posts
    /// (and a join request's notice) show their label instead.
    pub sender_alias_clash: bool,
    /// One joins only with an admin's approval.
    pub private: bool,
    /// People outside the list may write to its owner and admins (the help line).
    pub outside: bool,
    /// Members may write to each other privately (TO).
    pub dm: bool,
    /// The DELETE code the owner was sent and may still confirm (within 10 minutes, 3 tries).
    pub pending_delete: Option<String>,
    /// Plain members' posts wait for an admin's approval (MODERATE).
    pub moderated: bool,
    /// The sender's number is banned from this list.
    pub sender_banned: bool,
    /// The sender was invited (ADD) and has not answered: joining needs no approval.
    pub sender_invited: bool,
    /// The sender asked this list's admins to join it within the request window (the request
    /// may be open, withdrawn with NO, or denied): they are not asked again.
    pub sender_requested: bool,
    /// A label for the sender in this list, should they ask to join it (JOIN of a private list).
    pub fresh_label: String,
    /// The owner and admins, who get join and help requests (loaded only when one may be sent).
    pub admins: Vec<TargetFacts>,
    /// The sender may send alerts as a reporter (REPORTER), though a plain member.
    pub sender_reporter: bool,
    /// Alerts wait for a second admin's OK (`ALERTS <list> CONFIRM`).
    pub alert_confirm: bool,
    /// Alerts of the sender's waiting for an OK, written in the last hour (loaded for ALERT).
    pub sender_held_last_hour: u64,
    /// Real alerts this list sent in the last hour (loaded for ALERT only).
    pub alerts_last_hour: u64,
    /// Alerts this list sent in the last hour, TEST ones included (loaded for ALERT only).
    pub all_alerts_last_hour: u64,
    /// Corrections (CORRECT) this list sent in the last hour (loaded for ALERT and CORRECT).
    pub corrections_last_hour: u64,
}

/// A member of the list that REMOVE/ADMIN names.
#[derive(Debug, Clone)]
pub struct TargetFacts {
    /// Member id.
    pub id: i64,
    /// The member's label in the list.
    pub label: String,
    /// Alias.
    pub alias: Option<String>,
    /// Role in the list.
    pub role: Role,
    /// The target's language (for the notice they receive).
    pub language: Option<Lang>,
    /// The target's number (for the notice's language by country).
    pub phone: Phone,
    /// The target asked to join (a private list) and waits for an answer.
    pub requested: bool,
    /// The target opted out of everything.
    pub opted_out: bool,
    /// The target is in the list (active or invited), not only asking or writing from outside.
    pub in_list: bool,
}

/// A help request that REPLY or SHARE names (its list is [`Facts::list`]).
#[derive(Debug, Clone)]
pub struct HelpFacts {
    /// Its id.
    pub id: i64,
    /// The person who asked.
    pub requester: TargetFacts,
    /// The text of the request (their first message).
    pub body: String,
}

/// A post held for an admin's approval that APPROVE or REJECT names (its list is [`Facts::list`]).
#[derive(Debug, Clone)]
pub struct HeldFacts {
    /// Its id (the code shows `P` and the id).
    pub id: i64,
    /// Who wrote it.
    pub author: TargetFacts,
    /// The text members get.
    pub text: String,
    /// The same in Zawgyi, when it has Burmese.
    pub zawgyi_text: Option<String>,
    /// Its segments.
    pub segments: u32,
}

/// What an outsider's message to a list's help line needs.
#[derive(Debug, Clone, Default)]
pub struct OutsideFacts {
    /// The sender's open help request to this list, if any (its id).
    pub open_request: Option<i64>,
    /// The id a new help request would get.
    pub next_id: i64,
    /// Messages the sender sent to this list's help line in the last hour.
    pub messages_last_hour: u64,
}

/// What an invited number already is.
#[derive(Debug, Clone, Default)]
pub struct InviteeFacts {
    /// Already an active member of the list.
    pub active_member: bool,
    /// Refused invitations to this list (`NO <list>`).
    pub declined: bool,
    /// Invited to this list within the re-invitation window.
    pub invited_recently: bool,
    /// Opted out of everything.
    pub opted_out: bool,
    /// The member's chosen language.
    pub language: Option<Lang>,
    /// The number is banned from the list.
    pub banned: bool,
    /// The number asked to join (a private list) and waits for an answer: its member id and label
    /// (an ADD by an admin approves it).
    pub requested: Option<(i64, String)>,
}

/// What the store knows that the command needs. Only the parts the command needs are filled in.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The sender.
    pub sender: Sender,
    /// The list the command names, if it exists.
    pub list: Option<ListFacts>,
    /// The names of the lists the sender is an active member of (LISTS).
    pub sender_lists: Vec<String>,
    /// Members of the list whose alias or label matches (REMOVE/ADMIN).
    pub targets: Vec<TargetFacts>,
    /// The invited number's state (ADD).
    pub invitee: Option<InviteeFacts>,
    /// Posts the sender made in the last hour.
    pub sender_posts_last_hour: u64,
    /// What the sender did and received lately, for the limits.
    pub usage: Usage,
    /// The sender's latest pending invitation: (list id, list name), for a bare YES or NO.
    pub pending_invite: Option<(i64, String)>,
    /// Another member of a list the sender is in has an alias that looks like the one asked for.
    pub alias_taken: bool,
    /// The new number of a MOVE: whether it opted out of everything.
    pub move_target_opted_out: bool,
    /// The move waiting for this number to accept (MOVE <code>): (move id, old member id, code).
    pub pending_move: Option<(i64, i64, String)>,
    /// A fresh random code for a MOVE request (six digits).
    pub fresh_code: String,
    /// The help request REPLY or SHARE names.
    pub help: Option<HelpFacts>,
    /// The sender's help line state for the named list (a message from outside it).
    pub outside: Option<OutsideFacts>,
    /// UNBAN: a ban of that label exists in the list.
    pub ban_found: bool,
    /// APPROVE/DENY without a list name: requests with that label wait in several of the sender's
    /// lists.
    pub request_ambiguous: bool,
    /// The lists the sender owns, each with who would own it next (the longest-serving admin,
    /// else the longest-serving member), for an opt-out.
    pub owned: Vec<(i64, String, Option<TargetFacts>)>,
    /// The FORGET code the sender was sent and may still confirm (within 10 minutes, 3 tries).
    pub pending_forget: Option<String>,
    /// TO: the one member named blocked the sender's private messages.
    pub blocked_by_target: bool,
    /// The held post APPROVE or REJECT names, still waiting (24 hours at most).
    pub held: Option<HeldFacts>,
    /// The id a post held now would get.
    pub next_held_id: i64,
    /// The alert CORRECT names (its list is [`Facts::list`]).
    pub alert: Option<AlertFacts>,
    /// The id the next post (an alert's code) gets (loaded for ALERT).
    pub next_post_id: i64,
    /// The check-in a bare 1 or 2 answers, or RESULTS names (its list is [`Facts::list`]).
    pub checkin: Option<CheckinFacts>,
    /// The id a new help request gets (loaded for a check-in's answer).
    pub next_help_id: i64,
}

/// A safety check-in (CHECK), as an answer or RESULTS sees it.
#[derive(Debug, Clone, Default)]
pub struct CheckinFacts {
    /// Its post id (its code is `C<id>`).
    pub id: i64,
    /// The sender's answer so far: true for safe.
    pub answer: Option<bool>,
    /// The help request the sender's earlier `2` opened.
    pub help_id: Option<i64>,
    /// Messages that help request carried in the last hour.
    pub help_messages_last_hour: u64,
    /// Its answers (loaded for RESULTS).
    pub tally: Option<CheckinTally>,
}

/// A check-in's answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckinTally {
    /// Answered 1.
    pub safe: u64,
    /// Answered 2.
    pub help: u64,
    /// Got the question and did not answer (yet).
    pub silent: u64,
}

/// A check-in's code as shown in messages (`C3`).
pub fn checkin_code(id: i64) -> String {
    format!("C{id}")
}

/// The id in a check-in's code as typed (`C3`, `c3`, any script's digits), if it is one.
pub fn checkin_id(code: &str) -> Option<i64> {
    let code = smsup_lang::ascii_digits(code.trim());
    let digits = code.strip_prefix(['C', 'c'])?;
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An alert that CORRECT, STATUS or OK names.
#[derive(Debug, Clone)]
pub struct AlertFacts {
    /// Its post id (its code is `A<id>`).
    pub id: i64,
    /// Who sent it.
    pub author_id: i64,
    /// Where its messages are (loaded for STATUS).
    pub reach: Option<AlertReach>,
    /// Kept for a second admin's OK (loaded for OK): Some(true) for a TEST alert.
    pub held: Option<bool>,
    /// Kept for longer than the alerts' expiry: too late to send.
    pub late: bool,
    /// Its sender (loaded for OK, who is told).
    pub author: Option<TargetFacts>,
    /// Its sender may still send alerts to its list (loaded for OK).
    pub author_may_alert: bool,
}

/// How far an alert got: its messages by state, and its age.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlertReach {
    /// Messages not cancelled (its recipients).
    pub total: u64,
    /// Delivered (a receipt said so).
    pub delivered: u64,
    /// Failed or undelivered.
    pub failed: u64,
    /// Not sent in time.
    pub expired: u64,
    /// Still queued or being sent.
    pub waiting: u64,
    /// Minutes since it was sent.
    pub minutes: u64,
}

/// Counts behind the per-number limits.
#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// Lists the sender created in the last 24 hours.
    pub lists_created_today: u64,
    /// ADD commands the sender sent in the last hour (this one excluded).
    pub adds_last_hour: u64,
    /// ADD commands the sender sent in the last 24 hours (this one excluded).
    pub adds_last_day: u64,
    /// Replies queued to the sender in the last minute.
    pub replies_last_minute: u64,
    /// Texts of the replies queued to the sender in the last hour (a refusal is not repeated).
    pub recent_replies: Vec<String>,
    /// Moves to a new number the sender asked for in the last 24 hours.
    pub moves_today: u64,
    /// Private messages (TO) the sender sent in the last hour (this one excluded).
    pub private_last_hour: u64,
}

/// What a facts loader must look up for a command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// The key of the named list.
    pub list_key: Option<String>,
    /// The sender's lists.
    pub sender_lists: bool,
    /// Members of the list matching this alias or label.
    pub target: Option<String>,
    /// The invited number.
    pub invitee: Option<Phone>,
    /// The sender's post count.
    pub post_counts: bool,
    /// The confusable key of an alias the sender asks for (NAME).
    pub alias_key: Option<String>,
    /// The sender's latest pending invitation (bare YES/START or NO).
    pub pending_invite: bool,
    /// How many members the named list has (INFO).
    pub member_count: bool,
    /// The new number of a MOVE request (its state, the sender's moves today, a fresh code).
    pub move_target: Option<Phone>,
    /// The move waiting for the sender to accept.
    pub pending_move: bool,
    /// Which members the target lookup may find.
    pub target_states: TargetStates,
    /// APPROVE/DENY without a list: the label of the request (the list is the sender's one that
    /// has it).
    pub request_label: Option<String>,
    /// The help request code of REPLY or SHARE (its list is loaded as the named list).
    pub help_code: Option<String>,
    /// A message to a list the sender may be outside of (help line counts, the admins).
    pub outside: bool,
    /// The lists the sender owns and their successors (an opt-out may pass them on).
    pub owned: bool,
    /// The bans of the named list, for UNBAN of this label.
    pub ban_label: Option<String>,
    /// FORGET: the code waiting to be confirmed, and a fresh one.
    pub forget: bool,
    /// BAN by a help request's code (`BAN housing H7`): the person who wrote it is a target.
    pub help_target: Option<i64>,
    /// TO: whether the member named blocked the sender, the sender's private messages this hour,
    /// and whether the sender's alias looks like another member's.
    pub private_to: bool,
    /// BLOCK without a list: the members of any of the sender's lists with this alias or label.
    pub block_anywhere: Option<String>,
    /// DELETE: a fresh code (and the list's pending one).
    pub delete_code: bool,
    /// APPROVE or REJECT of a held post: its id (its list is loaded as the named list).
    pub held_id: Option<i64>,
    /// ALERT: the list's alerts of the last hour and its recipients.
    pub alerts: bool,
    /// CORRECT: the alert of this code (its list is loaded as the named list).
    pub alert_id: Option<i64>,
    /// STATUS: where the alert's messages are.
    pub alert_reach: bool,
    /// OK: the alert of `alert_id` is one kept for a second admin's OK (not one already sent).
    pub alert_held: bool,
    /// A bare 1 or 2: the latest check-in the sender got (its list is then the list).
    pub checkin_answer: bool,
    /// RESULTS: the check-in of this id, with its answers.
    pub checkin_id: Option<i64>,
}

/// Which memberships a target lookup matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TargetStates {
    /// Active members (REMOVE, ADMIN, OWNER).
    #[default]
    Active,
    /// Open join requests (APPROVE, DENY).
    Requested,
    /// Anyone the list knows: active, invited or asking (BAN).
    Any,
}

/// A label as a person typed it (`#k7pq`, `#K7PQ`, any script's digits): upper case ASCII, no `#`.
pub fn typed_label(who: &str) -> Option<String> {
    let rest = who.trim().strip_prefix(['#', '＃', '﹟'])?;
    let label: String = smsup_lang::ascii_digits(rest)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (!label.is_empty()).then_some(label)
}

/// True when `who` is typed as a help request's code (`H7`, `h٧`), not a bare number.
pub fn is_help_code(who: &str) -> bool {
    who.trim().starts_with(['H', 'h']) && help_id(who).is_some()
}

/// True when `who` is typed as a held post's code (`P12`, `p١٢`).
pub fn is_post_code(who: &str) -> bool {
    post_id(who).is_some()
}

/// The id in a held post's code as typed (`P12`, `p12`), if it is one.
pub fn post_id(code: &str) -> Option<i64> {
    let code = smsup_lang::ascii_digits(code.trim());
    let digits = code.strip_prefix(['P', 'p'])?;
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The id in an alert's code as typed (`A12`, `a12`, any script's digits), if it is one.
pub fn alert_id(code: &str) -> Option<i64> {
    let code = smsup_lang::ascii_digits(code.trim());
    let digits = code.strip_prefix(['A', 'a'])?;
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A held post's code as shown in messages (`P12`).
pub fn post_code(id: i64) -> String {
    format!("P{id}")
}

/// A help request's code as shown in messages (`H7`).
pub fn help_code(id: i64) -> String {
    format!("H{id}")
}

/// The id in a help request's code as typed (`H7`, `h7`, `H٧`, `7`), if it is one.
pub fn help_id(code: &str) -> Option<i64> {
    let code = smsup_lang::ascii_digits(code.trim());
    let digits = code.strip_prefix(['H', 'h']).unwrap_or(&code);
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The key a list name is stored and matched under: names that look alike share it (`hоusing` with
/// a Cyrillic о, `housíng` and `HOUSİNG` all meet `housing`).
pub fn list_key(name: &str) -> String {
    smsup_lang::confusable_key(name)
}

/// The key an alias is matched under (REMOVE, ADMIN, and the look-alike check of NAME): its
/// confusable key without spaces and `. - '` (`O l g a` and `Ol-ga` meet `Olga`).
pub fn alias_key(alias: &str) -> String {
    smsup_lang::confusable_key(alias)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '\''))
        .collect()
}

/// What the store must look up to decide `command`.
pub fn needs(command: &Command) -> Needs {
    let key = |l: &str| Some(list_key(l));
    match command {
        Command::Create { name, .. } => Needs {
            list_key: key(name),
            ..Needs::default()
        },
        Command::Info { list } => Needs {
            list_key: key(list),
            member_count: true,
            ..Needs::default()
        },
        Command::Join { list } => Needs {
            list_key: key(list),
            outside: true,
            ..Needs::default()
        },
        Command::Leave { list } | Command::Word(list) => Needs {
            list_key: key(list),
            ..Needs::default()
        },
        Command::Post { list, .. } => Needs {
            list_key: key(list),
            post_counts: true,
            outside: true,
            ..Needs::default()
        },
        Command::Lists => Needs {
            sender_lists: true,
            ..Needs::default()
        },
        Command::Add { list, phone } => Needs {
            list_key: key(list),
            invitee: phone.as_ref().ok().cloned(),
            ..Needs::default()
        },
        Command::No { list: Some(list) } => Needs {
            list_key: key(list),
            ..Needs::default()
        },
        Command::No { list: None } | Command::Start => Needs {
            pending_invite: true,
            ..Needs::default()
        },
        Command::Name { alias } => Needs {
            alias_key: Some(alias_key(&clean_alias(alias))),
            ..Needs::default()
        },
        Command::Move(MoveArg::Number(Ok(phone))) => Needs {
            move_target: Some(phone.clone()),
            ..Needs::default()
        },
        Command::Move(MoveArg::Code(_)) => Needs {
            pending_move: true,
            ..Needs::default()
        },
        Command::Remove { list, who }
        | Command::Admin { list, who }
        | Command::Owner { list, who } => Needs {
            list_key: key(list),
            target: Some(who.clone()),
            ..Needs::default()
        },
        Command::Approve { who, .. } | Command::Deny { who, .. } if is_post_code(who) => Needs {
            held_id: post_id(who),
            ..Needs::default()
        },
        Command::Approve { list, who } | Command::Deny { list, who } => Needs {
            list_key: list.as_deref().and_then(key),
            request_label: list.is_none().then(|| who.clone()),
            target: Some(who.clone()),
            target_states: TargetStates::Requested,
            ..Needs::default()
        },
        Command::Ban { list, who } => Needs {
            list_key: key(list),
            target: Some(who.clone()),
            target_states: TargetStates::Any,
            help_target: is_help_code(who).then(|| help_id(who)).flatten(),
            ..Needs::default()
        },
        Command::Unban { list, who } => Needs {
            list_key: key(list),
            ban_label: Some(who.clone()),
            ..Needs::default()
        },
        Command::Reply { code, .. } | Command::Share { code } => Needs {
            help_code: Some(code.clone()),
            post_counts: matches!(command, Command::Share { .. }),
            ..Needs::default()
        },
        Command::Outside { list, .. }
        | Command::Dm { list, .. }
        | Command::Moderate { list, .. } => Needs {
            list_key: key(list),
            ..Needs::default()
        },
        Command::Delete { list, .. } => Needs {
            list_key: key(list),
            delete_code: true,
            ..Needs::default()
        },
        Command::To { list, who, .. } => Needs {
            list_key: key(list),
            target: Some(who.clone()),
            private_to: true,
            ..Needs::default()
        },
        Command::Block {
            list: Some(list),
            who,
            ..
        } => Needs {
            list_key: key(list),
            target: Some(who.clone()),
            ..Needs::default()
        },
        Command::Block {
            list: None, who, ..
        } => Needs {
            block_anywhere: Some(who.clone()),
            ..Needs::default()
        },
        Command::Stop => Needs {
            owned: true,
            ..Needs::default()
        },
        Command::Forget { .. } => Needs {
            owned: true,
            forget: true,
            ..Needs::default()
        },
        Command::Alert { list, .. } => Needs {
            list_key: key(list),
            post_counts: true,
            alerts: true,
            ..Needs::default()
        },
        Command::Status { code } => Needs {
            alert_id: alert_id(code),
            alert_reach: true,
            ..Needs::default()
        },
        Command::Correct { code, .. } => Needs {
            alert_id: alert_id(code),
            alerts: true,
            ..Needs::default()
        },
        Command::ConfirmAlert { code } => Needs {
            alert_id: alert_id(code),
            alert_held: true,
            post_counts: true,
            ..Needs::default()
        },
        Command::AlertRule { list, .. } => Needs {
            list_key: key(list),
            alerts: true,
            ..Needs::default()
        },
        Command::Check { list, .. } => Needs {
            list_key: key(list),
            post_counts: true,
            alerts: true,
            ..Needs::default()
        },
        Command::Results { code } => Needs {
            checkin_id: checkin_id(code),
            ..Needs::default()
        },
        Command::CheckAnswer { otherwise, .. } => Needs {
            checkin_answer: true,
            ..needs(otherwise)
        },
        Command::Reporter { list, who, .. } => Needs {
            list_key: key(list),
            target: Some(who.clone()),
            ..Needs::default()
        },
        _ => Needs::default(),
    }
}

/// A state change the store applies, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Create a list owned by the sender (who becomes its first member).
    CreateList {
        /// Display name.
        name: String,
        /// Matching key.
        key: String,
        /// Announce-only.
        announce: bool,
        /// One joins only with an admin's approval.
        private: bool,
    },
    /// The sender asks to join a private list (their label in it is `label` from now on). A
    /// request withdrawn with NO opens again; one denied within the request window does not.
    RequestJoin {
        /// List id.
        list_id: i64,
        /// The label the request shows.
        label: String,
        /// The admins were asked this time (not within the request window before).
        asked: bool,
    },
    /// An admin lets a member who asked join.
    Approve {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
    },
    /// An admin refuses a member who asked to join.
    Deny {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
    },
    /// Remove a member (or someone invited, asking, or writing to the help line) and keep their
    /// number out of the list for good (by its blind index); what the list's posts still had
    /// queued for them is cancelled.
    Ban {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
        /// The label the ban is lifted by (the member's label in the list, or a new one).
        label: String,
    },
    /// Lift the ban of the number that had this label in the list.
    Unban {
        /// List id.
        list_id: i64,
        /// The label, upper case, without `#`.
        label: String,
    },
    /// A member becomes the list's owner; the owner before becomes an admin.
    SetOwner {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
    },
    /// An outsider's message to the list's help line: a new help request, or one more message on
    /// an open one.
    HelpRequest {
        /// List id.
        list_id: i64,
        /// The request's id (new: the one [`OutsideFacts::next_id`] gave).
        id: i64,
        /// True when the request is new.
        new: bool,
        /// The text, as the admins get it (kept for SHARE when the request is new).
        body: String,
    },
    /// A message to the list's help line from a number banned from it: passed to nobody, counted
    /// for the per-hour limit like everyone's.
    HelpDropped {
        /// List id.
        list_id: i64,
    },
    /// Hold a plain member's post for the admins' approval (it keeps what the post would carry).
    HoldPost {
        /// List id.
        list_id: i64,
        /// The id [`Facts::next_held_id`] gave (its code is shown to the admins).
        id: i64,
        /// The text members would get.
        text: String,
        /// The same in Zawgyi, when it has Burmese.
        zawgyi_text: Option<String>,
        /// Its segments.
        segments: u32,
    },
    /// An admin approves a held post: it goes to every member but its author, as their post
    /// (once, however many admins approve it).
    ReleasePost {
        /// The held post.
        held_id: i64,
        /// List id.
        list_id: i64,
        /// Its author.
        author_id: i64,
        /// The text members get.
        text: String,
        /// The same in Zawgyi, when it has Burmese.
        zawgyi_text: Option<String>,
        /// Its segments.
        segments: u32,
    },
    /// An admin rejects a held post: it goes to nobody.
    RejectPost {
        /// The held post.
        held_id: i64,
    },
    /// The owner asked to close the list: this code confirms it.
    RequestDelete {
        /// List id.
        list_id: i64,
        /// Four digits.
        code: String,
    },
    /// A wrong DELETE code (after three, the request is cancelled).
    DeleteCodeFailed {
        /// List id.
        list_id: i64,
    },
    /// Close the list: what its posts still had queued is cancelled, every member is told (in
    /// their language: `notices` holds the notice in each, the first for members with none),
    /// memberships go, and the name stays reserved for 30 days.
    CloseList {
        /// List id.
        list_id: i64,
        /// The notice in every language; the first is for members whose language is not set.
        notices: Vec<(Lang, String)>,
    },
    /// A private message (TO) from the sender to one member: queued like a reply, and known as a
    /// private message of this list, so that a BLOCK, DM OFF or DELETE cancels it while queued.
    PrivateMessage {
        /// List id.
        list_id: i64,
        /// The member it goes to.
        recipient_id: i64,
        /// `[list] alias #label (private): text`.
        text: String,
    },
    /// Stop (on) or allow again (off) the sender's private messages from a member's number.
    Block {
        /// The member whose number is blocked.
        member_id: i64,
        /// Block (true) or allow again (false).
        on: bool,
    },
    /// A security alert to every reachable member of the list but the sender, in the alert lane
    /// (before every reply and bulk message) and expiring when not sent in time.
    Alert {
        /// List id.
        list_id: i64,
        /// The text as members receive it (`[list] ALERT alias: text`).
        text: String,
        /// The same in Zawgyi, for members whose phones show Zawgyi (when it has Burmese).
        zawgyi_text: Option<String>,
        /// Segments of the text.
        segments: u32,
        /// Minutes its messages may wait to be sent; then they expire.
        expire_minutes: u32,
        /// A TEST alert (a drill): marked so, and queued after real alerts.
        test: bool,
        /// The list's two-person rule is on: the alert is kept, not sent, until another admin or
        /// the owner answers OK with its code.
        hold: bool,
    },
    /// A second admin's OK: the alert kept for it goes to the list now, in the alert lane.
    ConfirmAlert {
        /// Its post id.
        alert_id: i64,
        /// Minutes its messages may wait to be sent; then they expire.
        expire_minutes: u32,
    },
    /// A safety check-in: the question to every member of the list but its sender, in their
    /// language (`texts`: the first for members with none chosen), in the bulk lane.
    CheckIn {
        /// List id.
        list_id: i64,
        /// The question with how to answer, in each language.
        texts: Vec<(Lang, String)>,
    },
    /// A member's answer to a check-in (the latest counts).
    CheckAnswer {
        /// The check-in's post id.
        checkin_id: i64,
        /// True: safe; false: needs help.
        safe: bool,
        /// The help request a `2` opened (or kept open).
        help_id: Option<i64>,
    },
    /// The two-person rule of a list's alerts, on or off.
    SetAlertConfirm {
        /// List id.
        list_id: i64,
        /// On: every alert waits for a second admin's OK.
        on: bool,
    },
    /// A correction of an alert: what of it is still queued is cancelled, and everyone it reached
    /// gets the correction, in the alert lane.
    Correct {
        /// The alert's post id.
        alert_id: i64,
        /// The text as members receive it (`[list] CORRECTION alias: text`).
        text: String,
        /// The same in Zawgyi (when it has Burmese).
        zawgyi_text: Option<String>,
        /// Segments of the text.
        segments: u32,
        /// Minutes its messages may wait to be sent.
        expire_minutes: u32,
    },
    /// Let a member send alerts (on), or no longer (off).
    SetReporter {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
        /// On.
        on: bool,
    },
    /// Hold plain members' posts for approval (on), or not (off).
    SetModerated {
        /// List id.
        list_id: i64,
        /// On.
        on: bool,
    },
    /// Turn private messages between the list's members on or off.
    SetDm {
        /// List id.
        list_id: i64,
        /// On.
        on: bool,
    },
    /// Turn the list's help line on or off.
    SetOutside {
        /// List id.
        list_id: i64,
        /// On.
        on: bool,
    },
    /// Ask the sender to confirm FORGET with this code.
    RequestForget {
        /// Four digits.
        code: String,
    },
    /// A wrong FORGET code (after three, the request is cancelled).
    ForgetCodeFailed,
    /// Erase the sender: number, alias, language, memberships, requests and the texts of what they
    /// sent and received. Only a blind-index marker stays (opted out). `farewell` is queued to
    /// them first, with a copy of the number that is erased once it is sent.
    Forget {
        /// The confirmation they get.
        farewell: String,
    },
    /// Write an admin action to the audit log (who: the sender).
    Audit {
        /// List id.
        list_id: i64,
        /// What was done (`approve`, `ban`, ...).
        action: &'static str,
        /// The member it was done to, by label (`K7PQ`), if any.
        target: Option<String>,
    },
    /// The sender joins a list (an invitation becomes a membership).
    Join {
        /// List id.
        list_id: i64,
    },
    /// The sender leaves a list.
    Leave {
        /// List id.
        list_id: i64,
    },
    /// Invite a number to a list (creates its member record if needed; no membership until it joins).
    Invite {
        /// List id.
        list_id: i64,
        /// The invited number.
        phone: Phone,
    },
    /// Remove a member from a list.
    Remove {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
    },
    /// Make a member an admin.
    MakeAdmin {
        /// List id.
        list_id: i64,
        /// Member id.
        member_id: i64,
    },
    /// Set the sender's alias.
    SetAlias(String),
    /// Set the sender's language.
    SetLanguage(Lang),
    /// Set how Burmese is sent to the sender.
    SetFont(Font),
    /// Ask to move the sender's lists to a new number (creates its member record if needed; the
    /// code is sent to it).
    RequestMove {
        /// The new number.
        phone: Phone,
        /// The code the new number must send back.
        code: String,
    },
    /// The sender (the new number) accepted a move: alias, language, font, memberships and roles
    /// of the old number become theirs.
    AcceptMove {
        /// The move.
        move_id: i64,
        /// The old number's member id.
        old_member_id: i64,
    },
    /// A wrong code was sent for a move (after five, the move is cancelled).
    MoveCodeFailed {
        /// The move.
        move_id: i64,
    },
    /// Opt the sender out of everything and cancel what is queued for them.
    OptOut,
    /// Opt the sender back in.
    OptIn,
    /// The sender refuses invitations to a list (no membership is created; no invitation again).
    Decline {
        /// List id.
        list_id: i64,
    },
    /// Relay a post to every active member of the list but the sender.
    Post {
        /// List id.
        list_id: i64,
        /// The text each recipient gets (`[list] alias: text`).
        text: String,
        /// The same text in Zawgyi, for members whose phones show Zawgyi (when it has Burmese).
        zawgyi_text: Option<String>,
        /// Segments of that text.
        segments: u32,
    },
}

/// Who a reply goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// The sender of the SMS being handled.
    Sender,
    /// Another member.
    Member(i64),
    /// A number (an invitee, whose member record the Invite effect creates).
    Phone(Phone),
}

/// A reply or notice to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Recipient.
    pub to: To,
    /// The rendered text.
    pub text: String,
}

/// The engine's answer to one SMS.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// State changes, in order.
    pub effects: Vec<Effect>,
    /// Replies and notices, sent ahead of bulk fan-out.
    pub replies: Vec<Outgoing>,
    /// The language replies to the sender were written in.
    pub language: Option<Lang>,
    /// The sender's answer leaves in the alert lane, queued before the effects' fan-out (an
    /// alert's sender learns at once that it went, rather than after all its messages).
    pub answer_first: bool,
    /// Notices to others (not the sender's answer) leave in the alert lane: an alert waiting for
    /// a second admin's OK, a member's call for help.
    pub notices_first: bool,
}

/// The pure engine: rules plus the decision function.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    /// The deployment's rules.
    pub rules: Rules,
}

impl Engine {
    /// The language to write to `phone` in: their choice > the text's language > their number's
    /// country (not for numbers of the deployment's own country, unless
    /// [`Rules::local_country_language`]: refugees hold local SIMs) > the deployment default.
    pub fn language_for(
        &self,
        preference: Option<Lang>,
        text: Option<&str>,
        phone: &Phone,
    ) -> Lang {
        let country = self.country_language(phone);
        smsup_lang::choose_with_country(preference, text, country, self.rules.default_language)
    }

    /// The language of a number's country, unless it is the deployment's own country (refugees
    /// hold local SIMs) and `local_country_language` is off.
    fn country_language(&self, phone: &Phone) -> Option<Lang> {
        let local = phone
            .region()
            .is_some_and(|r| r.eq_ignore_ascii_case(&self.rules.default_region));
        if local && !self.rules.local_country_language {
            None
        } else {
            smsup_lang::country_language(phone.e164())
        }
    }

    /// [`Engine::language_for`] from the words of a post (not a command: its first word being a
    /// keyword somewhere tells nothing).
    fn language_for_post(&self, text: &str, phone: &Phone) -> Lang {
        let country = self.country_language(phone);
        smsup_lang::choose_for_prose(None, Some(text), country, self.rules.default_language)
    }
}

/// The values of an alert's reach, as its STATUS and its report show them.
fn reach_args(alert_id: i64, reach: &AlertReach) -> [(&'static str, Arg); 7] {
    [
        ("code", Arg::Str(format!("A{alert_id}"))),
        ("delivered", n(reach.delivered)),
        ("total", n(reach.total)),
        ("failed", n(reach.failed)),
        ("expired", n(reach.expired)),
        ("waiting", n(reach.waiting)),
        ("minutes", n(reach.minutes)),
    ]
}

fn n(v: u64) -> Arg {
    Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The longest part of what a person typed that a reply shows back.
const ECHO_CHARS: usize = 24;

/// Replace everything in `text` that looks like a phone number (six digits or more, in any
/// script, with anything but letters and line breaks between them: spaces of any width, dashes of
/// any length, dots, slashes, brackets, invisible characters) by `***`. Used on what is stored of a
/// command and on what a reply shows back.
pub fn mask_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Letters typed for digits (O for 0, l and I for 1) count as digits inside a number.
    let looks_digit = |c: char| matches!(c, 'O' | 'o' | 'l' | 'I' | 'Ｏ');
    let is_digit = |c: char| c.is_numeric();
    let is_sep = |c: char| {
        looks_digit(c)
            || (!c.is_alphabetic() && !smsup_lang::is_mark(c) && !matches!(c, '\n' | '\r'))
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_number = is_digit(c)
            || c == '+'
            || c == '('
            || (looks_digit(c) && chars.get(i + 1).is_some_and(|n| is_digit(*n)));
        if starts_number {
            let mut j = i;
            let (mut digits, mut real) = (0, 0);
            let mut last_digit = i;
            while j < chars.len() && (is_digit(chars[j]) || is_sep(chars[j])) {
                if is_digit(chars[j]) || looks_digit(chars[j]) {
                    digits += 1;
                    real += usize::from(is_digit(chars[j]));
                    last_digit = j;
                }
                j += 1;
            }
            if digits >= 6 && real >= 4 {
                out.push_str("***");
                i = last_digit + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// What a person typed, made safe to show back in a reply: invisible and control characters
/// dropped, anything that looks like a phone number replaced by `***` ([`mask_numbers`]), and cut
/// to 24 characters.
pub fn echo(typed: &str) -> String {
    let visible: String = typed
        .chars()
        .filter(|c| !c.is_control() && !smsup_lang::is_invisible(*c))
        .collect();
    let masked = mask_numbers(&visible);
    let out = masked.trim();
    if out.chars().count() > ECHO_CHARS {
        let mut cut: String = out.chars().take(ECHO_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        out.to_string()
    }
}

/// `text` in Zawgyi when it has Burmese in it (for members whose phones show Zawgyi), else None.
pub fn to_zawgyi(text: &str) -> Option<String> {
    (smsup_lang::myanmar_chars(text) > 0)
        .then(|| smsup_lang::unicode_to_zawgyi(text))
        .filter(|z| z != text)
}

/// An inbound text as read: in Unicode, with what it shows of its writer's font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The text in Unicode.
    pub text: String,
    /// The font this message was written in, when the detector is sure: the reply to it uses it.
    pub written_in: Option<Font>,
    /// The font to remember for its writer: only a long enough text tells
    /// ([`smsup_lang::MIN_MYANMAR_CHARS`]).
    pub remember: Option<Font>,
}

/// Read a text that may be Burmese typed in Zawgyi: converted to Unicode when the detector is sure
/// (a word is enough), or when the member's phone is known to use Zawgyi and the text is likelier
/// Zawgyi than Unicode.
pub fn from_zawgyi(text: &str, font: Option<Font>) -> Reading {
    let myanmar = smsup_lang::myanmar_chars(text);
    if myanmar == 0 {
        return Reading {
            text: text.to_string(),
            written_in: None,
            remember: None,
        };
    }
    let p = smsup_lang::zawgyi_probability(text);
    let sure_zawgyi = p > smsup_lang::ZAWGYI_THRESHOLD;
    let sure_unicode = p < 1.0 - smsup_lang::ZAWGYI_THRESHOLD;
    let written_in = if sure_zawgyi {
        Some(Font::Zawgyi)
    } else if sure_unicode && myanmar >= smsup_lang::MIN_MYANMAR_CHARS {
        Some(Font::Unicode)
    } else {
        None
    };
    let remember = written_in.filter(|_| myanmar >= smsup_lang::MIN_MYANMAR_CHARS);
    // A phone known to use Zawgyi may still send Unicode (a new phone, a copied text): its text is
    // converted only when it is likelier Zawgyi than not.
    let zawgyi = sure_zawgyi || (font == Some(Font::Zawgyi) && !sure_unicode && p > 0.5);
    Reading {
        text: if zawgyi {
            smsup_lang::zawgyi_to_unicode(text)
        } else {
            text.to_string()
        },
        written_in,
        remember,
    }
}

/// A user-typed value for a reply (see [`echo`]).
fn typed(v: &str) -> Arg {
    Arg::Str(echo(v))
}

/// A stored value for a reply (a list's name, an alias).
fn s(v: &str) -> Arg {
    Arg::Str(v.to_string())
}

/// Render `id` so that it fits one SMS: when the values put into it make it longer, its shorter
/// wording `<id>-short` is used if the language has one, and then the longest value is shortened
/// (with `…`) until the reply fits.
pub fn render_one_sms(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    // Every variable a reply uses is given (a missing one would send the message's id).
    debug_assert!(
        smsup_lang::render_strict(lang, id, args).is_ok(),
        "{id} in {lang:?}: {:?}",
        smsup_lang::render_strict(lang, id, args).err()
    );
    let mut args: Vec<(&str, Arg)> = args.to_vec();
    let mut id = id.to_string();
    loop {
        let text = smsup_lang::render(lang, &id, &args);
        if smsup_sms::analyze(&text).segments <= 1 {
            return text;
        }
        // A shorter wording of the same reply, when the language has one (`invite-short`: a list
        // name in another script makes the whole reply UCS-2), before any value is cut.
        let short = format!("{id}-short");
        if !id.ends_with("-short") && smsup_lang::has_translation(lang, &short) {
            id = short;
            continue;
        }
        // Shorten the longest text value by a quarter; stop when none can be shortened.
        let longest = args
            .iter_mut()
            .filter_map(|(_, a)| match a {
                Arg::Str(v) if v.chars().count() > 1 => Some(v),
                _ => None,
            })
            .max_by_key(|v| v.chars().count());
        let Some(value) = longest else {
            return text;
        };
        let chars: Vec<char> = value.trim_end_matches('…').chars().collect();
        let keep = chars.len() * 3 / 4;
        *value = chars[..keep].iter().collect::<String>() + "…";
    }
}

/// True when a list name is acceptable: 2–24 letters (any script) or digits, with the marks that
/// belong to its letters (Burmese, Tamil, Arabic vowel signs), starting with a letter or digit.
pub fn valid_list_name(name: &str) -> bool {
    let count = name.chars().count();
    (2..=24).contains(&count)
        && name.chars().next().is_some_and(char::is_alphanumeric)
        && name.chars().all(|c| {
            c.is_alphanumeric() || smsup_lang::is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
        })
        && !too_many_marks(name)
        // One script (digits go with any), and not a phone number in disguise.
        && smsup_lang::is_single_script(name)
        && name.chars().filter(|c| c.is_numeric()).count() < 6
}

/// More than four combining marks in a row: no script we serve writes that (stacked marks are a way
/// to draw over other text).
fn too_many_marks(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if smsup_lang::is_mark(c) {
            run += 1;
            if run > 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Names that pass for a role of the service, which no alias and no list may take.
const ROLE_NAMES: [&str; 9] = [
    "admin",
    "administrator",
    "owner",
    "moderator",
    "service",
    "official",
    "system",
    "support",
    "helpdesk",
];

/// A key with the digits that pass for letters read as those letters (`5MS` is `SMS`).
fn letters_for_digits(key: &str) -> String {
    key.chars()
        .map(|c| match c {
            '5' => 's',
            '0' => 'o',
            '1' => 'l',
            '3' => 'e',
            '4' => 'a',
            '7' => 't',
            _ => c,
        })
        .collect()
}

/// True when a name is, contains or looks like the service's name (SMS Up, SMS), or is a role's.
fn passes_for_the_service(name: &str) -> bool {
    let key = letters_for_digits(
        &smsup_lang::confusable_key(name)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>(),
    );
    key == smsup_lang::confusable_key("sms")
        || key.contains(&smsup_lang::confusable_key("smsup"))
        || ROLE_NAMES
            .iter()
            .any(|r| key == smsup_lang::confusable_key(r))
}

/// An alias as it will be stored: surrounding space trimmed, runs of white space made one space.
pub fn clean_alias(alias: &str) -> String {
    alias.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why an alias cannot be used, if it cannot: 1–20 characters; no invisible, control or
/// direction characters (a joiner only between letters of a script that needs it); not a label
/// (`#…`); not a phone number (five digits or more); not the service's name or a look-alike of it.
pub fn alias_problem(alias: &str) -> Option<&'static str> {
    let count = alias.chars().count();
    if count == 0 || count > 20 {
        return Some("length");
    }
    let chars: Vec<char> = alias.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '\u{200C}' | '\u{200D}') {
            // ZWNJ/ZWJ inside a Farsi or Indic word, between two letters that are not Latin.
            let around = |j: Option<usize>| {
                j.and_then(|j| chars.get(j)).is_some_and(|c| {
                    (c.is_alphabetic() || smsup_lang::is_mark(*c)) && !c.is_ascii()
                })
            };
            if !(around(i.checked_sub(1)) && around(Some(i + 1))) {
                return Some("invisible");
            }
        } else if c.is_control() || smsup_lang::is_invisible(*c) {
            return Some("invisible");
        }
    }
    if chars.first().is_some_and(|c| smsup_lang::is_mark(*c)) || too_many_marks(alias) {
        return Some("marks");
    }
    if alias.contains(['#', '＃', '﹟'])
        || looks_like_label(alias)
        || is_help_code(alias)
        || is_post_code(alias)
    {
        return Some("label");
    }
    // Letters, marks, digits, spaces and `. - '` only: a colon or a bracket would let a name pass
    // for the start of a post (`Olga: go to gate`) or for the list's own tag.
    if !chars.iter().all(|c| {
        c.is_alphanumeric()
            || smsup_lang::is_mark(*c)
            || matches!(c, ' ' | '.' | '-' | '\'' | '\u{200C}' | '\u{200D}')
    }) {
        return Some("punctuation");
    }
    // One script: a Cyrillic Т among Latin letters is a disguise, not a name.
    if !smsup_lang::is_single_script(alias) {
        return Some("scripts");
    }
    let digits = smsup_lang::ascii_digits(alias)
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if digits >= 5 {
        return Some("number");
    }
    if passes_for_the_service(alias) || passes_for_a_mark(alias) {
        return Some("service");
    }
    None
}

/// True when a name would pass for a mark the service puts before a sender's name: a word of it
/// is ALERT or TEST, an alert keyword of any language, or a look-alike of one (`[list] ALERT
/// Amina:` must come from an alert only), or it is "help request" (a shared help request's head).
fn passes_for_a_mark(name: &str) -> bool {
    let key = |w: &str| {
        letters_for_digits(
            &smsup_lang::confusable_key(w)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>(),
        )
    };
    let marks = ["alert", "test", "alerts", "correction"].map(&key);
    let is_mark = |w: &str| {
        let k = key(w);
        marks.contains(&k)
            || matches!(
                smsup_lang::keyword(&smsup_lang::normalize(w)),
                Some((Keyword::Alert | Keyword::Correct, _))
            )
    };
    name.split_whitespace().any(is_mark) || key(name) == key("helprequest")
}

/// True when a text could be read as a label: four to six capitals and digits of the label
/// alphabet (no 0, 1, I, L, O), at least one of each (`K7PQ`; not `m100` or `Ali2`).
fn looks_like_label(text: &str) -> bool {
    let t = text.trim();
    let in_alphabet = |c: char| {
        (c.is_ascii_uppercase() && !matches!(c, 'I' | 'L' | 'O')) || ('2'..='9').contains(&c)
    };
    (4..=6).contains(&t.chars().count())
        && t.chars().all(in_alphabet)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(|c| c.is_ascii_uppercase())
}

/// A list name that is not free to take: a command word of any language (or a look-alike of one),
/// or the service's name.
pub fn reserved_list_name(name: &str) -> bool {
    let key = list_key(name);
    smsup_lang::is_reserved(&smsup_lang::normalize(name))
        || reserved_keys().contains(&key)
        || parse::starts_with_stop_word(name)
        || passes_for_the_service(name)
}

/// The confusable keys of every keyword of every language.
fn reserved_keys() -> &'static std::collections::HashSet<String> {
    static KEYS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .flat_map(smsup_lang::keywords_of)
            .filter(|(_, k)| !k.only_in_shape())
            .map(|(w, _)| list_key(w))
            .collect()
    })
}

/// A post's text as members receive it: line breaks made `\n` and runs of them one (so that a
/// post cannot push a fake notice of the service out of sight), direction overrides and other
/// invisible controls dropped, surrounding space trimmed. Joiners stay (Farsi, emoji).
pub fn clean_post(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut pending_break = false;
    for line in body.split([
        '\n', '\r', '\u{2028}', '\u{2029}', '\u{0085}', '\u{000B}', '\u{000C}',
    ]) {
        let line: String = line
            .chars()
            .filter(|c| {
                matches!(c, '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}')
                    || !(c.is_control() || smsup_lang::is_invisible(*c))
            })
            .collect();
        let line = line.trim();
        if line.is_empty() {
            if !out.is_empty() {
                pending_break = true;
            }
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        pending_break = false;
        // A line may not start like the head of a relayed message (`[housing] Olga: ...`): a
        // line break is no way to forge a second message from someone else.
        match line.strip_prefix(['[', '［', '【', '〔', '〖', '⟦', '⁅']) {
            Some(rest) => {
                out.push('(');
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    let _ = pending_break;
    out
}

/// True when a text shows nothing: only white space, invisible characters, marks, and code points
/// no phone draws (unassigned, private use).
fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || smsup_lang::is_invisible(c)
            || smsup_lang::is_mark(c)
            || !smsup_lang::is_drawn(c)
    })
}

/// True when any word of a text is an opt-out word of any language (see [`parse::is_stop_word`]).
/// Words before a stop word that say the opposite (`don't stop`, `jangan berhenti`, Pashto
/// `مه ودروه`), normalised.
// Not `no`, `لا` or `نه`: `No, stop` and `نه، ودروه` are refusals that end in a stop.
const NEGATIONS_BEFORE: &[&str] = &[
    "dont", "don't", "donot", "not", "never", "jangan", "usah", "tak", "tidak", "مه", "مت",
];
/// Words after a stop word that say the opposite or that it is not an order (Hakha Chin `dinh
/// hlah` "don't stop", `dinh lo` "does not stop").
const NEGATIONS_AFTER: &[&str] = &["hlah", "lo", "rih"];
/// Hakha Chin subject markers: `a dinh` is "it stopped", a description, not an order.
const CHIN_SUBJECTS: &[&str] = &["a", "an", "ka", "kan", "na", "nan"];

/// True when a text that names no list says stop anywhere (`Please stop sending me messages`,
/// `saya mahu berhenti`, `please,stop`, `bon gor`), unless the stop is negated (`don't stop`, Chin
/// `dinh hlah`) or, in Hakha Chin, describes something that stopped (`ruah a dinh`).
fn says_stop(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| {
            c.is_whitespace()
                || c == '\u{200B}'
                || (c.is_ascii_punctuation() && c != '\'' && c != '#' && c != '+')
                || matches!(
                    c,
                    '\u{060C}'
                        | '\u{061B}'
                        | '\u{061F}'
                        | '\u{104A}'
                        | '\u{104B}'
                        | '\u{3001}'
                        | '\u{3002}'
                )
        })
        .filter(|w| !w.is_empty())
        .map(smsup_lang::normalize)
        .collect();
    let stop_at = |i: usize, len: usize| -> bool {
        let word: String = words[i..i + len].concat();
        if !parse::is_stop_word(&word) {
            return false;
        }
        let before = i.checked_sub(1).map(|j| words[j].as_str());
        let after = words.get(i + len).map(String::as_str);
        let negated = before.is_some_and(|b| NEGATIONS_BEFORE.contains(&b))
            || after.is_some_and(|a| NEGATIONS_AFTER.contains(&a));
        let described = before.is_some_and(|b| CHIN_SUBJECTS.contains(&b)) && i > 0;
        !negated && !described
    };
    (0..words.len()).any(|i| stop_at(i, 1) || (i + 1 < words.len() && stop_at(i, 2)))
}

/// The reply that says why the networks would block a text.
fn carrier_reply(blocked: carrier::Blocked) -> &'static str {
    match blocked {
        carrier::Blocked::Link => "carrier-my-link",
        carrier::Blocked::PhoneNumber => "carrier-my-phone",
        carrier::Blocked::PersonalInfo => "carrier-my-personal",
    }
}

/// True when nothing but punctuation was given where a name or label was wanted.
fn trim_word_empty(who: &str) -> bool {
    parse::trim_word(who).is_empty()
}

/// True when the engine may read this text as an opt-out although its command is not STOP (`please
/// stop`, `housing stop` from someone outside the list): the store then loads what an opt-out
/// needs.
pub fn may_opt_out(command: &Command, text: &str) -> bool {
    match command {
        Command::CheckAnswer { otherwise, .. } => may_opt_out(otherwise, text),
        Command::Word(_)
        | Command::Post { .. }
        | Command::Leave { .. }
        | Command::No { .. }
        | Command::Check { .. } => says_stop(text),
        _ => false,
    }
}

/// The replies being built for one SMS.
struct Replies<'a> {
    engine: &'a Engine,
    lang: Lang,
    out: Vec<Outgoing>,
    /// The reply refuses something for a limit: not repeated within the hour.
    limit: bool,
    /// That refusal in every language.
    limit_texts: Vec<String>,
}

impl Replies<'_> {
    /// A refusal for a limit: said once, then silence while the sender keeps trying, in whatever
    /// language they try (the refusal in every language counts as said).
    fn refuse_for_limit(&mut self, id: &str, args: &[(&str, Arg)]) {
        self.limit = true;
        self.limit_texts = Lang::ALL
            .into_iter()
            .map(|lang| self.engine.render_for(lang, id, args))
            .collect();
        self.say(id, args);
    }

    /// A reply to the sender, in their language, one SMS.
    fn say(&mut self, id: &str, args: &[(&str, Arg)]) {
        let text = self.engine.render_for(self.lang, id, args);
        self.out.push(Outgoing {
            to: To::Sender,
            text,
        });
    }

    /// A message to someone else, in their language.
    fn tell(&mut self, to: To, lang: Lang, id: &str, args: &[(&str, Arg)]) {
        let text = self.engine.render_for(lang, id, args);
        self.out.push(Outgoing { to, text });
    }
}

impl Engine {
    /// Build an engine with these rules.
    pub fn new(rules: Rules) -> Engine {
        Engine { rules }
    }

    /// Parse an SMS from `sender`: numbers typed without a country code are read in the region of
    /// the sender's own number (a UK member's `07911 000002` is a UK number), else the deployment's.
    pub fn parse_from(&self, text: &str, sender: &Phone) -> Parsed {
        let region = sender
            .region()
            .unwrap_or_else(|| self.rules.default_region.clone());
        parse(text, &region)
    }

    /// Parse an SMS with the deployment's default region.
    pub fn parse(&self, text: &str) -> Parsed {
        parse(text, &self.rules.default_region)
    }

    /// Apply smart encoding when it is on: look-alike punctuation is replaced only when that makes the
    /// whole text GSM-7 (a Farsi text keeps its zero-width non-joiners and its own quotes).
    pub fn encode_text(&self, text: &str) -> String {
        if self.rules.smart_encoding {
            smsup_sms::smart_encode_if_gsm(text).into_owned()
        } else {
            text.to_string()
        }
    }

    /// Decide what to do with a parsed SMS from `facts.sender`.
    pub fn decide(&self, text: &str, parsed: &Parsed, facts: &Facts) -> Decision {
        // A bare 1 or 2 with no check-in to answer (or from someone no longer in its list) is what
        // it would have been.
        // With a check-in open, `1 stop` or `2 please stop sending me messages` still opts out:
        // it is read without the check-in's list.
        if let Command::CheckAnswer { otherwise, .. } = &parsed.command {
            let answering = facts.checkin.is_some()
                && facts.list.as_ref().is_some_and(|l| l.sender_role.is_some());
            let stop = says_stop(text);
            if !answering || stop {
                let parsed = Parsed {
                    command: (**otherwise).clone(),
                    keyword_lang: parsed.keyword_lang,
                };
                if facts.checkin.is_some() {
                    let mut without = facts.clone();
                    without.list = None;
                    without.checkin = None;
                    return self.decide(text, &parsed, &without);
                }
                return self.decide(text, &parsed, facts);
            }
        }
        let sender = &facts.sender;
        let lang = match &parsed.command {
            // LANG with a code answers in the chosen language.
            Command::Language { code: Some(code) } => {
                Lang::from_choice(code).unwrap_or_else(|| self.sender_lang(parsed, sender))
            }
            _ => self.sender_lang(parsed, sender),
        };
        let mut d = Decision {
            language: Some(lang),
            ..Decision::default()
        };
        let mut r = Replies {
            engine: self,
            lang,
            out: Vec::new(),
            limit: false,
            limit_texts: Vec::new(),
        };
        // FORGET works whatever the number's state: opted out too.
        if let Command::Forget { code } = &parsed.command {
            self.forget(&mut d, &mut r, code.as_deref(), facts);
            d.replies = r.out;
            self.limit_replies(&mut d, None, facts);
            return d;
        }
        if sender.opted_out {
            // An opted-out number gets nothing until START, except an answer to HELP that says how
            // to come back.
            match parsed.command {
                Command::Start => {
                    d.effects.push(Effect::OptIn);
                    r.say("started", &[]);
                }
                // Once an hour at most: HELP must not become a way to reach an opted-out phone.
                Command::Help | Command::HelpOn { .. } => r.refuse_for_limit("help-stopped", &[]),
                _ => return Decision::default(),
            }
            let limit = r.limit.then_some(r.limit_texts);
            d.replies = r.out;
            self.limit_replies(&mut d, limit.as_deref(), facts);
            return d;
        }
        match &parsed.command {
            // Not understood, but it says stop (`Please stop sending me messages`, `saya mahu
            // berhenti`): an opt-out must never fail for want of the right first word. Only a text
            // that names no list is read so; a post to a list that says "stop" is a post.
            // A list a stranger named `please` or `zeizong` must not swallow `please stop` from
            // someone who is not in it.
            Command::Word(_)
            | Command::Post { .. }
            | Command::Leave { .. }
            | Command::No { .. }
            | Command::Check { .. }
                if facts.list.as_ref().is_none_or(|l| l.sender_role.is_none())
                    && says_stop(text) =>
            {
                self.opt_out(&mut d, &mut r, facts)
            }
            Command::Empty => r.say("empty", &[]),
            Command::Help => r.say("help", &[]),
            Command::HelpOn { topic } => r.say(topic.usage_id(), &[]),
            Command::NeedList { keyword } => r.say("need-list", &[("command", typed(keyword))]),
            Command::AnnounceUsage { name } => r.say("announce-usage", &[("list", typed(name))]),
            Command::Stop => self.opt_out(&mut d, &mut r, facts),
            Command::Start => match &facts.pending_invite {
                // YES to an invitation joins the list it came from.
                Some((list_id, name)) => {
                    d.effects.push(Effect::Join { list_id: *list_id });
                    r.say("joined", &[("list", s(name))]);
                }
                None => r.say("started", &[]),
            },
            Command::No { list } => match (list, &facts.list, &facts.pending_invite) {
                (Some(typed_name), None, _) => {
                    r.say("unknown-list", &[("list", typed(typed_name))])
                }
                (Some(_), Some(l), _) if l.sender_role.is_some() => {
                    r.say("already-member", &[("list", s(&l.name))])
                }
                (Some(_), Some(l), _) => {
                    d.effects.push(Effect::Decline { list_id: l.id });
                    r.say("declined", &[("list", s(&l.name))]);
                }
                (None, _, Some((list_id, name))) => {
                    d.effects.push(Effect::Decline { list_id: *list_id });
                    r.say("declined", &[("list", s(name))]);
                }
                (None, _, None) => r.say("no-invitation", &[]),
            },
            Command::Create {
                name,
                announce,
                private,
            } => {
                let key = list_key(name);
                let limit = u64::from(self.rules.lists_per_number_per_day);
                if !valid_list_name(name) {
                    r.say("list-name-invalid", &[]);
                } else if reserved_list_name(name) {
                    r.say("list-name-reserved", &[("list", typed(name))]);
                } else if facts.list.is_some() {
                    r.say("list-taken", &[("list", typed(name))]);
                } else if facts.usage.lists_created_today >= limit {
                    r.refuse_for_limit("limit-lists", &[("max", n(limit))]);
                } else {
                    d.effects.push(Effect::CreateList {
                        name: name.clone(),
                        key,
                        announce: *announce,
                        private: *private,
                    });
                    let id = if *private {
                        "created-private"
                    } else if *announce {
                        "created-announce"
                    } else {
                        "created"
                    };
                    r.say(id, &[("list", s(name))]);
                }
            }
            Command::Join { list } => match &facts.list {
                None => r.say("unknown-list", &[("list", typed(list))]),
                Some(l) if l.sender_role.is_some() => {
                    r.say("already-member", &[("list", s(&l.name))])
                }
                // Nobody could answer a request (the owner opted out, leaving no one): said so,
                // to anyone, banned or not.
                Some(l) if l.private && !l.sender_invited && l.admins.is_empty() => {
                    r.say("list-unattended", &[("list", s(&l.name))])
                }
                // A banned number learns nothing: the answer of a request, and nothing happens.
                Some(l) if l.sender_banned => r.say("join-requested", &[("list", s(&l.name))]),
                // An invitation (ADD by an admin) is an approval.
                Some(l) if !l.private || l.sender_invited => {
                    d.effects.push(Effect::Join { list_id: l.id });
                    r.say("joined", &[("list", s(&l.name))]);
                }
                // Asked within the window (JOIN, NO, JOIN ...): the request opens again unless it
                // was denied, and the admins are not asked again.
                Some(l) if l.sender_requested => {
                    d.effects.push(Effect::RequestJoin {
                        list_id: l.id,
                        label: l.fresh_label.clone(),
                        asked: false,
                    });
                    r.say("join-requested", &[("list", s(&l.name))]);
                }
                Some(l) => {
                    d.effects.push(Effect::RequestJoin {
                        list_id: l.id,
                        label: l.fresh_label.clone(),
                        asked: true,
                    });
                    r.say("join-requested", &[("list", s(&l.name))]);
                    let label = format!("#{}", l.fresh_label);
                    // A name that looks like a member's (an admin's, say) is not shown: the label is.
                    let alias = sender.alias.as_deref().filter(|_| !l.sender_alias_clash);
                    let who = display_name(alias, &l.fresh_label);
                    for admin in &l.admins {
                        r.tell(
                            To::Member(admin.id),
                            self.language_for(admin.language, None, &admin.phone),
                            "join-request",
                            &[("who", s(&who)), ("list", s(&l.name)), ("label", s(&label))],
                        );
                    }
                }
            },
            Command::Leave { list } => match &facts.list {
                None => r.say("unknown-list", &[("list", typed(list))]),
                Some(l) if l.sender_role.is_none() => r.say("not-member", &[("list", s(&l.name))]),
                Some(l) if l.sender_role == Some(Role::Owner) => {
                    r.say("owner-cannot-leave", &[("list", s(&l.name))])
                }
                Some(l) => {
                    d.effects.push(Effect::Leave { list_id: l.id });
                    r.say("left", &[("list", s(&l.name))]);
                }
            },
            Command::Info { list } => match &facts.list {
                None => r.say("unknown-list", &[("list", typed(list))]),
                // To someone outside it, a private list says only that it is private.
                Some(l) if l.private && l.sender_role.is_none() => {
                    r.say("info-private", &[("list", s(&l.name))])
                }
                Some(l) => {
                    let role = l.sender_role.map(Role::as_str).unwrap_or("none");
                    let mode = if l.announce { "announce" } else { "open" };
                    r.say(
                        "info",
                        &[
                            ("list", s(&l.name)),
                            ("count", n(l.members)),
                            ("mode", s(mode)),
                            ("role", s(role)),
                        ],
                    );
                }
            },
            Command::Lists => {
                if facts.sender_lists.is_empty() {
                    r.say("lists-none", &[]);
                } else {
                    let text = self.lists_reply(lang, &facts.sender_lists);
                    r.out.push(Outgoing {
                        to: To::Sender,
                        text,
                    });
                }
            }
            Command::Name { alias } => {
                let alias = clean_alias(alias);
                // A name is shown on every post: never a link, a number or a request for personal
                // details, in any country (`NAME www.scam.com`, `NAME send your PIN`).
                let carried = carrier::CarrierRules {
                    rules: Some(carrier::RuleSet::My),
                    allowed_domains: Vec::new(),
                }
                .check(&alias);
                if alias_problem(&alias).is_some() || carried.is_some() {
                    r.say("name-invalid", &[]);
                } else if facts.alias_taken {
                    r.say("name-taken", &[]);
                } else {
                    d.effects.push(Effect::SetAlias(alias.clone()));
                    r.say("name-set", &[("alias", s(&alias))]);
                }
            }
            Command::Move(arg) => self.move_number(&mut d, &mut r, arg, facts),
            Command::Font { choice } => match choice.as_deref().and_then(Font::from_choice) {
                Some(font) => {
                    d.effects.push(Effect::SetFont(font));
                    r.say("font-set", &[("font", s(font.as_str()))]);
                }
                None => r.say("font-usage", &[]),
            },
            Command::Language { code: None } => r.say("lang-choices", &[]),
            Command::Language { code: Some(code) } => match Lang::from_choice(code) {
                Some(chosen) => {
                    d.effects.push(Effect::SetLanguage(chosen));
                    r.say("lang-set", &[]);
                }
                None => r.say("lang-choices", &[]),
            },
            Command::Word(_) => match &facts.list {
                Some(l) if l.sender_role.is_some() => r.say("post-empty", &[("list", s(&l.name))]),
                Some(l) => r.say("not-member", &[("list", s(&l.name))]),
                None => r.say("unknown-command", &[]),
            },
            Command::Post { text: body, .. } => self.post(&mut d, &mut r, body, facts),
            Command::Add { list, phone } => self.invite(&mut d, &mut r, list, phone, facts),
            Command::Remove { list, who } | Command::Admin { list, who } => {
                let removing = matches!(parsed.command, Command::Remove { .. });
                self.manage(&mut d, &mut r, list, who, removing, facts);
            }
            Command::Approve { list, who } | Command::Deny { list, who } => {
                let approving = matches!(parsed.command, Command::Approve { .. });
                self.answer_request(&mut d, &mut r, list.as_deref(), who, approving, facts);
            }
            Command::Ban { list, who } => self.ban(&mut d, &mut r, list, who, facts),
            Command::Unban { list, who } => match &facts.list {
                None => r.say("unknown-list", &[("list", typed(list))]),
                Some(l) if !l.sender_role.is_some_and(Role::can_manage) => {
                    r.say("not-admin", &[("list", s(&l.name))])
                }
                Some(l) if facts.ban_found => {
                    let label = typed_label(who).unwrap_or_default();
                    d.effects.push(Effect::Unban {
                        list_id: l.id,
                        label: label.clone(),
                    });
                    d.effects.push(Effect::Audit {
                        list_id: l.id,
                        action: "unban",
                        target: Some(label.clone()),
                    });
                    r.say(
                        "unbanned",
                        &[("label", s(&format!("#{label}"))), ("list", s(&l.name))],
                    );
                }
                Some(l) => r.say(
                    "member-not-found",
                    &[("who", typed(who)), ("list", s(&l.name))],
                ),
            },
            Command::Owner { list, who } => self.pass_on(&mut d, &mut r, list, who, facts),
            // Answered before the opted-out check, above.
            Command::Forget { .. } => {}
            Command::Reply { code, text: body } => {
                self.help_reply(&mut d, &mut r, code, body, facts)
            }
            Command::Share { code } => self.help_share(&mut d, &mut r, code, facts),
            Command::To { list, who, text } => {
                self.private_message(&mut d, &mut r, list, who, text, facts)
            }
            Command::Delete { list, code } => {
                self.close_list(&mut d, &mut r, list, code.as_deref(), facts)
            }
            Command::Block { list, who, on } => {
                self.block(&mut d, &mut r, list.as_deref(), who, *on, facts)
            }
            Command::Alert { list, text } => self.alert(&mut d, &mut r, list, text, facts),
            Command::Correct { code, text } => self.correct(&mut d, &mut r, code, text, facts),
            Command::Status { code } => self.alert_status(&mut r, code, facts),
            Command::ConfirmAlert { code } => self.confirm_alert(&mut d, &mut r, code, facts),
            Command::Check { list, question } => {
                self.check_in(&mut d, &mut r, list, question, facts)
            }
            Command::Results { code } => self.results(&mut r, code, facts),
            Command::CheckAnswer { safe, note, .. } => {
                self.check_answer(&mut d, &mut r, *safe, note, facts)
            }
            Command::AlertRule { list, confirm } => {
                self.alert_rule(&mut d, &mut r, list, *confirm, facts)
            }
            Command::Reporter { list, who, on } => {
                self.reporter(&mut d, &mut r, list, who, *on, facts)
            }
            Command::Moderate { list, on } => {
                let names = [
                    "moderate-usage",
                    "moderate-on",
                    "moderate-off",
                    "moderate-on",
                    "moderate-off",
                ];
                let effect = |list_id, on| Effect::SetModerated { list_id, on };
                self.switch(&mut d, &mut r, list, *on, names, effect, facts);
            }
            Command::Dm { list, on } => {
                let names = ["dm-usage", "dm-on", "dm-off", "dm-set-on", "dm-set-off"];
                let effect = |list_id, on| Effect::SetDm { list_id, on };
                self.switch(&mut d, &mut r, list, *on, names, effect, facts);
            }
            Command::Outside { list, on } => {
                let names = [
                    "outside-usage",
                    "outside-on",
                    "outside-off",
                    "outside-on",
                    "outside-off",
                ];
                let effect = |list_id, on| Effect::SetOutside { list_id, on };
                self.switch(&mut d, &mut r, list, *on, names, effect, facts);
            }
        }
        let limit = r.limit.then_some(r.limit_texts);
        d.replies = r.out;
        self.limit_replies(&mut d, limit.as_deref(), facts);
        d
    }

    /// Replies to the sender beyond the per-minute limit are not sent, and a refusal for a limit
    /// already sent within the hour is not sent again: a flood gets silence, not one reply each.
    fn limit_replies(&self, d: &mut Decision, limit_refusal: Option<&[String]>, facts: &Facts) {
        let per_minute = u64::from(self.rules.replies_per_number_per_minute);
        let mut budget = per_minute.saturating_sub(facts.usage.replies_last_minute);
        let recent = &facts.usage.recent_replies;
        // An alert's or a correction's answer carries the only copy of its code: never dropped.
        let keep_answer = d.answer_first;
        d.replies.retain(|reply| {
            if reply.to != To::Sender || keep_answer {
                return true;
            }
            if let Some(variants) = limit_refusal {
                if recent.iter().any(|t| variants.contains(t)) {
                    return false;
                }
            }
            if budget == 0 {
                return false;
            }
            budget -= 1;
            true
        });
    }

    fn sender_lang(&self, parsed: &Parsed, sender: &Sender) -> Lang {
        // Only a post's own words tell its language: a command's list name or alias does not (a
        // list called `jooji` is no sign of Somali), nor does a single word.
        let words = match &parsed.command {
            Command::Post { text: body, .. } if body.split_whitespace().nth(1).is_some() => {
                Some(body.as_str())
            }
            _ => None,
        };
        sender
            .language
            .or(parsed.keyword_lang)
            .unwrap_or_else(|| match words {
                Some(body) => self.language_for_post(body, &sender.phone),
                None => self.language_for(None, None, &sender.phone),
            })
    }

    /// `Your lists: a, b, c`, with as many names as fit in one SMS and `+N` for the rest.
    fn lists_reply(&self, lang: Lang, names: &[String]) -> String {
        let mut shown = names.len();
        loop {
            let mut parts: Vec<String> = names[..shown].to_vec();
            if shown < names.len() {
                parts.push(format!("+{}", names.len() - shown));
            }
            let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
            let joined = smsup_lang::join_names(lang, &refs);
            let text =
                self.encode_text(&smsup_lang::render(lang, "lists", &[("lists", s(&joined))]));
            if shown <= 1 || smsup_sms::analyze(&text).segments <= 1 {
                return self.encode_text(&render_one_sms(lang, "lists", &[("lists", s(&joined))]));
            }
            shown -= 1;
        }
    }

    /// A reply in `lang`, in one SMS, smart-encoded as the deployment asks.
    pub fn render_for(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.encode_text(&render_one_sms(lang, id, args))
    }

    fn post(&self, d: &mut Decision, r: &mut Replies<'_>, body: &str, facts: &Facts) {
        let Some(l) = &facts.list else {
            r.say("unknown-command", &[]);
            return;
        };
        let Some(role) = l.sender_role else {
            self.help_line(d, r, l, body, facts);
            return;
        };
        if l.announce && !role.can_manage() {
            r.say("post-announce-only", &[("list", s(&l.name))]);
            return;
        }
        let body = clean_post(body);
        if shows_nothing(&body) {
            r.say("post-empty", &[("list", s(&l.name))]);
            return;
        }
        // Checked as typed and as it will leave (smart encoding turns look-alike dashes into `-`).
        let sent = self.encode_text(&body);
        if let Some(blocked) = self
            .rules
            .carrier
            .check(&body)
            .or_else(|| self.rules.carrier.check(&sent))
        {
            r.say(carrier_reply(blocked), &[("list", s(&l.name))]);
            return;
        }
        let text = self.relayed(l, &facts.sender, &body);
        let segments = smsup_sms::analyze(&text).segments as u64;
        let max = u64::from(self.rules.max_post_segments);
        if segments > max {
            r.say(
                "post-too-long",
                &[("segments", n(segments)), ("max", n(max))],
            );
            return;
        }
        let per_hour = u64::from(self.rules.posts_per_sender_per_hour);
        if facts.sender_posts_last_hour >= per_hour {
            r.refuse_for_limit("post-sender-limit", &[("max", n(per_hour))]);
            return;
        }
        let budget = self.rules.list_segments_per_day;
        if budget > 0 && l.segments_today + segments * l.recipients > budget {
            r.refuse_for_limit("post-list-limit", &[("list", s(&l.name))]);
            return;
        }
        let zawgyi_text = to_zawgyi(&text);
        let segments32 = u32::try_from(segments).unwrap_or(u32::MAX);
        if l.moderated && role == Role::Member {
            self.hold(d, r, l, text, zawgyi_text, segments32, facts);
            return;
        }
        d.effects.push(Effect::Post {
            list_id: l.id,
            text,
            zawgyi_text,
            segments: segments32,
        });
        if self.rules.confirm_posts {
            r.say(
                "post-sent",
                &[("count", n(l.recipients)), ("segments", n(segments))],
            );
        }
    }

    /// A plain member's post to a moderated list: held, and the owner and admins get it with the
    /// code they answer with.
    #[allow(clippy::too_many_arguments)]
    fn hold(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        l: &ListFacts,
        text: String,
        zawgyi_text: Option<String>,
        segments: u32,
        facts: &Facts,
    ) {
        if l.admins.is_empty() {
            r.say("list-unattended", &[("list", s(&l.name))]);
            return;
        }
        let code = post_code(facts.next_held_id);
        let Some(notices) = self.to_admins(r, l, "held-post", &code, &text) else {
            return;
        };
        d.effects.push(Effect::HoldPost {
            list_id: l.id,
            id: facts.next_held_id,
            text,
            zawgyi_text,
            segments,
        });
        r.say("post-held", &[("list", s(&l.name))]);
        r.out.extend(notices);
    }

    /// `text` to the list's owner and admins under the head `head` (with `code` and the list), each
    /// in their language; None (the sender told why) when the longest is over the posts' limit.
    fn to_admins(
        &self,
        r: &mut Replies<'_>,
        l: &ListFacts,
        head: &str,
        code: &str,
        text: &str,
    ) -> Option<Vec<Outgoing>> {
        let all: Vec<&TargetFacts> = l.admins.iter().collect();
        self.to_these(r, &all, l, head, code, text)
    }

    /// [`Engine::to_admins`] to some of them only.
    fn to_these(
        &self,
        r: &mut Replies<'_>,
        admins: &[&TargetFacts],
        l: &ListFacts,
        head: &str,
        code: &str,
        text: &str,
    ) -> Option<Vec<Outgoing>> {
        let mut longest = 0;
        let mut notices = Vec::new();
        for admin in admins {
            let lang = self.language_for(admin.language, None, &admin.phone);
            let head = self.render_for(lang, head, &[("code", s(code)), ("list", s(&l.name))]);
            let notice = self.encode_text(&format!("{head} {text}"));
            longest = longest.max(smsup_sms::analyze(&notice).segments);
            notices.push(Outgoing {
                to: To::Member(admin.id),
                text: notice,
            });
        }
        (!self.too_long(r, longest)).then_some(notices)
    }

    /// APPROVE or REJECT of a held post by an admin of its list (codes of other lists' posts tell
    /// nothing): the post goes out, or to nobody; its author is told.
    fn answer_held(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        who: &str,
        approving: bool,
        facts: &Facts,
    ) {
        let (Some(held), Some(l)) = (&facts.held, &facts.list) else {
            r.say("held-unknown", &[("code", typed(who))]);
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("held-unknown", &[("code", typed(who))]);
            return;
        }
        // Its author left, was removed or opted out: it goes nowhere, and nobody is told.
        if !held.author.in_list || held.author.opted_out {
            d.effects.push(Effect::RejectPost { held_id: held.id });
            r.say("held-unknown", &[("code", typed(who))]);
            return;
        }
        let code = post_code(held.id);
        let (effect, action, reply, notice) = if approving {
            let effect = Effect::ReleasePost {
                held_id: held.id,
                list_id: l.id,
                author_id: held.author.id,
                text: held.text.clone(),
                zawgyi_text: held.zawgyi_text.clone(),
                segments: held.segments,
            };
            (effect, "approve-post", "held-approved", "post-approved")
        } else {
            let effect = Effect::RejectPost { held_id: held.id };
            (effect, "reject-post", "held-rejected", "post-rejected")
        };
        d.effects.push(effect);
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action,
            target: Some(code.clone()),
        });
        r.say(reply, &[("code", s(&code)), ("list", s(&l.name))]);
        let author = &held.author;
        r.tell(
            To::Member(author.id),
            self.language_for(author.language, None, &author.phone),
            notice,
            &[("list", s(&l.name))],
        );
    }

    /// MOVE: from the old phone, `MOVE <new number>` sends the new number a code (the same answer
    /// whatever that number is); from the new phone, `MOVE <code>` moves everything there. No reply
    /// shows either number.
    fn move_number(&self, d: &mut Decision, r: &mut Replies<'_>, arg: &MoveArg, facts: &Facts) {
        match arg {
            MoveArg::Nothing | MoveArg::Number(Err(_)) => r.say("move-usage", &[]),
            MoveArg::Number(Ok(phone)) => {
                if *phone == facts.sender.phone {
                    r.say("move-usage", &[]);
                    return;
                }
                let max = u64::from(self.rules.moves_per_number_per_day);
                if facts.usage.moves_today >= max {
                    r.refuse_for_limit("limit-moves", &[("max", n(max))]);
                    return;
                }
                d.effects.push(Effect::RequestMove {
                    phone: phone.clone(),
                    code: facts.fresh_code.clone(),
                });
                if !facts.move_target_opted_out {
                    r.tell(
                        To::Phone(phone.clone()),
                        r.lang,
                        "move-request",
                        &[("code", s(&facts.fresh_code))],
                    );
                }
                r.say("move-code-sent", &[]);
            }
            MoveArg::Code(code) => match &facts.pending_move {
                Some((move_id, old_member_id, expected)) if expected == code => {
                    d.effects.push(Effect::AcceptMove {
                        move_id: *move_id,
                        old_member_id: *old_member_id,
                    });
                    r.say("move-done", &[]);
                    r.tell(To::Member(*old_member_id), r.lang, "move-done-old", &[]);
                }
                Some((move_id, _, _)) => {
                    d.effects.push(Effect::MoveCodeFailed { move_id: *move_id });
                    r.say("move-bad-code", &[]);
                }
                None => r.say("move-bad-code", &[]),
            },
        }
    }

    /// ADD: the inviter gets one answer whatever the number is (a member already, opted out,
    /// declined, invited lately, not a number of anyone), so that ADD tells nothing about anyone.
    fn invite(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        phone: &Result<Phone, String>,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("not-admin", &[("list", s(&l.name))]);
            return;
        }
        let Ok(phone) = phone else {
            r.say("invalid-number", &[("list", s(&l.name))]);
            return;
        };
        let per_hour = u64::from(self.rules.invites_per_sender_per_hour);
        let per_day = u64::from(self.rules.invites_per_sender_per_day);
        if facts.usage.adds_last_hour >= per_hour || facts.usage.adds_last_day >= per_day {
            let max = if facts.usage.adds_last_hour >= per_hour {
                per_hour
            } else {
                per_day
            };
            r.refuse_for_limit("limit-invites", &[("max", n(max))]);
            return;
        }
        let invitee = facts.invitee.clone().unwrap_or_default();
        // They asked to join: an admin's ADD is the approval they waited for.
        if let (Some((member_id, label)), false) = (invitee.requested, invitee.banned) {
            d.effects.push(Effect::Approve {
                list_id: l.id,
                member_id,
            });
            d.effects.push(Effect::Audit {
                list_id: l.id,
                action: "approve",
                target: Some(label),
            });
            let their_lang = self.language_for(invitee.language, None, phone);
            r.tell(
                To::Member(member_id),
                their_lang,
                "joined",
                &[("list", s(&l.name))],
            );
            r.say("invite-sent", &[("list", s(&l.name))]);
            return;
        }
        let invitable = !(invitee.active_member
            || invitee.opted_out
            || invitee.declined
            || invitee.invited_recently
            || invitee.banned
            || *phone == facts.sender.phone);
        if invitable {
            d.effects.push(Effect::Invite {
                list_id: l.id,
                phone: phone.clone(),
            });
            // The invitee's own language if they chose one, else the inviter's: a local SIM says
            // nothing of who holds it.
            let their_lang = invitee.language.unwrap_or(r.lang);
            r.tell(
                To::Phone(phone.clone()),
                their_lang,
                "invite",
                &[("list", s(&l.name))],
            );
        }
        r.say("invite-sent", &[("list", s(&l.name))]);
    }

    /// FORGET: a code goes to the sender; FORGET <code> within 10 minutes erases them (their lists
    /// pass on as on an opt-out).
    fn forget(&self, d: &mut Decision, r: &mut Replies<'_>, code: Option<&str>, facts: &Facts) {
        match (code, &facts.pending_forget) {
            (None, _) => {
                d.effects.push(Effect::RequestForget {
                    code: facts.fresh_code.clone(),
                });
                r.say("forget-confirm", &[("code", s(&facts.fresh_code))]);
            }
            (Some(typed), Some(expected)) if typed == expected => {
                self.pass_lists_on(d, r, facts);
                let farewell = self.render_for(r.lang, "forgotten", &[]);
                d.effects.push(Effect::Forget { farewell });
            }
            (Some(_), Some(_)) => {
                d.effects.push(Effect::ForgetCodeFailed);
                r.say("forget-bad-code", &[]);
            }
            (Some(_), None) => r.say("forget-bad-code", &[]),
        }
    }

    /// The lists the sender owns pass to the longest-serving admin, else the longest-serving
    /// member, who is told.
    fn pass_lists_on(&self, d: &mut Decision, r: &mut Replies<'_>, facts: &Facts) {
        for (list_id, name, next) in &facts.owned {
            let Some(next) = next else { continue };
            let effect = Effect::SetOwner {
                list_id: *list_id,
                member_id: next.id,
            };
            self.act_on(
                d,
                r,
                (*list_id, name),
                effect,
                "owner",
                next,
                Some("you-are-owner"),
            );
        }
    }

    /// An act on one member of a list: the change, its line in the audit log (by the member's
    /// label), and the notice they get, if any, in their language.
    #[allow(clippy::too_many_arguments)]
    fn act_on(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        (list_id, list_name): (i64, &str),
        effect: Effect,
        action: &'static str,
        target: &TargetFacts,
        notice: Option<&str>,
    ) {
        d.effects.push(effect);
        d.effects.push(Effect::Audit {
            list_id,
            action,
            target: Some(target.label.clone()),
        });
        if let Some(notice) = notice {
            r.tell(
                To::Member(target.id),
                self.language_for(target.language, None, &target.phone),
                notice,
                &[("list", s(list_name))],
            );
        }
    }

    /// STOP: opt out of everything; the lists the sender owns pass to the longest-serving admin,
    /// else the longest-serving member, who is told.
    fn opt_out(&self, d: &mut Decision, r: &mut Replies<'_>, facts: &Facts) {
        d.effects.push(Effect::OptOut);
        self.pass_lists_on(d, r, facts);
        r.say("stopped", &[]);
    }

    /// The one member `who` names among the facts' targets, or the reply that says why not.
    fn one_target<'f>(
        &self,
        r: &mut Replies<'_>,
        who: &str,
        list: &ListFacts,
        facts: &'f Facts,
        not_found: &str,
    ) -> Option<&'f TargetFacts> {
        if trim_word_empty(who) {
            r.say("need-who", &[("list", s(&list.name))]);
            return None;
        }
        match facts.targets.as_slice() {
            [] => {
                r.say(not_found, &[("who", typed(who)), ("list", s(&list.name))]);
                None
            }
            [one] => Some(one),
            _ => {
                r.say("member-ambiguous", &[("who", typed(who))]);
                None
            }
        }
    }

    /// APPROVE or DENY a request to join a private list.
    fn answer_request(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: Option<&str>,
        who: &str,
        approving: bool,
        facts: &Facts,
    ) {
        if is_post_code(who) {
            self.answer_held(d, r, who, approving, facts);
            return;
        }
        let Some(l) = &facts.list else {
            match list {
                Some(name) => r.say("unknown-list", &[("list", typed(name))]),
                None if facts.request_ambiguous => {
                    r.say("request-which-list", &[("who", typed(who))])
                }
                None => r.say("no-request", &[("who", typed(who))]),
            }
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("not-admin", &[("list", s(&l.name))]);
            return;
        }
        let Some(target) = self.one_target(r, who, l, facts, "no-request") else {
            return;
        };
        // By label: a requester's name may look like a member's.
        let shown = format!("#{}", target.label);
        let (effect, action, reply, notice) = if approving {
            (
                Effect::Approve {
                    list_id: l.id,
                    member_id: target.id,
                },
                "approve",
                "approved",
                "joined",
            )
        } else {
            (
                Effect::Deny {
                    list_id: l.id,
                    member_id: target.id,
                },
                "deny",
                "denied",
                "join-denied",
            )
        };
        self.act_on(d, r, (l.id, &l.name), effect, action, target, Some(notice));
        r.say(reply, &[("who", s(&shown)), ("list", s(&l.name))]);
    }

    /// BAN: remove a member (or someone invited or asking) and keep the number out for good.
    fn ban(&self, d: &mut Decision, r: &mut Replies<'_>, list: &str, who: &str, facts: &Facts) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        let role = l.sender_role;
        if !role.is_some_and(Role::can_manage) {
            r.say("not-admin", &[("list", s(&l.name))]);
            return;
        }
        let Some(target) = self.one_target(r, who, l, facts, "member-not-found") else {
            return;
        };
        if target.role == Role::Owner || target.id == facts.sender.id {
            r.say("cannot-remove-owner", &[("list", s(&l.name))]);
            return;
        }
        if target.role == Role::Admin && role != Some(Role::Owner) {
            r.say("cannot-remove-admin", &[("list", s(&l.name))]);
            return;
        }
        let effect = Effect::Ban {
            list_id: l.id,
            member_id: target.id,
            label: target.label.clone(),
        };
        // Told as a removal (a ban says nothing more than that), when they were in the list.
        let notice = target.in_list.then_some("you-were-removed");
        self.act_on(d, r, (l.id, &l.name), effect, "ban", target, notice);
        let shown = display_name(target.alias.as_deref(), &target.label);
        r.say(
            "banned",
            &[
                ("who", s(&shown)),
                ("list", s(&l.name)),
                ("label", s(&format!("#{}", target.label))),
            ],
        );
    }

    /// OWNER: the owner passes the list on to another member; they become an admin.
    fn pass_on(&self, d: &mut Decision, r: &mut Replies<'_>, list: &str, who: &str, facts: &Facts) {
        let Some(l) = self.owned_list(r, list, facts) else {
            return;
        };
        let Some(target) = self.one_target(r, who, l, facts, "member-not-found") else {
            return;
        };
        // Someone who opted out of everything cannot look after a list.
        if target.opted_out {
            r.say(
                "member-not-found",
                &[("who", typed(who)), ("list", s(&l.name))],
            );
            return;
        }
        let shown = display_name(target.alias.as_deref(), &target.label);
        if target.id == facts.sender.id {
            r.say(
                "admin-is-owner",
                &[("who", s(&shown)), ("list", s(&l.name))],
            );
            return;
        }
        let effect = Effect::SetOwner {
            list_id: l.id,
            member_id: target.id,
        };
        self.act_on(
            d,
            r,
            (l.id, &l.name),
            effect,
            "owner",
            target,
            Some("you-are-owner"),
        );
        r.say("owner-made", &[("who", s(&shown)), ("list", s(&l.name))]);
    }

    /// DELETE: the owner gets a code; DELETE <list> <code> within 10 minutes closes the list.
    fn close_list(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        code: Option<&str>,
        facts: &Facts,
    ) {
        let Some(l) = self.owned_list(r, list, facts) else {
            return;
        };
        match (code, &l.pending_delete) {
            (None, _) => {
                d.effects.push(Effect::RequestDelete {
                    list_id: l.id,
                    code: facts.fresh_code.clone(),
                });
                r.say(
                    "delete-confirm",
                    &[("list", s(&l.name)), ("code", s(&facts.fresh_code))],
                );
            }
            (Some(typed), Some(expected)) if typed == expected => {
                let mut langs = vec![self.rules.default_language];
                langs.extend(Lang::ALL.iter().copied());
                let notices = langs
                    .into_iter()
                    .map(|lang| {
                        let text = self.render_for(lang, "list-closed", &[("list", s(&l.name))]);
                        (lang, text)
                    })
                    .collect();
                d.effects.push(Effect::CloseList {
                    list_id: l.id,
                    notices,
                });
                d.effects.push(Effect::Audit {
                    list_id: l.id,
                    action: "delete",
                    target: None,
                });
                r.say("list-deleted", &[("list", s(&l.name))]);
            }
            (Some(_), Some(_)) => {
                d.effects.push(Effect::DeleteCodeFailed { list_id: l.id });
                r.say("delete-bad-code", &[("list", s(&l.name))]);
            }
            (Some(_), None) => r.say("delete-bad-code", &[("list", s(&l.name))]),
        }
    }

    /// The list a command names when the sender owns it, or the reply that says why not.
    fn owned_list<'f>(
        &self,
        r: &mut Replies<'_>,
        list: &str,
        facts: &'f Facts,
    ) -> Option<&'f ListFacts> {
        match &facts.list {
            None => {
                r.say("unknown-list", &[("list", typed(list))]);
                None
            }
            Some(l) if l.sender_role != Some(Role::Owner) => {
                r.say("owner-only", &[("list", s(&l.name))]);
                None
            }
            Some(l) => Some(l),
        }
    }

    /// A list's switch that only its owner turns (OUTSIDE, DM): `names` are the usage reply, the
    /// audit actions on and off, and the replies on and off.
    #[allow(clippy::too_many_arguments)]
    fn switch(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        on: Option<bool>,
        [usage, action_on, action_off, reply_on, reply_off]: [&'static str; 5],
        effect: impl Fn(i64, bool) -> Effect,
        facts: &Facts,
    ) {
        let Some(l) = self.owned_list(r, list, facts) else {
            return;
        };
        match on {
            None => r.say(usage, &[("list", s(&l.name))]),
            Some(on) => {
                d.effects.push(effect(l.id, on));
                d.effects.push(Effect::Audit {
                    list_id: l.id,
                    action: if on { action_on } else { action_off },
                    target: None,
                });
                r.say(
                    if on { reply_on } else { reply_off },
                    &[("list", s(&l.name))],
                );
            }
        }
    }

    /// TO: a private message to one member of a list the sender is in. The recipient sees
    /// `[list] alias #label (private): text` and can answer with `TO list #label ...`; neither
    /// sees the other's number. A block makes it go nowhere, with the same answer.
    fn private_message(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        who: &str,
        body: &str,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        if l.sender_role.is_none() {
            r.say("not-member", &[("list", s(&l.name))]);
            return;
        }
        if !l.dm {
            r.say("dm-off", &[("list", s(&l.name))]);
            return;
        }
        if trim_word_empty(who) || body.trim().is_empty() {
            r.say("to-usage", &[("list", s(&l.name))]);
            return;
        }
        let Some(target) = self.one_target(r, who, l, facts, "member-not-found") else {
            return;
        };
        if target.id == facts.sender.id {
            r.say("to-usage", &[("list", s(&l.name))]);
            return;
        }
        let max = u64::from(self.rules.private_per_sender_per_hour);
        if facts.usage.private_last_hour >= max {
            r.refuse_for_limit("limit-dm", &[("max", n(max))]);
            return;
        }
        let Some(sent) = self.relayable(r, l, body) else {
            if r.out.is_empty() {
                r.say("to-usage", &[("list", s(&l.name))]);
            }
            return;
        };
        let label = l.sender_label.as_deref().unwrap_or("?");
        let from = match facts.sender.alias.as_deref() {
            Some(alias) if !alias.is_empty() && !l.sender_alias_clash => {
                format!("{alias} #{label}")
            }
            _ => format!("#{label}"),
        };
        let their_lang = self.language_for(target.language, None, &target.phone);
        let private = self.render_for(their_lang, "dm-private", &[]);
        let text = self.encode_text(&format!("[{}] {from} {private} {sent}", l.name));
        if self.too_long(r, smsup_sms::analyze(&text).segments) {
            return;
        }
        if !facts.blocked_by_target {
            d.effects.push(Effect::PrivateMessage {
                list_id: l.id,
                recipient_id: target.id,
                text,
            });
        }
        let shown = display_name(target.alias.as_deref(), &target.label);
        r.say("dm-sent", &[("who", s(&shown)), ("list", s(&l.name))]);
    }

    /// BLOCK: the sender gets no more private messages from one person's number (OFF: again).
    fn block(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: Option<&str>,
        who: &str,
        on: bool,
        facts: &Facts,
    ) {
        match (list, &facts.list) {
            (Some(name), None) => {
                r.say("unknown-list", &[("list", typed(name))]);
                return;
            }
            // Only a member of the list may name its members (no probing a private list).
            (Some(_), Some(l)) if l.sender_role.is_none() => {
                r.say("not-member", &[("list", s(&l.name))]);
                return;
            }
            _ => {}
        }
        let mut ids: Vec<i64> = facts.targets.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        match facts.targets.first() {
            _ if trim_word_empty(who) => r.say("block-not-found", &[("who", typed(who))]),
            Some(_) if ids.len() > 1 => r.say("block-which-list", &[("who", typed(who))]),
            Some(target) if target.id != facts.sender.id => {
                d.effects.push(Effect::Block {
                    member_id: target.id,
                    on,
                });
                let label = format!("#{}", target.label);
                let shown = display_name(target.alias.as_deref(), &target.label);
                if on {
                    r.say("blocked", &[("who", s(&shown)), ("label", s(&label))]);
                } else {
                    r.say("unblocked", &[("who", s(&shown))]);
                }
            }
            _ => r.say("block-not-found", &[("who", typed(who))]),
        }
    }

    /// `[list] alias: text` as members receive a member's words: the sender's alias, or their
    /// label in the list when they have none or it looks like another member's.
    fn relayed(&self, l: &ListFacts, sender: &Sender, text: &str) -> String {
        self.relayed_marked(l, sender, "", text)
    }

    /// [`Self::relayed`] with a mark before the sender's name (`[list] ALERT alias: text`).
    fn relayed_marked(&self, l: &ListFacts, sender: &Sender, mark: &str, text: &str) -> String {
        let label = l.sender_label.as_deref().unwrap_or("?");
        let alias = sender.alias.as_deref().filter(|_| !l.sender_alias_clash);
        self.encode_text(&format!(
            "[{}] {mark}{}: {}",
            l.name,
            display_name(alias, label),
            text
        ))
    }

    /// ALERT: the owner, an admin or a reporter warns every member at once. The alert overtakes
    /// everything queued, is not held by moderation nor counted against the posting limits, but a
    /// list sends at most `alerts_per_list_per_hour` of them; `TEST` as its first word marks it a
    /// test to every recipient.
    fn alert(&self, d: &mut Decision, r: &mut Replies<'_>, list: &str, body: &str, facts: &Facts) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        let allowed = match l.sender_role {
            Some(role) => role.can_manage() || l.sender_reporter,
            None => false,
        };
        if !allowed {
            r.say("alert-not-allowed", &[("list", s(&l.name))]);
            return;
        }
        let (first, rest) = body
            .trim_start()
            .split_once(char::is_whitespace)
            .unwrap_or((body.trim(), ""));
        // `TEST`, `test:`, `Test!`: the first word, whatever punctuation follows it.
        let test = parse::trim_word(first).eq_ignore_ascii_case("test");
        let (mark, body) = if test {
            ("TEST ALERT ", rest)
        } else {
            ("ALERT ", body)
        };
        if shows_nothing(&clean_post(body)) {
            r.say("alert-empty", &[("list", s(&l.name))]);
            return;
        }
        // Real alerts count only real ones, so that drills never use up what a real alert needs;
        // drills count all.
        // Alerts waiting for an OK count for their sender only: a rogue reporter's never use up
        // what the owner's real alert needs.
        let sent_this_hour = if test {
            l.all_alerts_last_hour
        } else {
            l.alerts_last_hour
        } + l.sender_held_last_hour;
        let Some((text, segments)) =
            self.alert_text(r, l, &facts.sender, mark, body, sent_this_hour)
        else {
            return;
        };
        let code = format!("A{}", facts.next_post_id);
        // The two-person rule: kept until another admin or the owner answers OK; they get it as
        // members would, under a head with the code.
        let hold = l.alert_confirm;
        let mut notices = Vec::new();
        if hold {
            let confirmers: Vec<&TargetFacts> = l
                .admins
                .iter()
                .filter(|a| a.id != facts.sender.id)
                .collect();
            if confirmers.is_empty() {
                r.say("alert-no-confirmer", &[("list", s(&l.name))]);
                return;
            }
            let Some(n) = self.to_these(r, &confirmers, l, "alert-confirm-ask", &code, &text)
            else {
                return;
            };
            notices = n;
        }
        d.effects.push(Effect::Alert {
            list_id: l.id,
            zawgyi_text: to_zawgyi(&text),
            text,
            segments,
            expire_minutes: self.rules.alert_expire_minutes,
            test,
            hold,
        });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: match (test, hold) {
                (true, true) => "alert-test-held",
                (true, false) => "alert-test",
                (false, true) => "alert-held",
                (false, false) => "alert",
            },
            target: None,
        });
        if hold {
            r.say(
                "alert-waiting",
                &[
                    ("list", s(&l.name)),
                    ("code", s(&code)),
                    ("minutes", n(u64::from(self.rules.alert_expire_minutes))),
                ],
            );
            r.out.extend(notices);
            d.answer_first = !test;
            d.notices_first = !test;
            return;
        }
        r.say(
            if test {
                "alert-test-sent"
            } else {
                "alert-sent"
            },
            &[
                ("count", n(l.recipients)),
                ("list", s(&l.name)),
                ("code", s(&code)),
            ],
        );
        d.answer_first = !test;
    }

    /// OK A12: another admin or the owner of the alert's list sends an alert kept for their OK,
    /// while it is fresh (not older than the alerts' expiry); its sender is told who sent it on.
    /// The alert's own sender cannot; anyone else learns nothing of the code.
    fn confirm_alert(&self, d: &mut Decision, r: &mut Replies<'_>, code: &str, facts: &Facts) {
        let unknown = || [("code", s(&code.trim().to_uppercase()))];
        let (Some(a), Some(l)) = (&facts.alert, &facts.list) else {
            r.say("alert-unknown", &unknown());
            return;
        };
        // Its sender must still be able to send alerts (not removed, banned, forgotten, or a
        // reporter whose role was taken back): otherwise it is gone.
        let (Some(test), true) = (a.held, a.author_may_alert) else {
            r.say("alert-unknown", &unknown());
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("alert-unknown", &unknown());
            return;
        }
        let code = format!("A{}", a.id);
        if a.author_id == facts.sender.id {
            r.say("alert-confirm-self", &[("code", s(&code))]);
            return;
        }
        let minutes = self.rules.alert_expire_minutes;
        if a.late {
            r.say(
                "alert-confirm-late",
                &[("code", s(&code)), ("minutes", n(u64::from(minutes)))],
            );
            return;
        }
        d.effects.push(Effect::ConfirmAlert {
            alert_id: a.id,
            expire_minutes: minutes,
        });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: if test { "alert-test-ok" } else { "alert-ok" },
            target: Some(code.clone()),
        });
        // The confirmer gets it like anyone else; its sender does not.
        let count = n(l.recipients);
        r.say(
            if test {
                "alert-test-sent"
            } else {
                "alert-sent"
            },
            &[
                ("count", count.clone()),
                ("list", s(&l.name)),
                ("code", s(&code)),
            ],
        );
        if let Some(author) = &a.author {
            r.tell(
                To::Member(author.id),
                self.language_for(author.language, None, &author.phone),
                "alert-confirmed",
                &[("code", s(&code)), ("count", count), ("list", s(&l.name))],
            );
        }
        d.answer_first = !test;
    }

    /// CHECK: the owner or an admin asks every member whether they are safe; each gets the question
    /// with how to answer (1 safe, 2 need help) in their language. Check-ins count with the alerts
    /// of the hour (TEST ones included), never against a real alert's.
    fn check_in(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        question: &str,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("checkin-not-allowed", &[("list", s(&l.name))]);
            return;
        }
        if shows_nothing(&clean_post(question)) {
            r.say("checkin-empty", &[("list", s(&l.name))]);
            return;
        }
        let Some(sent) = self.relayable(r, l, question) else {
            return;
        };
        let max = u64::from(self.rules.alerts_per_list_per_hour);
        if l.all_alerts_last_hour >= max {
            r.refuse_for_limit("checkin-limit", &[("list", s(&l.name)), ("max", n(max))]);
            return;
        }
        let asked = self.relayed_marked(l, &facts.sender, "", &sent);
        let mut langs = vec![self.rules.default_language];
        langs.extend(Lang::ALL.iter().copied());
        let texts: Vec<(Lang, String)> = langs
            .into_iter()
            .map(|lang| {
                let how = render_one_sms(lang, "checkin-how", &[]);
                (lang, self.encode_text(&format!("{asked}\n{how}")))
            })
            .collect();
        let longest = texts
            .iter()
            .map(|(_, t)| smsup_sms::analyze(t).segments)
            .max()
            .unwrap_or(1);
        if self.too_long(r, longest) {
            return;
        }
        d.effects.push(Effect::CheckIn {
            list_id: l.id,
            texts,
        });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: "check",
            target: None,
        });
        let code = checkin_code(facts.next_post_id);
        r.say(
            "checkin-sent",
            &[
                ("code", s(&code)),
                ("count", n(l.recipients)),
                ("list", s(&l.name)),
            ],
        );
    }

    /// RESULTS C3: a check-in's answers so far, to the owner and admins of its list.
    fn results(&self, r: &mut Replies<'_>, code: &str, facts: &Facts) {
        let allowed = facts
            .list
            .as_ref()
            .is_some_and(|l| l.sender_role.is_some_and(Role::can_manage));
        let (Some(c), true) = (&facts.checkin, allowed) else {
            r.say("checkin-unknown", &[("code", typed(code))]);
            return;
        };
        let t = c.tally.unwrap_or_default();
        r.say(
            "checkin-results",
            &[
                ("code", s(&checkin_code(c.id))),
                ("safe", n(t.safe)),
                ("help", n(t.help)),
                ("silent", n(t.silent)),
            ],
        );
    }

    /// A member's 1 (safe) or 2 (needs help) to the latest check-in they got: counted (the latest
    /// answer counts). A 2 reaches the owner and admins as a help request they answer with REPLY,
    /// never with the member's number; what followed the 2 goes with it.
    fn check_answer(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        safe: bool,
        note: &str,
        facts: &Facts,
    ) {
        let (Some(c), Some(l)) = (&facts.checkin, &facts.list) else {
            return;
        };
        if safe {
            d.effects.push(Effect::CheckAnswer {
                checkin_id: c.id,
                safe,
                help_id: None,
            });
            r.say("checkin-safe", &[("list", s(&l.name))]);
            return;
        }
        // A 2 again keeps the same help request open; the admins hear of it again, as often an hour
        // as from someone outside the list.
        let max = u64::from(self.rules.outside_per_list_per_hour);
        if c.help_id.is_some() && c.help_messages_last_hour >= max {
            r.refuse_for_limit("help-limit", &[("list", s(&l.name)), ("max", n(max))]);
            return;
        }
        let (help_id, new) = match c.help_id {
            Some(id) => (id, false),
            None => (facts.next_help_id, true),
        };
        let code = help_code(help_id);
        let who = display_name(
            facts
                .sender
                .alias
                .as_deref()
                .filter(|_| !l.sender_alias_clash),
            l.sender_label.as_deref().unwrap_or("?"),
        );
        let note = self.relayable(r, l, note);
        let mut notices = Vec::new();
        let mut longest = 0;
        for admin in &l.admins {
            let lang = self.language_for(admin.language, None, &admin.phone);
            let head = self.render_for(
                lang,
                "help-request",
                &[("code", s(&code)), ("list", s(&l.name))],
            );
            let what = self.render_for(
                lang,
                "checkin-help",
                &[("who", s(&who)), ("check", s(&checkin_code(c.id)))],
            );
            let head = self.encode_text(&format!("{head} {what}"));
            let text = match &note {
                Some(note) => self.encode_text(&format!("{head} {note}")),
                None => head,
            };
            longest = longest.max(smsup_sms::analyze(&text).segments);
            notices.push(Outgoing {
                to: To::Member(admin.id),
                text,
            });
        }
        if self.too_long(r, longest) {
            return;
        }
        d.effects.push(Effect::CheckAnswer {
            checkin_id: c.id,
            safe,
            help_id: Some(help_id),
        });
        d.effects.push(Effect::HelpRequest {
            list_id: l.id,
            id: help_id,
            new,
            body: note.unwrap_or_else(|| format!("{} 2", checkin_code(c.id))),
        });
        r.say("help-sent", &[("list", s(&l.name))]);
        r.out.extend(notices);
        // The call for help reaches the admins in the alert lane.
        d.notices_first = true;
    }

    /// ALERTS safety CONFIRM: the owner makes every alert of the list wait for a second admin's OK
    /// (there must be one); DIRECT sends them at once again.
    fn alert_rule(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        confirm: Option<bool>,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        if l.sender_role != Some(Role::Owner) {
            r.say("owner-only", &[("list", s(&l.name))]);
            return;
        }
        let Some(on) = confirm else {
            r.say("usage-alerts", &[]);
            return;
        };
        if on && !l.admins.iter().any(|a| a.id != facts.sender.id) {
            r.say("alert-rule-needs-admin", &[("list", s(&l.name))]);
            return;
        }
        d.effects
            .push(Effect::SetAlertConfirm { list_id: l.id, on });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: if on {
                "alerts-confirm"
            } else {
                "alerts-direct"
            },
            target: None,
        });
        r.say(
            if on {
                "alert-rule-confirm"
            } else {
                "alert-rule-direct"
            },
            &[("list", s(&l.name))],
        );
    }

    /// CORRECT: the alert's sender, the owner or an admin sends a correction, marked as such, to
    /// everyone the alert reached, and cancels what of it was still queued. Anyone else learns
    /// nothing of the code.
    fn correct(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        code: &str,
        body: &str,
        facts: &Facts,
    ) {
        let Some((a, l)) = self.own_alert(facts) else {
            r.say(
                "correct-unknown",
                &[("code", s(&code.trim().to_uppercase()))],
            );
            return;
        };
        let code = s(&format!("A{}", a.id));
        if shows_nothing(&clean_post(body)) {
            r.say("correct-empty", &[("code", code)]);
            return;
        }
        // Each correction is a fan-out too: a reporter's, as many an hour as alerts; the owner and
        // admins may always correct (a rogue reporter's corrections never use up theirs).
        let mark = "CORRECTION ";
        let sent_this_hour = if l.sender_role.is_some_and(Role::can_manage) {
            0
        } else {
            l.corrections_last_hour
        };
        let Some((text, segments)) =
            self.alert_text(r, l, &facts.sender, mark, body, sent_this_hour)
        else {
            return;
        };
        d.effects.push(Effect::Correct {
            alert_id: a.id,
            zawgyi_text: to_zawgyi(&text),
            text,
            segments,
            expire_minutes: self.rules.alert_expire_minutes,
        });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: "correct",
            target: Some(format!("A{}", a.id)),
        });
        r.say("correct-sent", &[("code", code)]);
        d.answer_first = true;
    }

    /// STATUS A12: where the alert's messages are, to its sender, the owner or an admin; to anyone
    /// else the code does not exist.
    fn alert_status(&self, r: &mut Replies<'_>, code: &str, facts: &Facts) {
        let Some((a, _)) = self.own_alert(facts) else {
            r.say("alert-unknown", &[("code", s(&code.trim().to_uppercase()))]);
            return;
        };
        r.say(
            "alert-status",
            &reach_args(a.id, &a.reach.unwrap_or_default()),
        );
    }

    /// The reach report an alert's sender gets by itself (the words of STATUS), in `lang`.
    pub fn alert_report(&self, lang: Lang, alert_id: i64, reach: &AlertReach) -> String {
        self.render_for(lang, "alert-status", &reach_args(alert_id, reach))
    }

    /// The alert CORRECT or STATUS names, with its list, when the sender manages the list, or
    /// sent the alert and may still send alerts (a reporter whose role was taken back may not).
    fn own_alert<'f>(&self, facts: &'f Facts) -> Option<(&'f AlertFacts, &'f ListFacts)> {
        let (a, l) = (facts.alert.as_ref()?, facts.list.as_ref()?);
        let allowed = l.sender_role.is_some_and(Role::can_manage)
            || (l.sender_role.is_some() && l.sender_reporter && a.author_id == facts.sender.id);
        allowed.then_some((a, l))
    }

    /// An alert's or a correction's text as members receive it, with its segments; or the reply
    /// that says why not (the carrier rules, too long, or `sent_this_hour` reached the hour's
    /// limit).
    fn alert_text(
        &self,
        r: &mut Replies<'_>,
        l: &ListFacts,
        sender: &Sender,
        mark: &str,
        body: &str,
        sent_this_hour: u64,
    ) -> Option<(String, u32)> {
        let sent = self.relayable(r, l, body)?;
        let text = self.relayed_marked(l, sender, mark, &sent);
        let segments = smsup_sms::analyze(&text).segments;
        if self.too_long(r, segments) {
            return None;
        }
        let max = u64::from(self.rules.alerts_per_list_per_hour);
        if sent_this_hour >= max {
            r.refuse_for_limit("alert-limit", &[("list", s(&l.name)), ("max", n(max))]);
            return None;
        }
        Some((text, u32::try_from(segments).unwrap_or(u32::MAX)))
    }

    /// REPORTER: the owner or an admin lets a member send alerts (or no longer); the member is told.
    fn reporter(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        who: &str,
        on: bool,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        if !l.sender_role.is_some_and(Role::can_manage) {
            r.say("not-admin", &[("list", s(&l.name))]);
            return;
        }
        // Under the two-person rule only the owner makes reporters: an admin could otherwise make
        // a second number of their own a reporter and confirm its alerts alone.
        if on && l.alert_confirm && l.sender_role != Some(Role::Owner) {
            r.say("owner-only", &[("list", s(&l.name))]);
            return;
        }
        let Some(target) = self.one_target(r, who, l, facts, "member-not-found") else {
            return;
        };
        let shown = display_name(target.alias.as_deref(), &target.label);
        let effect = Effect::SetReporter {
            list_id: l.id,
            member_id: target.id,
            on,
        };
        let (action, reply, notice) = if on {
            ("reporter", "reporter-made", "you-are-reporter")
        } else {
            ("reporter-off", "reporter-removed", "you-are-no-reporter")
        };
        let notice = (target.id != facts.sender.id).then_some(notice);
        self.act_on(d, r, (l.id, &l.name), effect, action, target, notice);
        r.say(reply, &[("who", s(&shown)), ("list", s(&l.name))]);
    }

    /// The text of a relayed message as it will leave, or the reply that says why it cannot.
    fn relayable(&self, r: &mut Replies<'_>, list: &ListFacts, body: &str) -> Option<String> {
        let body = clean_post(body);
        if shows_nothing(&body) {
            return None;
        }
        let sent = self.encode_text(&body);
        let check = &self.rules.carrier;
        if let Some(blocked) = check.check(&body).or_else(|| check.check(&sent)) {
            r.say(carrier_reply(blocked), &[("list", s(&list.name))]);
            return None;
        }
        Some(sent)
    }

    /// Refuse a relayed text longer than the posts' limit; true when it was refused.
    fn too_long(&self, r: &mut Replies<'_>, segments: usize) -> bool {
        let max = u64::from(self.rules.max_post_segments);
        if segments as u64 > max {
            r.say(
                "post-too-long",
                &[("segments", n(segments as u64)), ("max", n(max))],
            );
            return true;
        }
        false
    }

    /// A message from someone outside a list: a help request to its owner and admins, with a code
    /// they answer with (REPLY, SHARE). The admins never see the sender's number, the sender never
    /// sees theirs.
    fn help_line(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        l: &ListFacts,
        body: &str,
        facts: &Facts,
    ) {
        if !l.outside {
            r.say("not-member", &[("list", s(&l.name))]);
            return;
        }
        // Nobody would read it: said so (to a banned number too).
        if l.admins.is_empty() {
            r.say("list-unattended", &[("list", s(&l.name))]);
            return;
        }
        let outside = facts.outside.clone().unwrap_or_default();
        let max = u64::from(self.rules.outside_per_list_per_hour);
        if outside.messages_last_hour >= max {
            r.refuse_for_limit("help-limit", &[("list", s(&l.name)), ("max", n(max))]);
            return;
        }
        let Some(sent) = self.relayable(r, l, body) else {
            if r.out.is_empty() {
                r.say("not-member", &[("list", s(&l.name))]);
            }
            return;
        };
        let (id, new) = match outside.open_request {
            Some(id) => (id, false),
            None => (outside.next_id, true),
        };
        let code = help_code(id);
        let Some(notices) = self.to_admins(r, l, "help-request", &code, &sent) else {
            return;
        };
        // A banned number gets the same answers (the limit too: its messages are counted), and
        // nobody is bothered.
        if l.sender_banned {
            d.effects.push(Effect::HelpDropped { list_id: l.id });
            r.say("help-sent", &[("list", s(&l.name))]);
            return;
        }
        d.effects.push(Effect::HelpRequest {
            list_id: l.id,
            id,
            new,
            body: sent,
        });
        r.say("help-sent", &[("list", s(&l.name))]);
        r.out.extend(notices);
    }

    /// The help request REPLY or SHARE names, when the sender is an admin of its list (codes of
    /// other lists' requests tell nothing).
    fn help_for<'f>(
        &self,
        r: &mut Replies<'_>,
        code: &str,
        facts: &'f Facts,
    ) -> Option<(&'f HelpFacts, &'f ListFacts)> {
        match (&facts.help, &facts.list) {
            (Some(help), Some(l)) if l.sender_role.is_some_and(Role::can_manage) => Some((help, l)),
            _ => {
                r.say("help-unknown", &[("code", typed(code))]);
                None
            }
        }
    }

    /// REPLY <code> <text>: an admin answers a help request; the requester gets
    /// `[list] alias: text`.
    fn help_reply(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        code: &str,
        body: &str,
        facts: &Facts,
    ) {
        let Some((help, l)) = self.help_for(r, code, facts) else {
            return;
        };
        let code = help_code(help.id);
        let Some(sent) = self.relayable(r, l, body) else {
            if r.out.is_empty() {
                r.say("reply-empty", &[("code", s(&code))]);
            }
            return;
        };
        let text = self.relayed(l, &facts.sender, &sent);
        if self.too_long(r, smsup_sms::analyze(&text).segments) {
            return;
        }
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: "reply",
            target: Some(code.clone()),
        });
        r.out.push(Outgoing {
            to: To::Member(help.requester.id),
            text,
        });
        r.say("help-replied", &[("code", s(&code))]);
    }

    /// SHARE <code>: an admin posts a help request's text to every member, with no sender.
    fn help_share(&self, d: &mut Decision, r: &mut Replies<'_>, code: &str, facts: &Facts) {
        let Some((help, l)) = self.help_for(r, code, facts) else {
            return;
        };
        let code = help_code(help.id);
        let head = self.render_for(r.lang, "help-shared-head", &[("list", s(&l.name))]);
        let text = self.encode_text(&format!("{head} {}", help.body));
        let segments = smsup_sms::analyze(&text).segments;
        if self.too_long(r, segments) {
            return;
        }
        let segments = segments as u64;
        let budget = self.rules.list_segments_per_day;
        if budget > 0 && l.segments_today + segments * l.recipients > budget {
            r.refuse_for_limit("post-list-limit", &[("list", s(&l.name))]);
            return;
        }
        let zawgyi_text = to_zawgyi(&text);
        d.effects.push(Effect::Post {
            list_id: l.id,
            text,
            zawgyi_text,
            segments: u32::try_from(segments).unwrap_or(u32::MAX),
        });
        d.effects.push(Effect::Audit {
            list_id: l.id,
            action: "share",
            target: Some(code.clone()),
        });
        r.say("help-shared", &[("code", s(&code)), ("list", s(&l.name))]);
    }

    fn manage(
        &self,
        d: &mut Decision,
        r: &mut Replies<'_>,
        list: &str,
        who: &str,
        removing: bool,
        facts: &Facts,
    ) {
        let Some(l) = &facts.list else {
            r.say("unknown-list", &[("list", typed(list))]);
            return;
        };
        let role = l.sender_role;
        let allowed = if removing {
            role.is_some_and(Role::can_manage)
        } else {
            role == Some(Role::Owner)
        };
        if !allowed {
            let id = if removing { "not-admin" } else { "not-owner" };
            r.say(id, &[("list", s(&l.name))]);
            return;
        }
        let target = match facts.targets.as_slice() {
            [] => {
                r.say(
                    "member-not-found",
                    &[("who", typed(who)), ("list", s(&l.name))],
                );
                return;
            }
            [one] => one,
            _ => {
                r.say("member-ambiguous", &[("who", typed(who))]);
                return;
            }
        };
        let shown = display_name(target.alias.as_deref(), &target.label);
        let their_lang = self.language_for(target.language, None, &target.phone);
        if removing {
            if target.role == Role::Owner {
                r.say("cannot-remove-owner", &[("list", s(&l.name))]);
                return;
            }
            if target.role == Role::Admin
                && role != Some(Role::Owner)
                && target.id != facts.sender.id
            {
                r.say("cannot-remove-admin", &[("list", s(&l.name))]);
                return;
            }
            d.effects.push(Effect::Remove {
                list_id: l.id,
                member_id: target.id,
            });
            d.effects.push(Effect::Audit {
                list_id: l.id,
                action: "remove",
                target: Some(target.label.clone()),
            });
            r.say("removed", &[("who", s(&shown)), ("list", s(&l.name))]);
            if target.id != facts.sender.id {
                r.tell(
                    To::Member(target.id),
                    their_lang,
                    "you-were-removed",
                    &[("list", s(&l.name))],
                );
            }
        } else {
            if target.role == Role::Owner {
                r.say(
                    "admin-is-owner",
                    &[("who", s(&shown)), ("list", s(&l.name))],
                );
                return;
            }
            if target.role == Role::Member {
                d.effects.push(Effect::MakeAdmin {
                    list_id: l.id,
                    member_id: target.id,
                });
                d.effects.push(Effect::Audit {
                    list_id: l.id,
                    action: "admin",
                    target: Some(target.label.clone()),
                });
                r.tell(
                    To::Member(target.id),
                    their_lang,
                    "you-are-admin",
                    &[("list", s(&l.name))],
                );
            }
            r.say("admin-made", &[("who", s(&shown)), ("list", s(&l.name))]);
        }
    }
}

#[cfg(test)]
mod tests;
