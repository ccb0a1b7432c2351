# SMS Up ၏ မြန်မာဘာသာ အဖြေများ (Unicode)။ အဖြေတိုင်း SMS တစ်စောင် (UCS-2 စာလုံး 70) ထဲ ဆံ့ရမည်
# (အဖွဲ့အမည် 24 လုံး၊ အဖွဲ့ဝင်အမည် 20 လုံး၊ ဂဏန်း 3 လုံးဖြင့်)။ စမ်းသပ်ချက်များက စစ်ဆေးသည်။
# တိုတိုရေးပါ။ အဖွဲ့အမည်ကို တစ်ကြိမ်သာ ရေးပါ («ဝင် အမည်» ကဲ့သို့ command ထဲတွင်)။
# Burmese has no plural forms (CLDR my: other).
# Command words are those of keywords.txt; English ones (JOIN...) work too. A phrase that tells how
# to stop everything must start with a stop keyword (ရပ်).

help = ဝင်/ထွက်/ဖွင့် + အဖွဲ့အမည်။ ပို့ရန်: အဖွဲ့ စာ။ အားလုံးရပ်ရန်: ရပ်
unknown-command = နားမလည်ပါ။ ပို့ရန် အဖွဲ့အမည်ဖြင့် စပါ။ အကူအညီ ဟု ပို့ပါ။
empty = အသုံးပြုပုံ သိရန် အကူအညီ ဟု ပို့ပါ။

created = ဖွင့်ပြီး။ ဝင်ရန်: ဝင် { $list }။ ပို့ရန်: အဖွဲ့အမည် စာ
created-announce = ဖွင့်ပြီး (စီမံသူသာ ပို့နိုင်)။ ဝင်ရန်: ဝင် { $list }
list-taken = { $list } အမည် ရှိပြီးသား။ အခြားအမည် ရွေးပါ။
list-name-invalid = အဖွဲ့အမည်: စာလုံး/ဂဏန်း 2-24 လုံး၊ space မပါ။ ဥပမာ: ဖွင့် အိမ်
list-name-reserved = { $list } သည် command စကားလုံး။ အခြားအမည် ရွေးပါ။
unknown-list = { $list } အမည်ရှိ အဖွဲ့ မရှိပါ။ စာလုံးပေါင်း စစ်ပါ။
need-list = အဖွဲ့အမည် ထည့်ပါ၊ ဥပမာ: { $command } အိမ်
announce-usage = စီမံသူသာ ပို့နိုင်သော အဖွဲ့: ဖွင့် { $list } ကြေညာ
limit-lists = ယနေ့ အဖွဲ့ { $max } ခု ဖွင့်ပြီးပြီ။ မနက်ဖြန် ပြန်ကြိုးစားပါ။
limit-invites = မကြာမီက ဖိတ်စာ { $max } စောင် ပို့ပြီးပြီ။ နောက်မှ ပြန်ကြိုးစားပါ။
declined = { $list } မှ ဖိတ်စာ ထပ်မပို့တော့ပါ။
no-invitation = ဖြေရန် ဖိတ်စာ မရှိပါ။ အကူအညီ ဟု ပို့ပါ။

joined = ဝင်ပြီး။ ပို့ရန်: အဖွဲ့အမည် စာ။ ထွက်ရန်: ထွက် { $list }
already-member = { $list } ထဲ ရှိပြီးသား ဖြစ်သည်။
left = အဖွဲ့မှ ထွက်ပြီး။ ပြန်ဝင်ရန်: ဝင် { $list }
not-member = အဖွဲ့ဝင် မဟုတ်ပါ။ ဝင်ရန်: ဝင် { $list }

post-sent = { $segments ->
    [1] { $count } ယောက်ထံ ပို့ပြီး။
   *[other] { $count } ယောက်ထံ ပို့ပြီး၊ တစ်ယောက် SMS { $segments } စောင်။
}
post-empty = အဖွဲ့အမည်နောက်တွင် စာရေးပါ: { $list } စာ
post-announce-only = { $list } သို့ စီမံသူများသာ ပို့နိုင်သည်။
post-too-long = ရှည်လွန်း: SMS { $segments } စောင်။ အများဆုံး { $max }။ တိုအောင်ရေးပါ။
post-sender-limit = ဤနာရီ စာ { $max } စောင် ပြည့်ပြီ။ နောက်မှ ပြန်ပို့ပါ။
post-list-limit = { $list } ၏ ယနေ့ SMS ပြည့်ပြီ။ မနက်ဖြန် ပြန်ပို့ပါ။

lists = သင့်အဖွဲ့များ: { $lists }
lists-none = မည်သည့်အဖွဲ့တွင်မျှ မရှိပါ။ ဝင်ရန်: ဝင် အမည်

name-set = စာများပေါ်ရှိ သင့်အမည် ယခု { $alias }။
name-invalid = အမည်: စာလုံး 1-20၊ #/ဖုန်းနံပါတ်/မမြင်ရသောသင်္ကေတ မပါ။ ဥပမာ: အမည် မမ
name-taken = ထိုအမည်သည် အခြားအဖွဲ့ဝင်၏ အမည်နှင့် တူသည်။ အခြားအမည် ရွေးပါ။

info = { $list }: အဖွဲ့ဝင် { $count }၊ { $mode ->
        [announce] ကြေညာသာ
       *[open] ဖွင့်
    }။ သင်: { $role ->
        [owner] ပိုင်ရှင်
        [admin] စီမံသူ
        [member] အဖွဲ့ဝင်
       *[none] အဖွဲ့ဝင်မဟုတ်
    }။

invite-sent = { $list } ဖိတ်စာ ပို့ပြီး (ထိုနံပါတ် SMS ရနိုင်လျှင်)။
invite = ဖိတ်စာ: ဝင် { $list } / ငြင်း { $list }
invalid-number = ဖုန်းနံပါတ် မမှန်ပါ။ ဥပမာ: ထည့် { $list } 01XXXXXXXX
added-by-org = ထည့်ခံရပြီ။ ထွက်ရန်: ထွက် { $list }။ အားလုံးရပ်ရန်: ရပ်

not-admin = { $list } ပိုင်ရှင် သို့ စီမံသူသာ လုပ်နိုင်သည်။
not-owner = { $list } ပိုင်ရှင်သာ စီမံသူ ခန့်နိုင်သည်။
member-not-found = { $list } တွင် { $who } မရှိ။ # သုံးပါ။
member-ambiguous = { $who } အမည်ရှိသူ အများအပြား။ စာပေါ်ရှိ # နံပါတ် သုံးပါ။
cannot-remove-owner = { $list } ပိုင်ရှင်ကို ဖယ်၍မရပါ။
cannot-remove-admin = { $list } ပိုင်ရှင်သာ စီမံသူကို ဖယ်နိုင်သည်။
admin-is-owner = { $who } သည် { $list } ပိုင်ရှင်ပါ။
owner-cannot-leave = { $list } ပိုင်ရှင်ဖြစ်၍ ထွက်မရပါ။ အားလုံးရပ်ရန်: ရပ်
removed = { $who } ကို { $list } မှ ဖယ်ပြီး။
you-were-removed = သင့်ကို { $list } မှ ဖယ်လိုက်ပြီ။
admin-made = { $who } သည် ယခု { $list } စီမံသူ။
you-are-admin = သင် ယခု { $list } စီမံသူ။ အဖွဲ့ဝင် ထည့်/ဖယ် နိုင်သည်။

stopped = SMS Up မှ SMS မပို့တော့ပါ။ ပြန်လာရန် စတင် ဟု ပို့ပါ။
help-stopped = SMS Up မှ SMS အားလုံး ရပ်ထားသည်။ ပြန်ရရန် စတင် ဟု ပို့ပါ။
started = ပြန်လာတာ ကြိုဆိုပါသည်။ SMS ပြန်ရပါမည်။ အကူအညီ ဟု ပို့ပါ။

lang-set = ယခုမှစ၍ မြန်မာလို ဖြေပါမည်။
lang-choices = ဘာသာ နှင့် ကုဒ် ပို့ပါ: my မြန်မာ၊ en ms fa ar so ur ta ps cnh rhg

# Carrier content rules (Malaysia): a post that the networks would block is not relayed.
# Only one SMS (70 characters) in this script: the list name is left out (the sender knows which list
# they wrote to). `{ $list -> *[other] ... }` keeps the message's variables those of English without
# showing the name. Never write a phone number, a link, or the words the networks block (PIN,
# password, IC number...) in these replies: the networks would block the reply too.
carrier-my-phone = { $list ->
   *[other] ပို့မရပါ။ မလေးရှားတွင် ဖုန်းနံပါတ်ပါ SMS ပိတ်သည်။ နံပါတ်မပါဘဲ ပို့ပါ။
}
carrier-my-link = { $list ->
   *[other] ပို့မရပါ။ မလေးရှားတွင် လင့်ခ်ပါ SMS ပိတ်သည်။ လင့်ခ်မပါဘဲ ပို့ပါ။
}
carrier-my-personal = ပို့မရပါ။ မလေးရှားတွင် ကိုယ်ရေးအချက်အလက်တောင်းသော SMS ပိတ်သည်။ ပြင်ပါ။

# FONT: how Burmese is sent to this member ($font is Zawgyi or Unicode, written as is). Within 70
# characters a sentence does not fit with both commands, so font-set reads "Burmese font: X".
font-set = မြန်မာစာ ဖောင့်: { $font }။ ပြောင်းရန်: ဖောင့် ZAWGYI / ဖောင့် UNICODE
font-usage = ဖုန်းတွင် မြန်မာစာ ပေါ်ပုံ ရွေးရန်: ဖောင့် ZAWGYI / ဖောင့် UNICODE

# MOVE: a member's lists go to their new number. No reply ever shows either number.
move-usage = ရွှေ့ရန် ဤဖုန်းမှ ပို့ပါ: ရွှေ့ နံပါတ်သစ်။ ဖုန်းသစ် ကုဒ်ရမည်။
move-code-sent = နံပါတ်သစ်သို့ ကုဒ်ပို့ပြီး။ ဖုန်းသစ်မှ ၂၄ နာရီအတွင်း: ရွှေ့ ကုဒ်
move-request = SMS Up အဖွဲ့များ ဤနံပါတ်သို့ ရွှေ့မလား။ ၂၄ နာရီအတွင်း: ရွှေ့ { $code }
move-done = ပြီးပြီ။ အဖွဲ့၊ အမည်၊ ဘာသာ ဤနံပါတ်တွင် ရှိပြီ။ ကြည့်ရန်: စာရင်းများ
move-done-old = SMS Up အဖွဲ့များ နံပါတ်သစ်သို့ ရွှေ့ပြီး။ ဤနံပါတ်သို့ မပို့တော့ပါ။
move-bad-code = ကုဒ် မှား/သက်တမ်းကုန်။ ဖုန်းဟောင်းမှ ပြန်ပို့ပါ: ရွှေ့ ဤနံပါတ်
limit-moves = ယနေ့ { $max } ကြိမ် ရွှေ့ရန် တောင်းပြီးပြီ။ မနက်ဖြန် ပြန်ကြိုးစားပါ။

# Re-confirmation: a member silent for long whose messages stopped being delivered ($days: days to answer).
reconfirm = SMS Up ဆက်ရရန်: စတင်။ { $days } ရက်အတွင်း မဖြေက ခဏဆိုင်းထားမည် (မဖျက်ပါ)။

# Safe lists.
created-private = သီးသန့်အဖွဲ့ ဖွင့်ပြီး။ ဝင်ရန်: ဝင် { $list }
info-private = သီးသန့်အဖွဲ့။ ဝင်ခွင့်တောင်းရန်: ဝင် { $list }
join-requested = { $list } ဝင်ခွင့်တောင်းချက် ပို့ပြီး။
join-request = { $who } မှ { $list }: ခွင့်ပြု { $label }
join-denied = { $list } ဝင်ခွင့် မရပါ။
approved = { $who } သည် { $list } ဝင်ပြီး။
denied = { $who } သည် { $list } မဝင်ရ။
no-request = { $who } ၏ ဝင်ခွင့်တောင်းချက် မရှိ။
request-which-list = အဖွဲ့အမည် ထည့်ပါ: ခွင့်ပြု အဖွဲ့ { $who }
banned = { $label } ကို { $list } မှ ပိတ်ပင်ပြီး။
unbanned = { $label } သည် { $list } ပြန်ဝင်နိုင်ပြီ။
owner-only = { $list } ပိုင်ရှင်သာ လုပ်နိုင်သည်။
owner-made = { $who } သည် { $list } ပိုင်ရှင် ဖြစ်ပြီ။
you-are-owner = ယခု { $list } ပိုင်ရှင် ဖြစ်ပြီ။
need-who = { $list } နောက်တွင် အမည် သို့ # ထည့်ပါ။
help-sent = { $list } စီစဉ်သူများထံ ပို့ပြီး။ အဖြေ ဤနေရာ လာမည်။
help-request = { $code } { $list } (ပြန်စာ/မျှဝေ { $code }):
help-limit = { $list } သို့ ဤနာရီ { $max } ကြိမ် ပြည့်ပြီ။ စောင့်ပါ။
list-unattended = { $list } ဖြေသူ မရှိပါ။ မပို့ရပါ။ နောက်မှ ပို့ပါ။
help-unknown = အကူအညီတောင်းချက် { $code } မရှိ။
reply-empty = အဖြေရေးပါ: ပြန်စာ { $code } အဖြေ
help-replied = { $code } အဖြေ ပို့ပြီး။
help-shared-head = [{ $list }] အကူအညီတောင်း:
help-shared = { $code } ကို { $list } အားလုံးထံ ပို့ပြီး။
outside-off = { $list } ပြင်ပမှ စာများ ပိတ်ပြီး။
outside-on = { $list } ပြင်ပမှ စာများ ပြန်ဖွင့်ပြီး။
outside-usage = ပြင်ပ { $list } OFF ပိတ် / ON ဖွင့်

forget-confirm = နံပါတ်နှင့် စာအားလုံး ဖျက်ရန် ၁၀ မိနစ်အတွင်း ဖျက် { $code } ပြန်ပို့ပါ။
forgotten = ဖျက်ပြီး။ စတင် မပို့မချင်း SMS Up မှ ဘာမျှ မလာတော့ပါ။
forget-bad-code = ကုဒ် မှား သို့ သက်တမ်းကုန်။ ဖျက် ပြန်ပို့ပါ။

# Private messages between members.
dm-private = (သီးသန့်):
dm-sent = { $who } ကို { $list } မှ ပို့ပြီး။
dm-off = { $list } တွင် သီးသန့်စာ ပိတ်ထားသည်။
dm-set-off = { $list } တွင် သီးသန့်စာ ပိတ်ပြီး။
dm-set-on = { $list } တွင် သီးသန့်စာ ပြန်ဖွင့်ပြီး။
dm-usage = တိုက်ရိုက်စာ { $list } OFF ပိတ် / ON ဖွင့်
to-usage = သီးသန့်ပို့ရန်: သို့ { $list } အမည် စာ
limit-dm = ဤနာရီ သီးသန့်စာ { $max } စောင် ပြည့်ပြီ။ စောင့်ပါ။
blocked = { $who } ၏ စာ ပိတ်ပြီး။ ဖွင့်: ပိတ်ဆို့ { $label } OFF
unblocked = { $who } ၏ သီးသန့်စာ ပြန်ဖွင့်ပြီး။
block-not-found = { $who } မတွေ့ပါ။ # နံပါတ် သုံးပါ။
block-which-list = အဖွဲ့အမည် ထည့်ပါ: ပိတ်ဆို့ အဖွဲ့ { $who }

# Closing a list.
delete-confirm = ၁၀ မိနစ်အတွင်း ပို့ပါ: ပိတ်သိမ်း { $list } { $code }
delete-bad-code = ကုဒ် မှား/သက်တမ်းကုန်။ ပြန်ပို့ပါ: ပိတ်သိမ်း { $list }
list-deleted = { $list } ပိတ်ပြီး။ အဖွဲ့ဝင်များ သိပြီ။ ရက် ၃၀ မယူရ။
list-closed = { $list } ကို ပိုင်ရှင် ပိတ်ပြီ။ စာ မလာတော့ပါ။

# Held posts.
moderate-on = { $list } အဖွဲ့ဝင် စာများ စီမံသူ ခွင့်ပြုမှ ပို့မည်။
moderate-off = { $list } တွင် တိုက်ရိုက် ပြန်ပို့နိုင်ပြီ။
moderate-usage = စိစစ် { $list } ON စစ် / OFF ရပ်
post-held = { $list } သို့ စာ စီမံသူ ခွင့်ပြုချက် စောင့်နေသည်။
held-post = { $code } { $list } (ခွင့်ပြု/မခွင့်ပြု { $code }):
held-approved = { $code } ကို { $list } သို့ ပို့ပြီး။
held-rejected = { $code } မပို့ပါ။
held-unknown = { $code } စောင့်ဆိုင်းစာ မရှိပါ။
post-approved = { $list } သို့ စာ ခွင့်ပြု၍ ပို့ပြီး။
post-rejected = { $list } သို့ စာ ခွင့်မပြုပါ။

# အကူအညီ <command>: command တစ်ခုကို SMS တစ်စောင်ဖြင့် ရှင်းပြသည်။
usage-help = ရှင်းလင်းချက်: အကူအညီ ဝင်
usage-create = ဖွင့် အဖွဲ့: အဖွဲ့သစ်။ + သီးသန့် (ခွင့်ပြုမှဝင်) / ကြေညာ (စီမံသူသာ)
usage-announce = ဖွင့် အဖွဲ့ ကြေညာ: စီမံသူသာ ပို့နိုင်သော အဖွဲ့
usage-join = ဝင် အဖွဲ့: အဖွဲ့ဝင်ရန်။ ပို့ရန်: အဖွဲ့ စာ။ ထွက်ရန်: ထွက် အဖွဲ့
usage-leave = ထွက် အဖွဲ့: ထိုအဖွဲ့မှ စာမရတော့။ အားလုံးရပ်ရန်: ရပ်
usage-lists = စာရင်းများ: သင်ပါဝင်သော အဖွဲ့များ
usage-name = အမည် သင့်အမည်: စာတွင်ပြမည့်အမည်။ နံပါတ်ကို မည်သူမျှ မမြင်ရ
usage-info = အချက်အလက် အဖွဲ့: အဖွဲ့ဝင်ဦးရေ၊ ပို့ခွင့်နှင့် သင့်အခန်း
usage-add = ထည့် အဖွဲ့ နံပါတ်: ဖိတ်ရန် (စီမံသူ)။ ဝင်ရန်: ဝင် အဖွဲ့
usage-remove = ဖယ် အဖွဲ့ အမည်: အဖွဲ့ဝင်ကိုဖယ် (စီမံသူ)။ အပြီး: ပိတ်ပင်
usage-admin = စီမံသူ အဖွဲ့ အမည်: စီမံသူခန့်ရန် (ပိုင်ရှင်သာ)
usage-start = စတင်: SMS ပြန်ရရန် (ရပ် ပြီးနောက်)
usage-lang = ဘာသာ ကုဒ်: ပြန်စာဘာသာ၊ ဥပမာ ဘာသာ my
usage-no = ငြင်း အဖွဲ့: ဖိတ်ကြားချက် ငြင်းရန်
usage-private = ဖွင့် အဖွဲ့ သီးသန့်: ခွင့်ပြု မှသာ ဝင်နိုင်သော အဖွဲ့
usage-approve = ခွင့်ပြု #နံပါတ်: ဝင်ခွင့်ပေး။ ခွင့်ပြု P12: စာကိုပို့
usage-deny = မခွင့်ပြု #နံပါတ်: ဝင်ခွင့်ငြင်း။ မခွင့်ပြု P12: စာမပို့
usage-ban = ပိတ်ပင် အဖွဲ့ အမည်: အပြီးဖယ်။ ပြန်: ပြန်ခွင့်ပြု အဖွဲ့ #နံပါတ်
usage-unban = ပြန်ခွင့်ပြု အဖွဲ့ #နံပါတ်: ပြန်ဝင်နိုင်
usage-owner = ပိုင်ရှင် အဖွဲ့ အမည်: အဖွဲ့ကို လွှဲပေး။ သင် စီမံသူ ဆက်ဖြစ်
usage-reply = ပြန်စာ H7 စာ: အကူအညီတောင်းသူကို ပြန်ဖြေ
usage-share = မျှဝေ H7: အကူအညီတောင်းစာကို အားလုံးထံ ပို့
usage-outside = ပြင်ပ အဖွဲ့ OFF ပိတ် / ON ဖွင့် (ပြင်ပမှစာ)
usage-forget = ဖျက်: သင့်နံပါတ်၊ အမည်၊ စာများ အပြီးဖျက်။ ကုဒ်ဖြင့် အတည်ပြု
usage-to = သို့ အဖွဲ့ အမည် စာ: တစ်ဦးတည်းထံ သီးသန့်ပို့
usage-block = ပိတ်ဆို့ #နံပါတ်: သီးသန့်စာ ပိတ်။ ပြန်: ပိတ်ဆို့ #နံပါတ် OFF
usage-dm = တိုက်ရိုက်စာ အဖွဲ့ OFF ပိတ် / ON ဖွင့် (ပိုင်ရှင်)
usage-delete = ပိတ်သိမ်း အဖွဲ့: အပြီးပိတ် (ပိုင်ရှင်)။ ကုဒ်ဖြင့် အတည်ပြု
usage-moderate = စိစစ် အဖွဲ့ ON စာများစစ် / OFF ရပ်

# သတိပေး: လုံခြုံရေး သတိပေးချက်၊ အရင်ဆုံး ပို့သည်။
alert-sent = { $code }: { $list } မှ { $count } ယောက်ထံ ပို့ပြီး။
alert-test-sent = { $list } မှ { $count } ယောက်ထံ TEST သတိပေးချက် ပို့ပြီး။
alert-not-allowed = { $list } ပိုင်ရှင်၊ စီမံသူ၊ သတင်းပို့သူသာ သတိပေးနိုင်
alert-empty = ပို့ရန်: သတိပေး { $list } စာ
alert-limit = { $list } ဤနာရီ သတိပေးချက် { $max } ကြိမ် ပြည့်ပြီ။
reporter-made = { $who } ယခု { $list } သို့ သတိပေးနိုင်ပြီ။
reporter-removed = { $who } ၏ { $list } သတိပေးခွင့် ပိတ်
you-are-reporter = အန္တရာယ်မှသာ ပို့ပါ: သတိပေး { $list } စာ
you-are-no-reporter = { $list } သို့ သတိမပေးနိုင်တော့ပါ။
usage-alert = သတိပေး အဖွဲ့ စာ: အားလုံးထံ ချက်ချင်း (စီမံသူ၊ သတင်းပို့သူ)
usage-reporter = သတင်းပို့သူ အဖွဲ့ အမည်: သတိပေးခွင့် (OFF ရုပ်သိမ်း)
correct-sent = { $code } ပြင်ဆင်ချက် ပို့ပြီး။
correct-unknown = ပြင်ရန် သတိပေးချက် { $code } မရှိပါ။
correct-empty = ပို့ရန်: ပြင်ဆင် { $code } စာ
usage-correct = ပြင်ဆင် A12 စာ: A12 ရသူအားလုံးထံ ပြင်ဆင်ချက်
alert-status = { $code } { $minutes } မိနစ်: { $total } မှ { $delivered } ရောက်၊ { $failed } မရ၊ { $expired } ကုန်၊ { $waiting } လမ်း
alert-unknown = သင့် သတိပေးချက် { $code } မရှိပါ။
usage-status = အခြေအနေ A12: A12 ဘယ်လောက် ရောက်ပြီလဲ
alert-waiting = { $list } အတွက် { $code } စီမံသူ OK စောင့်၊ { $minutes } မိနစ်
alert-confirm-ask = { $list } အတွက် { $code } သင့် OK စောင့် (OK { $code }):
alert-confirm-self = { $code } ကို အခြားစီမံသူက OK ဖြင့် ပို့ရမည်။
alert-confirm-late = { $code } သည် { $minutes } မိနစ်ကျော် စောင့်ပြီး မပို့ရ။
alert-confirmed = { $code } အတည်ပြု၊ { $list } မှ { $count } ယောက်ထံ ပို့ပြီး
alert-rule-confirm = { $list } သတိပေးချက်တိုင်း ဒုတိယစီမံသူ OK စောင့်မည်။
alert-rule-direct = { $list } သတိပေးချက်များ ချက်ချင်း ပို့မည်။
alert-rule-needs-admin = { $list } အတွက် ဒုတိယစီမံသူ အရင်ခန့်ပါ။
alert-no-confirmer = { $list } အတည်ပြုရန် ဒုတိယစီမံသူ မရှိ။
usage-alerts = သတိပေးချက်များ အဖွဲ့ CONFIRM: ဒုတိယစီမံသူ OK စောင့်; DIRECT: ချက်ချင်း
usage-ok = OK A12: သင့် OK စောင့်နေသော A12 ကို ပို့
checkin-how = လုံခြုံလျှင် 1၊ အကူအညီလိုလျှင် 2 ပြန်ပို့ပါ။
checkin-sent = { $code }: { $list } မှ { $count } ယောက်။ ရလဒ် { $code }
checkin-safe = ကျေးဇူး၊ { $list } တွင် လုံခြုံဟု မှတ်ပြီး။
checkin-help = { $who } က { $check } သို့ 2 (အကူအညီလို) ပို့
checkin-results = { $code }: လုံခြုံ { $safe }၊ အကူလို { $help }၊ မဖြေ { $silent }
checkin-unknown = သင့်အဖွဲ့တွင် { $code } မရှိပါ။
checkin-empty = ပို့ရန်: စစ်ဆေး { $list } မေးခွန်း
checkin-not-allowed = { $list } ပိုင်ရှင်၊ စီမံသူသာ စစ်ဆေးနိုင်
checkin-limit = { $list } ဤနာရီ { $max } ကြိမ် ပို့ပြီး။
usage-check = စစ်ဆေး အဖွဲ့ မေးခွန်း: 1 လုံခြုံ၊ 2 အကူလို
usage-results = ရလဒ် C3: C3 အဖြေများ
