//! The pure core: an inbound SMS plus the facts the store loaded give state changes, replies and a
//! fan-out. No I/O happens here; the store loads [`Facts`] for a [`Command`] and applies the [`Decision`]
//! in the same transaction.

pub mod parse;

use smsup_lang::{Arg, Lang};

pub use parse::{parse, Command, Parsed};

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

    fn can_manage(self) -> bool {
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
}

impl Sender {
    /// The name shown on posts: the alias or the stable label `#<id>`.
    pub fn display_name(&self) -> String {
        display_name(self.alias.as_deref(), self.id)
    }
}

/// A member's alias or stable label.
pub fn display_name(alias: Option<&str>, id: i64) -> String {
    match alias {
        Some(a) if !a.is_empty() => a.to_string(),
        _ => format!("#{id}"),
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
    /// Active members.
    pub members: u64,
    /// The sender's role, when an active member.
    pub sender_role: Option<Role>,
    /// Members who would receive a post now (active, not opted out, not the sender).
    pub recipients: u64,
    /// Segments this list sent in the last 24 hours.
    pub segments_today: u64,
}

/// A member of the list that REMOVE/ADMIN names.
#[derive(Debug, Clone)]
pub struct TargetFacts {
    /// Member id.
    pub id: i64,
    /// Alias.
    pub alias: Option<String>,
    /// Role in the list.
    pub role: Role,
    /// The target's language (for the notice they receive).
    pub language: Option<Lang>,
    /// The target's number (for the notice's language by country).
    pub phone: Phone,
}

/// What an invited number already is.
#[derive(Debug, Clone, Default)]
pub struct InviteeFacts {
    /// Already an active member of the list.
    pub active_member: bool,
    /// Opted out of everything.
    pub opted_out: bool,
    /// The member's chosen language.
    pub language: Option<Lang>,
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
}

/// The key a list name is stored and matched under.
pub fn list_key(name: &str) -> String {
    smsup_lang::normalize(name)
}

/// What the store must look up to decide `command`.
pub fn needs(command: &Command) -> Needs {
    let key = |l: &str| Some(list_key(l));
    match command {
        Command::Create { name, .. } => Needs {
            list_key: key(name),
            ..Needs::default()
        },
        Command::Join { list } | Command::Leave { list } | Command::Info { list } => Needs {
            list_key: key(list),
            ..Needs::default()
        },
        Command::Word(list) => Needs {
            list_key: key(list),
            ..Needs::default()
        },
        Command::Post { list, .. } => Needs {
            list_key: key(list),
            post_counts: true,
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
        Command::Remove { list, who } | Command::Admin { list, who } => Needs {
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
    /// Opt the sender out of everything and cancel what is queued for them.
    OptOut,
    /// Opt the sender back in.
    OptIn,
    /// Relay a post to every active member of the list but the sender.
    Post {
        /// List id.
        list_id: i64,
        /// The text each recipient gets (`[list] alias: text`).
        text: String,
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
}

/// The pure engine: rules plus the decision function.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    /// The deployment's rules.
    pub rules: Rules,
}

fn s(v: &str) -> Arg {
    Arg::Str(v.to_string())
}

fn n(v: u64) -> Arg {
    Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
}

/// True when a list name is acceptable: 2–24 letters (any script) or digits.
pub fn valid_list_name(name: &str) -> bool {
    let count = name.chars().count();
    (2..=24).contains(&count)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || is_combining_mark(c))
}

/// Marks that belong to letters in Brahmic and Arabic scripts (Burmese vowel signs, harakat).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x102B..=0x103E | 0x1056..=0x1059 | 0x105E..=0x1060 | 0x1062..=0x1064
        | 0x1067..=0x106D | 0x1071..=0x1074 | 0x1082..=0x108D | 0x108F | 0x109A..=0x109D
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0B82 | 0x0BBE..=0x0BCD | 0x0BD7
        | 0x200C | 0x200D)
}

impl Engine {
    /// Build an engine with these rules.
    pub fn new(rules: Rules) -> Engine {
        Engine { rules }
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
        let sender = &facts.sender;
        let lang = match &parsed.command {
            // LANG with a code answers in the chosen language.
            Command::Language { code: Some(code) } => {
                Lang::from_choice(code).unwrap_or_else(|| self.sender_lang(text, parsed, sender))
            }
            _ => self.sender_lang(text, parsed, sender),
        };
        let mut d = Decision {
            language: Some(lang),
            ..Decision::default()
        };
        // An opted-out number gets nothing until START.
        if sender.opted_out && parsed.command != Command::Start {
            return Decision::default();
        }
        let reply = |d: &mut Decision, id: &str, args: &[(&str, Arg)]| {
            d.replies.push(Outgoing {
                to: To::Sender,
                text: self.encode_text(&smsup_lang::render(lang, id, args)),
            });
        };
        match &parsed.command {
            Command::Empty => reply(&mut d, "empty", &[]),
            Command::Help => reply(&mut d, "help", &[]),
            Command::NeedList { keyword } => reply(&mut d, "need-list", &[("command", s(keyword))]),
            Command::Stop => {
                d.effects.push(Effect::OptOut);
                reply(&mut d, "stopped", &[]);
            }
            Command::Start => {
                if sender.opted_out {
                    d.effects.push(Effect::OptIn);
                }
                reply(&mut d, "started", &[]);
            }
            Command::Create { name, announce } => {
                let key = list_key(name);
                if !valid_list_name(name) {
                    reply(&mut d, "list-name-invalid", &[]);
                } else if smsup_lang::is_reserved(&key) {
                    reply(&mut d, "list-name-reserved", &[("list", s(name))]);
                } else if facts.list.is_some() {
                    reply(&mut d, "list-taken", &[("list", s(name))]);
                } else {
                    d.effects.push(Effect::CreateList {
                        name: name.clone(),
                        key,
                        announce: *announce,
                    });
                    let id = if *announce {
                        "created-announce"
                    } else {
                        "created"
                    };
                    reply(&mut d, id, &[("list", s(name))]);
                }
            }
            Command::Join { list } => match &facts.list {
                None => reply(&mut d, "unknown-list", &[("list", s(list))]),
                Some(l) if l.sender_role.is_some() => {
                    reply(&mut d, "already-member", &[("list", s(&l.name))])
                }
                Some(l) => {
                    d.effects.push(Effect::Join { list_id: l.id });
                    reply(&mut d, "joined", &[("list", s(&l.name))]);
                }
            },
            Command::Leave { list } => match &facts.list {
                None => reply(&mut d, "unknown-list", &[("list", s(list))]),
                Some(l) if l.sender_role.is_none() => {
                    reply(&mut d, "not-member", &[("list", s(&l.name))])
                }
                Some(l) => {
                    d.effects.push(Effect::Leave { list_id: l.id });
                    reply(&mut d, "left", &[("list", s(&l.name))]);
                }
            },
            Command::Info { list } => match &facts.list {
                None => reply(&mut d, "unknown-list", &[("list", s(list))]),
                Some(l) => {
                    let role = l.sender_role.map(Role::as_str).unwrap_or("none");
                    let mode = if l.announce { "announce" } else { "open" };
                    reply(
                        &mut d,
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
                    reply(&mut d, "lists-none", &[]);
                } else {
                    let text = self.lists_reply(lang, &facts.sender_lists);
                    d.replies.push(Outgoing {
                        to: To::Sender,
                        text,
                    });
                }
            }
            Command::Name { alias } => {
                let count = alias.chars().count();
                if count == 0 || count > 20 || alias.chars().any(char::is_control) {
                    reply(&mut d, "name-invalid", &[]);
                } else {
                    d.effects.push(Effect::SetAlias(alias.clone()));
                    reply(&mut d, "name-set", &[("alias", s(alias))]);
                }
            }
            Command::Language { code: None } => reply(&mut d, "lang-choices", &[]),
            Command::Language { code: Some(code) } => match Lang::from_choice(code) {
                Some(chosen) => {
                    d.effects.push(Effect::SetLanguage(chosen));
                    reply(&mut d, "lang-set", &[]);
                }
                None => reply(&mut d, "lang-choices", &[]),
            },
            Command::Word(word) => match &facts.list {
                Some(l) if l.sender_role.is_some() => {
                    reply(&mut d, "post-empty", &[("list", s(&l.name))])
                }
                Some(l) => reply(&mut d, "not-member", &[("list", s(&l.name))]),
                None => {
                    let _ = word;
                    reply(&mut d, "unknown-command", &[])
                }
            },
            Command::Post { text: body, .. } => self.post(&mut d, lang, body, facts),
            Command::Add { list, phone } => match (&facts.list, phone) {
                (None, _) => reply(&mut d, "unknown-list", &[("list", s(list))]),
                (Some(l), _) if !l.sender_role.is_some_and(Role::can_manage) => {
                    reply(&mut d, "not-admin", &[("list", s(&l.name))])
                }
                (Some(_), Err(typed)) => reply(&mut d, "invalid-number", &[("number", s(typed))]),
                (Some(l), Ok(phone)) => {
                    let invitee = facts.invitee.clone().unwrap_or_default();
                    if invitee.active_member {
                        reply(&mut d, "already-in-list", &[("list", s(&l.name))]);
                    } else if invitee.opted_out || *phone == sender.phone {
                        reply(&mut d, "invite-failed", &[]);
                    } else {
                        d.effects.push(Effect::Invite {
                            list_id: l.id,
                            phone: phone.clone(),
                        });
                        let their_lang = smsup_lang::choose(
                            invitee.language,
                            None,
                            phone.e164(),
                            self.rules.default_language,
                        );
                        d.replies.push(Outgoing {
                            to: To::Phone(phone.clone()),
                            text: self.encode_text(&smsup_lang::render(
                                their_lang,
                                "invite",
                                &[("list", s(&l.name))],
                            )),
                        });
                        reply(&mut d, "invite-sent", &[("list", s(&l.name))]);
                    }
                }
            },
            Command::Remove { list, who } | Command::Admin { list, who } => {
                let removing = matches!(parsed.command, Command::Remove { .. });
                self.manage(&mut d, lang, list, who, removing, facts);
            }
        }
        d
    }

    fn sender_lang(&self, text: &str, parsed: &Parsed, sender: &Sender) -> Lang {
        sender.language.or(parsed.keyword_lang).unwrap_or_else(|| {
            smsup_lang::choose(
                None,
                Some(text),
                sender.phone.e164(),
                self.rules.default_language,
            )
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
            let text = self.render_for(lang, "lists", &[("lists", s(&joined))]);
            if shown <= 1 || smsup_sms::analyze(&text).segments <= 1 {
                return text;
            }
            shown -= 1;
        }
    }

    fn render_for(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.encode_text(&smsup_lang::render(lang, id, args))
    }

    fn post(&self, d: &mut Decision, lang: Lang, body: &str, facts: &Facts) {
        let reply = |d: &mut Decision, id: &str, args: &[(&str, Arg)]| {
            d.replies.push(Outgoing {
                to: To::Sender,
                text: self.render_for(lang, id, args),
            });
        };
        let Some(l) = &facts.list else {
            reply(d, "unknown-command", &[]);
            return;
        };
        let Some(role) = l.sender_role else {
            reply(d, "not-member", &[("list", s(&l.name))]);
            return;
        };
        if l.announce && !role.can_manage() {
            reply(d, "post-announce-only", &[("list", s(&l.name))]);
            return;
        }
        if body.trim().is_empty() {
            reply(d, "post-empty", &[("list", s(&l.name))]);
            return;
        }
        let text = self.encode_text(&format!(
            "[{}] {}: {}",
            l.name,
            facts.sender.display_name(),
            body
        ));
        let segments = smsup_sms::analyze(&text).segments as u64;
        let max = u64::from(self.rules.max_post_segments);
        if segments > max {
            reply(
                d,
                "post-too-long",
                &[("segments", n(segments)), ("max", n(max))],
            );
            return;
        }
        let per_hour = u64::from(self.rules.posts_per_sender_per_hour);
        if facts.sender_posts_last_hour >= per_hour {
            reply(d, "post-sender-limit", &[("max", n(per_hour))]);
            return;
        }
        let budget = self.rules.list_segments_per_day;
        if budget > 0 && l.segments_today + segments * l.recipients > budget {
            reply(d, "post-list-limit", &[("list", s(&l.name))]);
            return;
        }
        d.effects.push(Effect::Post {
            list_id: l.id,
            text,
            segments: u32::try_from(segments).unwrap_or(u32::MAX),
        });
        if self.rules.confirm_posts {
            reply(
                d,
                "post-sent",
                &[("count", n(l.recipients)), ("segments", n(segments))],
            );
        }
    }

    fn manage(
        &self,
        d: &mut Decision,
        lang: Lang,
        list: &str,
        who: &str,
        removing: bool,
        facts: &Facts,
    ) {
        let reply = |d: &mut Decision, id: &str, args: &[(&str, Arg)]| {
            d.replies.push(Outgoing {
                to: To::Sender,
                text: self.render_for(lang, id, args),
            });
        };
        let Some(l) = &facts.list else {
            reply(d, "unknown-list", &[("list", s(list))]);
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
            reply(d, id, &[("list", s(&l.name))]);
            return;
        }
        let target = match facts.targets.as_slice() {
            [] => {
                reply(
                    d,
                    "member-not-found",
                    &[("who", s(who)), ("list", s(&l.name))],
                );
                return;
            }
            [one] => one,
            _ => {
                reply(d, "member-ambiguous", &[("who", s(who))]);
                return;
            }
        };
        let shown = display_name(target.alias.as_deref(), target.id);
        let their_lang = smsup_lang::choose(
            target.language,
            None,
            target.phone.e164(),
            self.rules.default_language,
        );
        if removing {
            if target.role == Role::Owner {
                reply(d, "cannot-remove-owner", &[("list", s(&l.name))]);
                return;
            }
            d.effects.push(Effect::Remove {
                list_id: l.id,
                member_id: target.id,
            });
            reply(d, "removed", &[("who", s(&shown)), ("list", s(&l.name))]);
            if target.id != facts.sender.id {
                d.replies.push(Outgoing {
                    to: To::Member(target.id),
                    text: self.render_for(their_lang, "you-were-removed", &[("list", s(&l.name))]),
                });
            }
        } else {
            if target.role == Role::Member {
                d.effects.push(Effect::MakeAdmin {
                    list_id: l.id,
                    member_id: target.id,
                });
                d.replies.push(Outgoing {
                    to: To::Member(target.id),
                    text: self.render_for(their_lang, "you-are-admin", &[("list", s(&l.name))]),
                });
            }
            reply(d, "admin-made", &[("who", s(&shown)), ("list", s(&l.name))]);
        }
    }
}

#[cfg(test)]
mod tests;
