# SMS Up replies, English. Every reply must fit in ONE SMS (160 GSM-7 characters, or 70 if the text
# needs UCS-2) for a 10-character list name and 3-digit counts: tests check it.
# Keywords inside replies (JOIN, LEAVE, ...) stay in English here; other locales may use their own.
# `<id>-short` is a shorter wording used when `<id>` does not fit one SMS: a list name in another
# script (Farsi, Burmese) makes a Latin-script reply UCS-2, 70 characters. Name the list once.

help = SMS Up: CREATE name, JOIN name, LEAVE name, LISTS, INFO name, NAME yourname. To post: name message. HELP JOIN explains JOIN. STOP ends all.
unknown-command = Not understood. To post, start with the list name: housing Hello. Text HELP for commands.
empty = Text HELP to see how to use SMS Up.

created = List { $list } created. Others join by texting JOIN { $list }. To post: { $list } your message
created-short = Created. Others join by texting JOIN { $list }
created-announce = Announce list { $list } created: only you and admins post. Others join: JOIN { $list }
created-announce-short = Announce list made. Join: JOIN { $list }
list-taken = The name { $list } is taken. Choose another name.
list-name-invalid = List names have 2-24 letters or digits, no spaces. Example: CREATE housing
list-name-reserved = { $list } is a command word. Choose another name.
unknown-list = There is no list called { $list }. Check the spelling.
need-list = Add the list name, for example: { $command } housing
announce-usage = To create a list where only admins post: CREATE { $list } ANNOUNCE
limit-lists = You created { $max } lists today. Please try again tomorrow.
limit-invites = You sent { $max } invitations lately. Please try again later.
declined = You will get no more invitations to { $list }.
no-invitation = You have no invitation to answer. Text HELP for commands.

joined = You joined { $list }. To post: { $list } your message. To leave: LEAVE { $list }
joined-short = Joined. To post: { $list } your message
already-member = You are already in { $list }.
left = You left { $list }. To rejoin: JOIN { $list }
not-member = You are not in { $list }. To join: JOIN { $list }

post-sent = { $segments ->
    [1] Sent to { $count ->
        [one] 1 member.
       *[other] { $count } members.
    }
   *[other] Sent to { $count ->
        [one] 1 member
       *[other] { $count } members
    }, { $segments } SMS each.
}
post-empty = Write your message after the list name: { $list } your message
post-announce-only = Only admins can post to { $list }.
post-too-long = Too long: { $segments } SMS. The limit is { $max }. Please shorten it.
post-sender-limit = You reached { $max } posts this hour. Please try again later.
post-list-limit = { $list } reached its daily SMS budget. Please try again tomorrow.

lists = Your lists: { $lists }
lists-none = You are in no list. To join one: JOIN name

name-set = Your name on posts is now { $alias }.
name-invalid = A name has 1-20 letters, without # or phone numbers or invisible signs. Example: NAME Amina
name-taken = That name looks like another member's name. Please choose another one.

info = { $list }: { $count ->
        [one] 1 member
       *[other] { $count } members
    }, { $mode ->
        [announce] announce-only
       *[open] open
    }. You: { $role ->
        [owner] owner
        [admin] admin
        [member] member
       *[none] not a member
    }.

invite-sent = Invitation to { $list } sent, if that number can receive SMS.
invite = You are invited to the SMS list { $list }. To join, reply JOIN { $list }. No more invitations: NO { $list }
# The invitation when the list name is in another script (the reply is then UCS-2, 70 characters):
# one mention of the name; a bare NO refuses the latest invitation.
invite-short = Invited to SMS list: reply JOIN { $list } or NO
invalid-number = That is not a valid phone number. Example: ADD { $list } 01X XXX XXXX
added-by-org = You were added to the SMS list { $list }. To leave: LEAVE { $list }. To stop all: STOP

not-admin = Only the owner or admins of { $list } can do that.
not-owner = Only the owner of { $list } can make admins.
member-not-found = No member { $who } in { $list }. Use the name or the # number shown on their posts.
member-ambiguous = Several members are called { $who }. Use the # number shown on their posts.
cannot-remove-owner = The owner of { $list } cannot be removed.
cannot-remove-admin = Only the owner of { $list } can remove an admin.
admin-is-owner = { $who } owns { $list } already.
owner-cannot-leave = You own { $list }, so you cannot leave it. To stop all SMS: STOP
removed = { $who } was removed from { $list }.
you-were-removed = You were removed from { $list }.
admin-made = { $who } is now an admin of { $list }.
you-are-admin = You are now an admin of { $list }. You can ADD and REMOVE members.

stopped = You will get no more SMS from SMS Up. To come back, text START.
help-stopped = You stopped all SMS from SMS Up. To get SMS again, text START.
started = Welcome back. You will get SMS again. Text HELP for commands.

lang-set = Replies will be in English.
lang-choices = Reply LANG and a code: en English, ms Melayu, my Burmese, fa Farsi/Dari, ar Arabic, so Somali, ur Urdu, ta Tamil, ps Pashto, cnh Hakha Chin, rhg Rohingya

# Carrier content rules (Malaysia): a post that the networks would block is not relayed. Never use the
# words these rules block (a phone number, a link, "PIN", "password", "IC number") in these replies:
# the networks would block the reply too.
carrier-my-phone = Not sent to { $list }: networks in Malaysia block SMS with a phone number, so nobody would get it. Send it again without the number.
carrier-my-link = Not sent to { $list }: networks in Malaysia block SMS with a link, so nobody would get it. Send it again without the link.
carrier-my-personal = Not sent: networks in Malaysia block SMS that ask for personal details (ID documents, secret codes), so nobody would get it. Write it another way.

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is).
font-set = Burmese will be sent to you in { $font }. To change: FONT ZAWGYI or FONT UNICODE
font-usage = To choose how Burmese is shown on your phone: FONT ZAWGYI or FONT UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = To move your lists to a new number: from this phone, text MOVE and the new number. The new phone then gets a code.
move-code-sent = A code was sent to your new number. From the new phone, reply MOVE and the code within 24 hours.
move-request = Someone asked to move their SMS Up lists to this number. If it was you, reply MOVE { $code } within 24 hours. If not, ignore this.
move-done = Done: your lists, name and language are on this number now. Text LISTS to see your lists.
move-done-old = Your SMS Up lists moved to your new number. This number gets nothing more from them.
move-bad-code = That code is wrong or has expired. From your old phone, text MOVE and this number again.
limit-moves = You asked to move your lists { $max } times today. Please try again tomorrow.

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up: are you still there? Reply YES to keep getting your lists. Without an answer in { $days ->
    [one] 1 day
   *[other] { $days } days
} they pause (nothing is deleted).

# Safe lists. $label: a member's label in a list, with its # (#K7PQ); $code: a help request's code
# (H7). No reply ever shows a phone number.
created-private = Private list { $list } created: people ask with JOIN { $list } and you or an admin APPROVE or DENY them.
created-private-short = Private list made. Ask to join: JOIN { $list }
info-private = { $list } is a private list. To ask to join: JOIN { $list }
join-requested = Your request to join { $list } was sent to its admins. You will get an SMS when they answer.
join-request = { $who } asks to join { $list }. To let them in: APPROVE { $label } To refuse: DENY { $label }
join-denied = Your request to join { $list } was not accepted.
approved = { $who } joined { $list }.
denied = { $who } will not join { $list }.
no-request = No open request to join from { $who }. Use the # number shown in the request.
request-which-list = Several of your lists have a request from { $who }. Name the list: APPROVE listname { $who }
banned = { $label } was removed from { $list } and cannot come back. To undo: UNBAN { $list } { $label }
unbanned = { $label } may join { $list } again.
owner-only = Only the owner of { $list } can do that.
owner-made = { $who } now owns { $list }. You are an admin of it.
you-are-owner = You now own { $list }. You can ADD, REMOVE and ADMIN members, and pass it on with OWNER.
need-who = Name the member after { $list }, by their name or the # number on their posts.
# The help line: someone outside a list writes to its owner and admins.
help-sent = Your message went to the organisers of { $list }. Their answer will come to this number.
# Followed by the person's message.
help-request = Help request { $code } to { $list } (REPLY { $code } text, or SHARE { $code } to post to all):
help-limit = You reached the limit of messages to { $list } for this hour ({ $max }). Please wait.
# No owner or admin can be reached (the owner opted out and nobody took over).
list-unattended = Nobody can answer for { $list } just now, so your message was not passed on. Please try again later.
help-unknown = There is no open help request { $code } in your lists.
reply-empty = Write your answer after the code: REPLY { $code } your answer
help-replied = Your answer to { $code } was sent.
# Followed by the request's text, posted to every member.
help-shared-head = [{ $list }] help request:
help-shared = Help request { $code } was posted to everyone in { $list }.
outside-off = People outside { $list } can no longer write to its admins.
outside-on = People outside { $list } can write to its admins again.
outside-usage = OUTSIDE { $list } OFF stops messages from people outside it; OUTSIDE { $list } ON allows them.

# FORGET: everything of the member is erased; only a marker of the number stays (nothing is sent to it
# until it texts START).
forget-confirm = To erase your number, name, lists and messages for good, reply FORGET { $code } within 10 minutes.
forgotten = Done: your number and messages are erased. Nothing more will come from SMS Up unless you text START.
forget-bad-code = That code is wrong or has expired. To erase everything, text FORGET again.

# Private messages between members of a list. $who: a name or #label; $label: a #label.
# Shown between the sender and the text of a private message: `[housing] Amina #K7PQ (private): ...`
dm-private = (private):
dm-sent = Your private message to { $who } in { $list } was sent.
dm-off = Private messages are turned off in { $list }.
dm-set-off = Members of { $list } can no longer write to each other privately.
dm-set-on = Members of { $list } can write to each other privately again.
dm-usage = DM { $list } OFF stops private messages between members; DM { $list } ON allows them.
to-usage = To write privately: TO { $list } name-or-#number your message
limit-dm = You sent { $max } private messages this hour. Please wait.
blocked = { $who } can no longer send you private messages. To undo: BLOCK { $label } OFF
unblocked = { $who } can send you private messages again.
block-not-found = Nobody called { $who } in your lists. Use the # number shown on their message.
block-which-list = Several of your lists have { $who }. Name the list: BLOCK listname { $who }

# DELETE: the owner closes a list ($code: four digits); the name stays reserved for 30 days.
delete-confirm = To close { $list } for good and tell its members, reply DELETE { $list } { $code } within 10 minutes.
delete-bad-code = That code is wrong or has expired. To close { $list }, text DELETE { $list } again.
list-deleted = { $list } is closed and its members were told. Nobody can take the name for 30 days.
list-closed = { $list } was closed by its owner. You will get nothing more from it.

# MODERATE: plain members' posts are held until an admin approves them; $code: the held post's code (P12).
# held-post is followed by the post as members would get it.
moderate-on = Posts by members of { $list } now wait for an admin's approval.
moderate-off = Members of { $list } post directly again.
moderate-usage = MODERATE { $list } ON holds members' posts for an admin's approval; MODERATE { $list } OFF ends it.
post-held = Your post to { $list } waits for an admin's approval.
held-post = Post { $code } to { $list } waits (APPROVE { $code } or REJECT { $code }):
held-approved = Post { $code } was sent to { $list }.
held-rejected = Post { $code } was not sent.
held-unknown = There is no post { $code } waiting in your lists.
post-approved = Your post to { $list } was approved and sent.
post-rejected = Your post to { $list } was not approved.

# HELP <command>: one SMS that explains one command (HELP FONT and HELP MOVE answer with font-usage
# and move-usage). Placeholders people replace are plain words: name (the list's name), who (a
# member's name or # number), number (a phone number). HELP STOP opts out, so there is no usage-stop.
usage-help = HELP shows the main commands. HELP and a command explains that one, for example: HELP JOIN
usage-create = CREATE name makes a list you own. Add PRIVATE to let people in yourself, or ANNOUNCE so that only you and admins post.
usage-announce = CREATE name ANNOUNCE makes a list where only you and its admins can post.
usage-join = JOIN name joins a list. To post to it: name your message. To leave it: LEAVE name
usage-leave = LEAVE name: you get nothing more from that list. To stop all SMS: STOP
usage-lists = LISTS shows the lists you are in.
usage-name = NAME yourname sets the name shown on your posts. Members never see your number.
usage-info = INFO name tells how many members a list has, who may post and your role in it.
usage-add = ADD name number invites someone to a list (owner and admins). They join by replying JOIN name.
usage-remove = REMOVE name who takes a member out of a list (owner and admins). They may join again; BAN keeps them out.
usage-admin = ADMIN name who makes a member an admin of your list. Only the owner can do it.
usage-start = START after STOP: you get SMS from SMS Up again.
usage-lang = LANG and a code sets the language of replies, for example: LANG ms. LANG alone shows the codes.
usage-no = NO name refuses an invitation to a list and any more from it. NO alone refuses the latest one.
usage-private = CREATE name PRIVATE makes a list that people join only when you or an admin APPROVE them.
usage-approve = APPROVE #number lets in the person who asked to join (the # number is in the request). APPROVE P12 sends a post that waits.
usage-deny = DENY #number refuses a request to join. REJECT P12 refuses a post that waits for approval.
usage-ban = BAN name who removes a member and keeps that number out of the list for good. To undo: UNBAN name #number
usage-unban = UNBAN name #number lets a banned person join the list again.
usage-owner = OWNER name who passes your list on to another member. You stay an admin of it.
usage-reply = REPLY H7 and your answer answers help request H7 from someone outside your list. Nobody sees your number.
usage-share = SHARE H7 posts the text of help request H7 to all members of your list, without its sender.
usage-outside = OUTSIDE name OFF stops messages from people outside your list (owner); OUTSIDE name ON allows them.
usage-forget = FORGET erases your number, name, lists and messages for good. You get a code to confirm.
usage-to = TO name who and your message writes privately to one member (by name or # number). Nobody sees numbers.
usage-block = BLOCK #number stops one person's private messages to you. To undo: BLOCK #number OFF
usage-dm = DM name OFF stops private messages between members of your list (owner); DM name ON allows them.
usage-delete = DELETE name closes your list for good (owner only). You get a code to confirm.
usage-moderate = MODERATE name ON holds members' posts until an admin approves them; MODERATE name OFF ends it.

# ALERT: a security alert, before everything else. Members receive `[list] ALERT alias: text`.
alert-sent = Alert { $code } sent to { $count ->
    [one] 1 member
   *[other] { $count } members
} of { $list }, before everything else. To correct it: CORRECT { $code } your message
alert-test-sent = TEST alert sent to { $count ->
    [one] 1 member
   *[other] { $count } members
} of { $list }, marked TEST. For a real one: ALERT { $list } your message
alert-not-allowed = Only the owner, admins and reporters of { $list } can send alerts.
alert-empty = Write the alert after the list name: ALERT { $list } your message
alert-limit = { $list } sent { $max } alerts this hour, the most allowed. Please wait.
# REPORTER: the owner or an admin lets a member send alerts.
reporter-made = { $who } can now send alerts to { $list }.
reporter-removed = { $who } can no longer send alerts to { $list }.
you-are-reporter = You can now send alerts to { $list }, for real danger only: ALERT { $list } your message
you-are-no-reporter = You can no longer send alerts to { $list }.
usage-alert = ALERT name your message warns every member of a list at once (owner, admins and reporters). ALERT name TEST message: a test.
usage-reporter = REPORTER name who lets a member send alerts (owner and admins); REPORTER name who OFF takes it back.
correct-sent = Correction to { $code } sent to everyone it reached; what of { $code } still waited is cancelled.
correct-unknown = There is no alert { $code } of yours to correct.
correct-empty = Write the correction after the code: CORRECT { $code } your message
usage-correct = CORRECT A12 your message: a correction to everyone alert A12 reached; what of it still waits is cancelled (its sender, owner and admins).
alert-status = Alert { $code }: { $delivered } of { $total } delivered, { $failed } failed, { $expired } expired, { $waiting } on the way, { $minutes } min after it was sent.
alert-unknown = There is no alert { $code } of yours.
usage-status = STATUS A12 tells how far alert A12 got: delivered, failed, expired, on the way (its sender, owner and admins).
# ALERTS: the two-person rule. An alert waits until another admin or the owner answers OK with its code.
# alert-confirm-ask is followed by the alert as members would get it.
alert-waiting = Alert { $code } to { $list } waits for the OK of another admin or the owner; they have it. Not sent after { $minutes } min.
alert-confirm-ask = Alert { $code } to { $list } waits for your OK (OK { $code } sends it):
alert-confirm-self = Another admin or the owner must send { $code } with OK, not its sender.
alert-confirm-late = Alert { $code } waited more than { $minutes } min and was not sent.
alert-confirmed = Your alert { $code } was confirmed and went to { $count ->
    [one] 1 member
   *[other] { $count } members
} of { $list }.
alert-rule-confirm = Each alert to { $list } now waits for the OK of a second admin or the owner. Back: ALERTS { $list } DIRECT
alert-rule-direct = Alerts to { $list } now go out at once, without a second OK.
alert-rule-needs-admin = Name a second admin of { $list } first (ADMIN { $list } who): they confirm the alerts.
alert-no-confirmer = Alerts to { $list } need a second admin's OK and there is none. Owner: ADMIN or ALERTS { $list } DIRECT
usage-alerts = ALERTS name CONFIRM: each alert waits for a second admin's OK; ALERTS name DIRECT: at once (owner).
usage-ok = OK A12 sends alert A12 that waits for your OK (another admin or the owner of its list).
# CHECK: a safety check-in. Members get the question, then checkin-how on its own line; they answer
# 1 or 2 (any script's digits) within 24 hours. For each 2 the owner and admins get help-request, then
# checkin-help, then what the member wrote after the 2.
checkin-how = Reply 1 if you are safe, 2 if you need help.
checkin-sent = Check-in { $code } sent to { $count ->
    [one] 1 member
   *[other] { $count } members
} of { $list }. Answers for 24 hours: RESULTS { $code }
checkin-safe = Thank you: you are counted as safe in { $list }.
checkin-help = { $who } answered 2 (needs help) to check-in { $check }.
checkin-results = { $code }: { $safe } safe, { $help } need help, { $silent } no answer.
checkin-unknown = There is no check-in { $code } in your lists.
checkin-empty = Write the question after the list name: CHECK { $list } your question
checkin-not-allowed = Only the owner and admins of { $list } can send a check-in.
checkin-limit = { $list } sent { $max } alerts and check-ins this hour, the most allowed. Please wait.
usage-check = CHECK name question asks every member to reply 1 if safe, 2 if they need help (owner and admins).
usage-results = RESULTS C3 counts the answers to check-in C3: safe, need help, no answer (owner and admins).
